package kz.emtihan.sitting;

import java.util.Map;

/** The words each paper of {@link SittingPapersTest} must carry, per language. */
record SittingPapersWords(
        String stagePreparation,
        String ticketWord,
        String voteSameDay,
        String voteAnotherSitting,
        String decisionSameDay,
        String redraw,
        String actWord,
        String redrawWord,
        String drawWord,
        String admitted,
        String preparation,
        String answer,
        String confirmed,
        String commissionB80,
        String appealWord,
        String postponementAllowed,
        String changed,
        String deputySigned) {
    String ticket(int n) {
        return String.format(ticketWord, n);
    }

    String act(int n) {
        return String.format(actWord, n);
    }

    String redrawAfter(int n) {
        return String.format(redrawWord, n);
    }

    String ticketDraw(int n) {
        return String.format(drawWord, n);
    }

    String appealChanged(String grade) {
        return String.format(appealWord, grade);
    }

    static SittingPapersWords of(String language) {
        return Map.of(
                        "kk",
                        new SittingPapersWords(
                                "дайындық",
                                "№ %d билет",
                                "сол күні басқа уақыт беруді жақтады",
                                "ағымдағы академиялық кезеңдегі басқа отырысты жақтады",
                                "сол күні басқа уақытта",
                                "білім алушы билетті қайта алады",
                                "Техникалық ақау туралы № %d акт",
                                "№ %d актіден кейін қайта алынды",
                                "№ %d билет",
                                "жіберілді",
                                "дайындық",
                                "жауап",
                                "нәтижені төраға бекітті",
                                "комиссия: B 80",
                                "апелляция: %s",
                                "рұқсат етілді",
                                "Баға өзгертілді",
                                "төрағаның орынбасары қол қойды"),
                        "ru",
                        new SittingPapersWords(
                                "подготовка",
                                "билет № %d",
                                "за другое время в тот же день",
                                "за другое заседание в текущем академическом периоде",
                                "другое время в тот же день",
                                "обучающийся тянет билет заново",
                                "Акт о технической неисправности № %d",
                                "вытянут заново после акта № %d",
                                "билет № %d",
                                "допуск",
                                "подготовка",
                                "ответ",
                                "результат утверждён председателем",
                                "комиссия: B 80",
                                "апелляция: %s",
                                "разрешено",
                                "Оценка изменена",
                                "Подписано заместителем председателя"),
                        "en",
                        new SittingPapersWords(
                                "preparation",
                                "ticket No. %d",
                                "for another time the same day",
                                "for another sitting in the current academic period",
                                "another time the same day",
                                "the student draws a ticket again",
                                "Act of technical failure No. %d",
                                "drawn again after act No. %d",
                                "ticket No. %d",
                                "admitted",
                                "preparation",
                                "answer",
                                "result confirmed by the chair",
                                "commission: B 80",
                                "appeal: %s",
                                "allowed",
                                "The grade is changed",
                                "Signed by the deputy chair"))
                .get(language);
    }
}
