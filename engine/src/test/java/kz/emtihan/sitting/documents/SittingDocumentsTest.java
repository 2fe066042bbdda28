package kz.emtihan.sitting.documents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import kz.emtihan.pdf.Messages;
import kz.emtihan.text.Language;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Each document in each language, read back with PDFBox's text extraction. */
class SittingDocumentsTest {

    private static final Map<Language, String> PROTOCOL = Map.of(
            Language.KK, "Қорытынды аттестаттау хаттамасы",
            Language.RU, "Протокол итоговой аттестации",
            Language.EN, "Protocol of the final attestation");
    private static final Map<Language, String> ACT = Map.of(
            Language.KK, "Техникалық ақау туралы № 1 акт",
            Language.RU, "Акт о технической неисправности № 1",
            Language.EN, "Act of technical failure No. 1");
    private static final Map<Language, String> APPEAL = Map.of(
            Language.KK, "Апелляциялық комиссияның шешімі",
            Language.RU, "Решение апелляционной комиссии",
            Language.EN, "Decision of the appeal commission");
    private static final Map<Language, String> DAY = Map.of(
            Language.KK, "2025\u202Fж. 10 маусым",
            Language.RU, "10 июня 2025\u202Fг.",
            Language.EN, "10 June 2025");
    /** Issue 15 (1): the zone in the paper's language, as CLDR names it, with its offset. */
    private static final Map<Language, String> ZONE = Map.of(
            Language.KK, "Қазақстан уақыты, UTC+5",
            Language.RU, "Казахстан, UTC+5",
            Language.EN, "Kazakhstan Time, UTC+5");

    private static final Map<Language, String> COURSE = Map.of(
            Language.KK, "Әр білім алушы бойынша отырыстың барысы (уақыт: Қазақстан уақыты, UTC+5)",
            Language.RU, "Ход заседания по каждому обучающемуся (время: Казахстан, UTC+5)",
            Language.EN, "Course of the sitting for each student (times: Kazakhstan Time, UTC+5)");
    /** The act, the redraw after it, the postponement and the appeal beside the commission's grade. */
    private static final Map<Language, String> COURSE_ITEMS = Map.of(
            Language.KK,
            "Техникалық ақау туралы № 1 акт, уақыты 11:42|№ 1 актіден кейін қайта алынды|рұқсат етілді 16:00, I бағасы 10.07.2025 қоса алғанда"
                    + "|комиссия: B+ 87; апелляция: A- 91|1-әрекет (№ 1 актімен тоқтатылды)",
            Language.RU,
            "Акт о технической неисправности № 1 в 11:42|вытянут заново после акта № 1|разрешено 16:00, оценка I по 10.07.2025"
                    + "|комиссия: B+ 87; апелляция: A- 91|Попытка 1 (остановлена актом № 1)",
            Language.EN,
            "Act of technical failure No. 1 at 11:42|drawn again after act No. 1|allowed 16:00, grade I through 10.07.2025|preparation from 11:24"
                    + "|commission: B+ 87; appeal: A- 91|Attempt 1 (stopped by act No. 1)");

    private static final Map<Language, String> PAGE_ONE =
            Map.of(Language.KK, "Бет 1 / ", Language.RU, "Страница 1 из ", Language.EN, "Page 1 of ");

    @ParameterizedTest
    @EnumSource(Language.class)
    void protocolReadsBackInItsLanguage(Language language) { // 6.15.6
        byte[] pdf = SittingDocuments.protocol(Samples.protocol(language));
        Samples.save("protocol-" + language.name().toLowerCase() + ".pdf", pdf);
        String text = Pdfs.text(pdf);
        List<String> students = Samples.students(language);

        assertTrue(text.contains(PROTOCOL.get(language)), text);
        assertTrue(text.contains(DAY.get(language)), text);
        assertTrue(text.contains(PAGE_ONE.get(language)), text);
        Samples.names(language).forEach(name -> assertTrue(text.contains(name), name));
        // 6.15.5: the commission's grade in its columns, the appeal's change beside it with the decision's date
        assertTrue(hasLine(text, "1 " + students.get(0) + " 12 85 90 88 86 87 87 B+ A- 91, 12.06.2025"), text);
        assertTrue(hasLine(text, "2 " + students.get(1) + " 7 95 96 94 97 95 95 A —"), text);
        assertTrue(
                Pattern.compile("(?m)^3 " + students.get(2) + "( —){7} I —")
                        .matcher(text)
                        .find(),
                text);
        assertTrue(hasLine(text, "4 " + students.get(3) + " 23 61 63 62 60 64 62 C- —"), text);
        String flat = text.replaceAll("\\s+", " ");
        assertTrue(flat.contains(ZONE.get(language)), "the zone is named: " + text);
        for (String time : List.of("10:00", "10:03", "10:04", "10:24", "10:38", "10:40", "11:42", "15:30", "15:31"))
            assertTrue(flat.contains(time), "the times of admission, draw, phases, confirmation, act: " + time);
        assertTrue(flat.contains(COURSE.get(language)), text);
        for (String expected : COURSE_ITEMS.get(language).split("\\|"))
            assertTrue(flat.contains(expected), language + " lacks " + expected + ": " + text);
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void failureActReadsBackInItsLanguage(Language language) { // 6.15.2
        FailureActDocument act = Samples.failureAct(language);
        byte[] pdf = SittingDocuments.failureAct(act);
        Samples.save("failure-act-" + language.name().toLowerCase() + ".pdf", pdf);
        String text = Pdfs.text(pdf);
        String flat = text.replaceAll("\\s+", " ");

        assertTrue(text.contains(ACT.get(language)), text);
        assertTrue(text.contains(act.student()), text);
        assertTrue(text.contains(act.description()), text);
        assertTrue(
                text.contains(DAY.get(language) + ", 11:42 (" + ZONE.get(language) + ")"),
                "the time with its zone: " + text);
        assertTrue(text.contains(DAY.get(language) + ", 15:30 (" + ZONE.get(language) + ")"), "the new time: " + text);
        Samples.questions(language).forEach(q -> assertTrue(flat.contains(q), "the ticket's question " + q));
        act.commission().forEach(p -> assertTrue(text.contains(p.name()), "signs: " + p.name()));
        Messages m = Messages.of(SittingDocuments.BUNDLE, language);
        for (String key : List.of(
                "stage.PREPARATION",
                "vote.SAME_DAY",
                "vote.ANOTHER_SITTING",
                "vote.REFUSE",
                "decision.SAME_DAY",
                "retry.DRAW",
                "role.SECRETARY",
                "role.CHAIR",
                "role.MEMBER")) assertTrue(flat.contains(m.get(key)), language + " lacks " + key + ": " + text);
        assertTrue(flat.contains(m.format("act.ticket.number", 4)), text);
        assertTrue(flat.contains(m.format("act.number", 1)), text);
    }

    @Test
    void anActBeforeTheVoteSaysTheDecisionIsPending() { // 6.15.2
        FailureActDocument decided = Samples.failureAct(Language.RU);
        FailureActDocument pending = new FailureActDocument(
                decided.sittingTitle(),
                1,
                decided.date(),
                Language.RU,
                decided.student(),
                decided.at(),
                decided.zone(),
                decided.stageReached(),
                decided.ticket(),
                decided.description(),
                decided.commission(),
                List.of(),
                java.util.Optional.empty(),
                java.util.Optional.empty());
        String text = Pdfs.text(SittingDocuments.failureAct(pending));
        assertTrue(text.contains("Ожидается") && text.contains("Голосов пока нет"), text);
        assertTrue(text.contains(decided.description()), text);
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void appealDecisionReadsBackInItsLanguage(Language language) { // 6.15.4, 6.15.5
        AppealDecisionDocument appeal = Samples.appeal(language);
        byte[] pdf = SittingDocuments.appealDecision(appeal);
        Samples.save("appeal-" + language.name().toLowerCase() + ".pdf", pdf);
        String text = Pdfs.text(pdf);

        assertTrue(text.contains(APPEAL.get(language)), text);
        assertTrue(text.contains(appeal.student()), text);
        assertTrue(text.contains(appeal.reason()), text);
        assertTrue(text.contains("B+ 87") && text.contains("A- 91"), text);
        assertTrue(text.replaceAll("\\s+", " ").contains(Samples.comment(language)), "the comment: " + text);
        assertTrue(text.contains(", 10:45 (" + ZONE.get(language) + ")"), "the time of the decision: " + text);
        assertTrue(!text.contains(Samples.names(language).get(5)), "the secretary does not sign an appeal: " + text);
        String changed = Map.of(
                        Language.KK,
                        "Баға өзгертілді",
                        Language.RU,
                        "Оценка изменена",
                        Language.EN,
                        "The grade is changed")
                .get(language);
        assertTrue(text.contains(changed), text);
        String meeting = Map.of(
                        Language.KK,
                        "2025\u202Fж. 12 маусым, 10:00",
                        Language.RU,
                        "12 июня 2025\u202Fг., 10:00",
                        Language.EN,
                        "12 June 2025, 10:00")
                .get(language);
        assertTrue(text.contains(meeting), text);
    }

    @Test
    void everyKazakhLetterIsEmbeddedAndExtractsAsItself() {
        String text = Pdfs.text(SittingDocuments.failureAct(Samples.failureAct(Language.KK)));
        assertTrue(text.contains("ӘәҒғҚқҢңӨөҰұҮүҺһІі"), text);
        assertFalse(text.contains("?"), "a character was replaced for want of a glyph: " + text);
    }

    @Test
    void onlyTheShippedFontIsUsedAndItIsEmbedded() throws IOException {
        List<byte[]> pdfs = List.of(
                SittingDocuments.protocol(Samples.protocol(Language.KK)),
                SittingDocuments.failureAct(Samples.failureAct(Language.RU)),
                SittingDocuments.appealDecision(Samples.appeal(Language.EN)));
        for (byte[] pdf : pdfs) {
            try (PDDocument doc = Loader.loadPDF(pdf)) {
                List<PDFont> fonts = new ArrayList<>();
                for (PDPage page : doc.getPages()) {
                    for (COSName name : page.getResources().getFontNames())
                        fonts.add(page.getResources().getFont(name));
                }
                assertFalse(fonts.isEmpty());
                for (PDFont font : fonts) {
                    assertTrue(font.isEmbedded(), font.getName());
                    assertTrue(font.getName().matches("[A-Z]{6}\\+LiberationSans(-Bold)?"), font.getName());
                }
            }
        }
    }

    @Test
    void metadataCarriesTheTitleAndTheLanguage() throws IOException {
        ProtocolDocument protocol = Samples.protocol(Language.KK);
        try (PDDocument doc = Loader.loadPDF(SittingDocuments.protocol(protocol))) {
            assertEquals(
                    "Қорытынды аттестаттау хаттамасы — " + protocol.sittingTitle(),
                    doc.getDocumentInformation().getTitle());
            assertEquals("kk", doc.getDocumentCatalog().getLanguage());
            assertTrue(doc.getDocumentCatalog().getViewerPreferences().displayDocTitle());
        }
    }

    private static boolean hasLine(String text, String line) {
        return text.lines().map(l -> l.strip().replaceAll("\\s+", " ")).anyMatch(line::equals);
    }
}
