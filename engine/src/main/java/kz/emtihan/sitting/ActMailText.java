package kz.emtihan.sitting;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Map;
import kz.emtihan.sitting.documents.Language;

/**
 * The subject and plain-text body of the e-mail that carries a copy of an act of technical failure to a commission
 * member (6.15.2), in the sitting's language. The wording follows the act's PDF (documents/messages_*.properties).
 */
record ActMailText(String subject, String body) {
    private record Labels(
            String title,
            String sitting,
            String student,
            String at,
            String stage,
            String description,
            String by,
            String attached,
            Map<String, String> stages) {}

    private static final Map<Language, Labels> LABELS = Map.of(
            Language.EN,
                    new Labels(
                            "Act of technical failure",
                            "Sitting",
                            "Student",
                            "Time of the failure",
                            "Stage interrupted",
                            "Description of the failure",
                            "Drawn up by",
                            "The act is attached as PDF. A copy of this act is sent to all members of the attestation commission on the day "
                                    + "it is drawn up (6.15.2). The members decide on another time in Emtihan.",
                            Map.of(
                                    "WAITING",
                                    "before the ticket draw",
                                    "PREPARATION",
                                    "preparation",
                                    "ANSWER",
                                    "answer")),
            Language.RU,
                    new Labels(
                            "Акт о технической неисправности",
                            "Заседание",
                            "Обучающийся",
                            "Время сбоя",
                            "Прерванный этап",
                            "Описание неисправности",
                            "Акт составил",
                            "Акт приложен в формате PDF. Копия акта направляется всем членам аттестационной комиссии в день его составления "
                                    + "(6.15.2). Решение о другом времени члены комиссии принимают в Emtihan.",
                            Map.of("WAITING", "до выбора билета", "PREPARATION", "подготовка", "ANSWER", "ответ")),
            Language.KK,
                    new Labels(
                            "Техникалық ақау туралы акт",
                            "Отырыс",
                            "Білім алушы",
                            "Ақау орын алған уақыт",
                            "Емтиханның үзілген кезеңі",
                            "Ақаудың сипаттамасы",
                            "Актіні жасаған",
                            "Акт PDF форматында тіркелген. Актінің көшірмесі жасалған күні аттестаттау комиссиясының барлық мүшелеріне "
                                    + "жіберіледі (6.15.2). Басқа уақыт туралы шешімді комиссия мүшелері Emtihan жүйесінде қабылдайды.",
                            Map.of(
                                    "WAITING",
                                    "билет таңдалғанға дейін",
                                    "PREPARATION",
                                    "дайындық",
                                    "ANSWER",
                                    "жауап")));

    /** What one act says, with people already given by name. */
    record Facts(
            String actId,
            String sittingTitle,
            String date,
            String student,
            Instant at,
            ZoneId zone,
            String stage,
            String description,
            String drawnUpBy) {}

    static ActMailText of(Language language, Facts f) {
        Labels l = LABELS.get(language);
        String when = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.LONG, FormatStyle.SHORT)
                        .withLocale(language.locale())
                        .format(f.at().atZone(f.zone()))
                + " (" + f.zone().getId() + ")";
        String body = l.title() + " " + f.actId() + "\n\n"
                + l.sitting() + ": " + f.sittingTitle() + ", " + f.date() + "\n"
                + l.student() + ": " + f.student() + "\n"
                + l.at() + ": " + when + "\n"
                + l.stage() + ": " + l.stages().getOrDefault(f.stage(), f.stage()) + "\n"
                + l.description() + ": " + f.description() + "\n"
                + l.by() + ": " + f.drawnUpBy() + "\n\n"
                + l.attached() + "\n";
        String subject =
                (l.title() + " " + f.actId() + " — " + f.sittingTitle()).replaceAll("\\s+", " "); // one header line
        return new ActMailText(subject, body);
    }
}
