package kz.emtihan.bank.imports;

import static kz.emtihan.bank.imports.Fixtures.en;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.xml.parsers.DocumentBuilderFactory;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Files nobody here wrote (src/test/resources/kz/emtihan/bank/real, each folder's README gives source and licence):
 * Moodle 4.3's own question files (GPL-3.0) and a hand-written quiz (MIT). Each is imported and every question
 * compared with its source, read here independently with the JDK's DOM parser.
 */
class MoodleXmlRealFilesTest {
    private static final String DIR = "/kz/emtihan/bank/real/";

    static byte[] real(String name) throws IOException {
        try (InputStream in = MoodleXmlRealFilesTest.class.getResourceAsStream(DIR + name)) {
            if (in == null) throw new IOException("no real file " + name);
            return in.readAllBytes();
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "moodle/format-xml-broken_cloze_questions.xml",
                "moodle/format-xml-categories_reverse_order.xml",
                "moodle/format-xml-category_with_description.xml",
                "moodle/format-xml-export_category.xml",
                "moodle/format-xml-html_chars_in_idnumbers.xml",
                "moodle/format-xml-multianswer.xml",
                "moodle/format-xml-multichoice.xml",
                "moodle/format-xml-nested_categories.xml",
                "moodle/format-xml-nested_categories_with_questions.xml",
                "moodle/format-xml-old_format_file.xml",
                "moodle/format-xml-sample_questions_with_old_image_tag.xml",
                "moodle/format-xml-truefalse.xml",
                "moodle/qtype-ddimageortext.moodle.xml",
                "moodle/qtype-ddwtos.moodle.xml",
                "moodle/qtype-description.moodle.xml",
                "moodle/qtype-essay.moodle.xml",
                "moodle/qtype-gapselect.moodle.xml",
                "moodle/qtype-match.moodle.xml",
                "moodle/qtype-multichoice.moodle.xml",
                "moodle/qtype-numerical.moodle.xml",
                "moodle/qtype-shortanswer.moodle.xml",
                "moodle/qtype-truefalse.moodle.xml",
                "moodlexml-to-json/test.xml"
            })
    void everyQuestionIsImportedAsWrittenOrSkippedNamingItsType(String file) throws Exception {
        byte[] bytes = real(file);
        ImportReport report = MoodleXmlImport.parse(bytes);
        List<Element> questions = sourceQuestions(bytes);
        assertEquals(
                questions.size(),
                report.questions().size() + report.skipped().size(),
                () -> Fixtures.described(report).toString());
        for (int i = 0; i < questions.size(); i++) {
            Element source = questions.get(i);
            int position = i + 1;
            String type = source.getAttribute("type");
            if (type.equals("multichoice") || type.equals("truefalse")) {
                sameAsSource(source, Fixtures.question(report, position), type);
            } else {
                assertEquals(
                        List.of(
                                type.isEmpty()
                                        ? "question has no type; only multichoice and truefalse questions are imported"
                                        : type
                                                + " question skipped: only multichoice and truefalse questions are imported"),
                        report.skipped().stream()
                                .filter(s -> s.question() == position)
                                .map(s -> en(s.reason()))
                                .toList());
            }
        }
    }

    /** Text, options, fractions, single, feedback, names and every file's bytes as the source has them. */
    private static void sameAsSource(Element source, ImportedQuestion q, String type) {
        assertEquals(text(child(source, "name")).strip(), q.name());
        assertEquals(visible(text(child(source, "questiontext"))), HtmlText.plain(q.text()));
        List<Element> answers = children(source, "answer");
        assertEquals(answers.size(), q.options().size());
        Map<String, byte[]> carried = new HashMap<>();
        collectFiles(source, carried);
        for (int i = 0; i < answers.size(); i++) {
            Element answer = answers.get(i);
            assertEquals(
                    Double.parseDouble(answer.getAttribute("fraction")),
                    q.fractions().get(i),
                    1e-9);
            assertEquals(visible(text(answer)), HtmlText.plain(q.options().get(i)));
            Optional<Element> feedback = Optional.ofNullable(child(answer, "feedback"));
            assertEquals(
                    feedback.map(f -> visible(text(f))).orElse(""),
                    HtmlText.plain(q.draft().options().get(i).feedback()));
        }
        long full = answers.stream()
                .filter(a -> Double.parseDouble(a.getAttribute("fraction")) >= 100)
                .count();
        boolean single = type.equals("truefalse")
                || Optional.ofNullable(child(source, "single"))
                        .map(s -> !List.of("false", "0")
                                .contains(s.getTextContent().strip()))
                        .orElse(full == 1); // Moodle's default "true" holds with one full answer
        assertEquals(single, !q.multiple());
        assertEquals(
                Optional.ofNullable(child(source, "generalfeedback"))
                        .map(g -> visible(text(g)))
                        .orElse(""),
                HtmlText.plain(q.draft().authored().feedback()));
        String html = q.text()
                + q.options()
                + q.draft().authored().feedback()
                + q.draft().options().stream().map(o -> o.feedback()).toList();
        for (EmbeddedFile file : q.files()) {
            assertTrue(html.contains("@@PLUGINFILE@@/" + file.name()), file.name() + " is shown");
            assertTrue(java.util.Arrays.equals(carried.get(file.name()), file.bytes()), file.name() + " bytes");
        }
        for (String name : carried.keySet()) {
            if (html.contains("@@PLUGINFILE@@/" + name))
                assertTrue(q.files().stream().anyMatch(f -> f.name().equals(name)), name + " is carried");
        }
    }

    @Test
    void aMultichoiceQuestionWithASoundAndFlagPicturesKeepsAllFiveFiles() throws Exception {
        ImportedQuestion q = MoodleXmlImport.parse(real("moodle/format-xml-multichoice.xml"))
                .questions()
                .get(0);
        assertEquals(
                List.of("bonjour.mp3", "flag-uk.jpg", "flag-france.jpg", "flag-german.jpg", "flag-denmark.jpg"),
                q.files().stream().map(EmbeddedFile::name).toList());
        assertTrue(
                q.text().contains("Listen to this greeting:<audio src=\"@@PLUGINFILE@@/bonjour.mp3\" controls"),
                q.text());
        assertEquals(
                "<p><img src=\"@@PLUGINFILE@@/flag-france.jpg\" alt=\"French flag\" width=\"30\" height=\"20\">"
                        + " French</p>",
                q.options().get(1));
        assertEquals(List.of(1), q.correct());
        assertEquals("<p>Yes, well done!</p>", q.draft().options().get(1).feedback());
        assertEquals("ID3", new String(q.files().get(0).bytes(), 0, 3, java.nio.charset.StandardCharsets.US_ASCII));
        assertTrue(q.draft().shuffle());
    }

    @Test
    void trueFalseKeepsPicturesInTextFeedbackAndGeneralFeedback() throws Exception {
        ImportedQuestion q = MoodleXmlImport.parse(real("moodle/format-xml-truefalse.xml"))
                .questions()
                .get(0);
        assertEquals(List.of("true", "false"), q.options());
        assertEquals(List.of(0.0, 100.0), q.fractions());
        assertEquals(List.of(1), q.correct());
        assertFalse(q.multiple());
        assertEquals(
                List.of("logo.jpg", "infos.jpg", "thumbdown.jpg", "thumbup.jpg"),
                q.files().stream().map(EmbeddedFile::name).toList());
        assertTrue(q.draft().authored().feedback().contains("<img src=\"@@PLUGINFILE@@/infos.jpg\""));
    }

    @Test
    void moodle19sImageTagBecomesAPictureAppendedToTheText() throws Exception {
        ImportReport report = MoodleXmlImport.parse(real("moodle/format-xml-sample_questions_with_old_image_tag.xml"));
        ImportedQuestion q = Fixtures.question(report, 2);
        assertTrue(q.text().endsWith(" <img src=\"@@PLUGINFILE@@/moodle.png\" alt=\"\">"), q.text());
        assertEquals("moodle.png", q.files().get(0).name());
        assertEquals(
                "\u0089PNG", new String(q.files().get(0).bytes(), 0, 4, java.nio.charset.StandardCharsets.ISO_8859_1));
        assertEquals(List.of(0.0, 0.0, 100.0), q.fractions());
    }

    @Test
    void idnumberWithHtmlCharactersIsKeptAsWritten() throws Exception {
        ImportedQuestion q = MoodleXmlImport.parse(real("moodle/format-xml-html_chars_in_idnumbers.xml"))
                .questions()
                .get(0);
        assertEquals("T & F", q.draft().authored().idNumber());
    }

    @Test
    void aMultipleAnswerQuestionKeepsItsHalvesAndGeneralFeedback() throws Exception {
        ImportedQuestion q = MoodleXmlImport.parse(real("moodle/qtype-multichoice.moodle.xml"))
                .questions()
                .get(0);
        assertTrue(q.multiple());
        assertEquals(List.of(0.0, 0.0, 50.0, 0.0, 50.0), q.fractions());
        assertEquals(List.of(2, 4), q.correct());
        assertEquals("Berlin, Paris and London", q.draft().authored().feedback());
    }

    @Test
    void nestedCategoriesBecomeTopics() throws Exception {
        ImportReport report = MoodleXmlImport.parse(real("moodle/format-xml-nested_categories_with_questions.xml"));
        assertEquals(
                List.of("Iota", "Iota / Kappa", "Iota / Kappa / Lambda", "Iota / Mu"),
                report.questions().stream().map(ImportedQuestion::topic).toList());
    }

    @Test
    void aFileThatIsNotWellFormedIsRefusedAtItsLine() {
        ImportException e = assertThrows(
                ImportException.class, () -> MoodleXmlImport.parse(real("moodle/lib-sample_questions_wrong.xml")));
        assertEquals(18, e.line());
    }

    @Test
    void aHandWrittenQuizIsReadAsItsAuthorMeantIt() throws Exception {
        ImportReport report = MoodleXmlImport.parse(real("moodlexml-to-json/test.xml"));
        ImportedQuestion tf = Fixtures.question(report, 1);
        assertEquals(List.of("true", "false"), tf.options());
        assertEquals(List.of("keyword1", "keyword2"), tf.draft().authored().tags());
        assertEquals("\u00adSi un coche circula a 25 m/s, lo hace a 90km/h", tf.text()); // its soft hyphen kept
        ImportedQuestion force = Fixtures.question(report, 4);
        assertFalse(force.multiple());
        assertFalse(force.draft().shuffle()); // <shuffleanswers>0</shuffleanswers>
        assertEquals(List.of(1), force.correct());
        ImportedQuestion speed = Fixtures.question(report, 7); // no <single>, two answers worth 100%
        assertTrue(speed.multiple());
        assertEquals(List.of(0.0, 100.0, 100.0), speed.fractions());
        assertEquals(List.of(1, 2), speed.correct());
        assertEquals(9, report.questions().size());
        assertEquals(
                "question has no type; only multichoice and truefalse questions are imported",
                en(report.skipped().get(report.skipped().size() - 1).reason()));
    }

    // --- the source, read independently ---

    private static List<Element> sourceQuestions(byte[] file) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Element quiz = factory.newDocumentBuilder()
                .parse(new ByteArrayInputStream(file))
                .getDocumentElement();
        List<Element> out = new ArrayList<>();
        for (Element q : children(quiz, "question")) if (!q.getAttribute("type").equals("category")) out.add(q);
        return out;
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(name)) out.add(e);
        }
        return out;
    }

    private static Element child(Element parent, String name) {
        List<Element> all = children(parent, name);
        return all.isEmpty() ? null : all.get(0);
    }

    private static String text(Element element) {
        Element text = element == null ? null : child(element, "text");
        return text == null ? "" : text.getTextContent();
    }

    /** What a reader sees of the source's HTML. */
    private static String visible(String html) {
        return Jsoup.parseBodyFragment(html)
                .text()
                .replace('\u00a0', ' ')
                .strip()
                .replaceAll("\\s+", " ");
    }

    private static void collectFiles(Element element, Map<String, byte[]> files) {
        for (Element file : children(element, "file")) {
            String path = file.getAttribute("path").isEmpty() ? "/" : file.getAttribute("path");
            String name = (path + file.getAttribute("name")).replaceFirst("^/+", "");
            files.put(name, Base64.getMimeDecoder().decode(file.getTextContent()));
        }
        for (Node n = element.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && !e.getTagName().equals("file")) collectFiles(e, files);
        }
        if (element.getTagName().equals("question") && child(element, "image_base64") != null) {
            files.put(
                    child(element, "image").getTextContent().strip(),
                    Base64.getMimeDecoder()
                            .decode(child(element, "image_base64").getTextContent()));
        }
    }
}
