package kz.emtihan.sitting.documents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
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
            Language.KK, "Техникалық ақау туралы акт",
            Language.RU, "Акт о технической неисправности",
            Language.EN, "Act of technical failure");
    private static final Map<Language, String> APPEAL = Map.of(
            Language.KK, "Апелляциялық комиссияның шешімі",
            Language.RU, "Решение апелляционной комиссии",
            Language.EN, "Decision of the appeal commission");
    private static final Map<Language, String> DAY = Map.of(
            Language.KK, "2025 ж. 10 маусым",
            Language.RU, "10 июня 2025 г.",
            Language.EN, "10 June 2025");
    private static final Map<Language, String> PAGE_ONE =
            Map.of(Language.KK, "Бет 1 / 1", Language.RU, "Страница 1 из 1", Language.EN, "Page 1 of 1");

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
        assertTrue(hasLine(text, "1 " + students.get(0) + " 12 85 90 88 86 87 87 B+"), text);
        assertTrue(hasLine(text, "2 " + students.get(1) + " 7 95 96 94 97 95 95 A"), text);
        assertTrue(
                Pattern.compile("(?m)^3 " + students.get(2) + "( —){7} I\\b")
                        .matcher(text)
                        .find(),
                text);
        assertTrue(hasLine(text, "4 " + students.get(3) + " 23 61 63 62 60 64 62 C-"), text);
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void failureActReadsBackInItsLanguage(Language language) { // 6.15.2
        FailureActDocument act = Samples.failureAct(language);
        byte[] pdf = SittingDocuments.failureAct(act);
        Samples.save("failure-act-" + language.name().toLowerCase() + ".pdf", pdf);
        String text = Pdfs.text(pdf);

        assertTrue(text.contains(ACT.get(language)), text);
        assertTrue(text.contains(act.student()), text);
        assertTrue(text.contains(act.description()), text);
        assertTrue(text.contains(DAY.get(language) + ", 11:42 (Asia/Almaty)"), text);
        act.votes().forEach(v -> assertTrue(text.contains(v.member()), v.member()));
        String votes = Map.of(
                        Language.KK,
                        "Жақтады|Қалыс қалды|Қарсы",
                        Language.RU,
                        "За|Воздержался|Против",
                        Language.EN,
                        "For|Abstained|Against")
                .get(language);
        for (String vote : votes.split("\\|")) assertTrue(text.contains(vote), vote);
        assertTrue(text.contains(act.newTime().orElse("not set")), text);
    }

    @Test
    void anActBeforeTheVoteSaysTheDecisionIsPending() { // 6.15.2
        FailureActDocument decided = Samples.failureAct(Language.RU);
        FailureActDocument pending = new FailureActDocument(
                decided.sittingTitle(),
                decided.date(),
                Language.RU,
                decided.student(),
                decided.at(),
                decided.zone(),
                decided.stageReached(),
                decided.description(),
                decided.secretary(),
                java.util.List.of(),
                SittingDocuments.pending(Language.RU),
                false,
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
        assertTrue(text.contains("B+ (87)") && text.contains("A- (91)"), text);
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
                        "2025 ж. 12 маусым, 10:00",
                        Language.RU,
                        "12 июня 2025 г., 10:00",
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
