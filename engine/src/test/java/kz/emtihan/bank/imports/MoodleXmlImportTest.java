package kz.emtihan.bank.imports;

import static kz.emtihan.bank.imports.Fixtures.described;
import static kz.emtihan.bank.imports.Fixtures.en;
import static kz.emtihan.bank.imports.Fixtures.lineOf;
import static kz.emtihan.bank.imports.Fixtures.question;
import static kz.emtihan.bank.imports.Fixtures.reasonsAt;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import kz.emtihan.bank.model.Difficulty;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The fixture is a Moodle 4.x "Export questions → Moodle XML" file: 6 categories, 25 questions. */
class MoodleXmlImportTest {
    private static String xml;
    private static ImportReport report;

    @BeforeAll
    static void parseTheExport() throws Exception {
        xml = Fixtures.text("moodle-export.xml");
        report = MoodleXmlImport.parse(Fixtures.bytes("moodle-export.xml"));
    }

    /** Where Moodle's {@code <!-- question: id -->} comment says the question starts: the next line. */
    private static int lineOfQuestion(int moodleId) {
        return lineOf(xml, "<!-- question: " + moodleId + " ") + 1;
    }

    private static String at(int position, int moodleId) {
        return "question " + position + " (line " + lineOfQuestion(moodleId) + ")";
    }

    @Test
    void importsEveryUsableMultichoiceAndTrueFalseQuestionInFileOrder() {
        assertEquals(
                List.of(1, 2, 3, 4, 5, 6, 7, 9, 11, 12, 13, 16, 19, 20, 21),
                report.questions().stream().map(ImportedQuestion::position).toList());
    }

    @Test
    void everyQuestionIsImportedOrSkippedAndCategoriesAreNotQuestions() {
        var positions = new TreeSet<Integer>();
        report.questions().forEach(q -> positions.add(q.position()));
        report.skipped().forEach(s -> positions.add(s.question()));
        assertEquals(IntStream.rangeClosed(1, 25).boxed().toList(), List.copyOf(positions));
        assertEquals(11, report.skipped().size());
        assertTrue(
                report.skipped().stream().noneMatch(s -> en(s.reason()).contains("category")),
                report.skipped()::toString);
    }

    @Test
    void linesPointAtTheQuestionElement() {
        assertEquals(lineOfQuestion(1041), question(report, 1).line());
        assertEquals(lineOfQuestion(1061), question(report, 7).line());
        assertEquals(lineOfQuestion(1095), question(report, 21).line());
    }

    @Test
    void singleAnswerQuestionKeepsOptionsInOrderWithTheCorrectIndex() {
        ImportedQuestion q = question(report, 1);
        assertEquals("Quadratic roots", q.name());
        assertEquals(
                List.of(
                        "<p>x = 1 and x = 6</p>",
                        "<p>x = 2 and x = 3</p>",
                        "<p>x = −2 and x = −3</p>",
                        "<p>x = 5</p>",
                        "<p>no real roots</p>"),
                q.options());
        assertEquals(List.of(1), q.correct());
        assertFalse(q.multiple());
    }

    @Test
    void multipleAnswerOptionsAreCorrectExactlyWhenTheirFractionIsAboveZero() {
        assertEquals(List.of(0, 1), question(report, 2).correct()); // 50, 50, -50, -50, 0
        assertEquals(List.of(0, 2, 4), question(report, 9).correct()); // 33.33333, -100, 33.33333, -100, 33.33334
        assertTrue(question(report, 9).multiple());
    }

    @Test
    void feedbackIsKeptApartFromTheTextAndOptions() {
        ImportedQuestion q = question(report, 1);
        assertFalse(q.text().contains("Factorise"), q.text());
        assertTrue(q.options().stream().noneMatch(o -> o.contains("·")), q.options()::toString);
        assertFalse(q.text().contains("multiply"), q.text());
        String feedback = q.draft().authored().feedback()
                + q.draft().options().stream().map(o -> o.feedback()).toList();
        assertTrue(feedback.contains("Factorise") || feedback.contains("multiply"), feedback);
    }

    @Test
    void trueFalseIsATwoOptionSingleAnswerQuestionInTheFilesWords() {
        ImportedQuestion q = question(report, 4);
        assertEquals(List.of("true", "false"), q.options());
        assertEquals(List.of(100.0, 0.0), q.fractions());
        assertFalse(q.multiple());
        assertFalse(q.draft().shuffle());
    }

    @ParameterizedTest(name = "question {0}: topic {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "1|Algebra",
                "3|Algebra / Linear equations",
                "6|Геометрия",
                "9|Физика / Механика",
                "13|Физика",
                "16|Shared / History of Kazakhstan"
            })
    void categoryPathsBecomeTopics(int position, String topic) {
        assertEquals(topic, question(report, position).topic());
    }

    @ParameterizedTest(name = "question {0}: {1}")
    @CsvSource({
        "1, HARD", // category segment "hard"
        "5, EASY", // category segment "Easy"
        "6, MEDIUM", // Kazakh category segment "ОРТАША"
        "9, HARD", // Russian category segment "сложный"
        "13, EASY", // Kazakh category segment "Жеңіл"
        "3, MEDIUM", // tag "Medium" wins over category "Easy"
        "11, EASY", // tag "лёгкий" wins over category "сложный"
        "12, EASY", // tag "ЛЕГКИЙ", spelled with е
        "19, MEDIUM", // tag "СРЕДНИЙ"
        "20, HARD"
    }) // tag "КҮРДЕЛІ"
    void difficultyComesFromTagsOverCategories(int position, Difficulty expected) {
        assertEquals(Optional.of(expected), question(report, position).difficulty());
    }

    @Test
    void aQuestionWithoutADifficultyIsImportedWithoutOne() {
        assertEquals(Optional.empty(), question(report, 16).difficulty());
    }

    @Test
    void conflictingDifficultyTagsGiveNoDifficultyAndANote() {
        assertEquals(Optional.empty(), question(report, 21).difficulty());
        List<String> notes = reasonsAt(report, at(21, 1095));
        assertEquals(1, notes.size(), notes::toString);
        assertTrue(notes.get(0).contains("[easy, hard]") && notes.get(0).endsWith("(question kept)"), notes.get(0));
    }

    @Test
    void scriptsEventHandlersStylesAndIframesAreStripped() {
        ImportedQuestion q = question(report, 6);
        String all = q.text() + String.join("", q.options());
        for (String banned : List.of(
                "<script",
                "document.cookie",
                "onclick",
                "steal",
                "<iframe",
                "evil.example",
                "style",
                "onmouseover",
                "javascript",
                "<a ")) {
            assertFalse(all.contains(banned), banned + " survived in " + all);
        }
        assertEquals(
                "<p>Which point lies <b>inside</b> the circle x<sup>2</sup> + y<sup>2</sup> = 25?</p>"
                        + "<p>Pick one.</p>",
                q.text());
        assertEquals("(1; 2)", q.options().get(0));
        assertEquals("(4; 4)", q.options().get(4));
    }

    @Test
    void anEmbeddedImageIsKeptWithItsBytesAndNoNote() {
        ImportedQuestion q = question(report, 7);
        assertTrue(
                q.text()
                        .contains("<img src=\"@@PLUGINFILE@@/right triangle.png\" alt=\"a right triangle\""
                                + " width=\"240\" height=\"160\">"),
                q.text());
        assertTrue(q.text().contains("How long is the hypotenuse?"), q.text());
        assertEquals(List.of(2), q.correct());
        assertEquals(1, q.files().size());
        assertEquals("right triangle.png", q.files().get(0).name());
        assertEquals(
                "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==",
                java.util.Base64.getEncoder().encodeToString(q.files().get(0).bytes()));
        assertEquals(List.of(), reasonsAt(report, at(7, 1061)));
    }

    @Test
    void tablesListsAndEntitiesSurvive() {
        String text = question(report, 3).text();
        assertTrue(text.contains("<table><tbody><tr><td>x + y = 5</td></tr>"), text);
        assertTrue(text.contains("<ul><li>give (x; y)</li></ul>"), text);
        assertFalse(text.contains("class="), text);
        assertEquals(
                "<p>Solve x<sup>2</sup>&nbsp;− 5x + 6 = 0.</p>",
                question(report, 1).text());
    }

    @Test
    void plainTextAnswersAreEscapedAndAutoFormatKeepsLineBreaks() {
        ImportedQuestion q = question(report, 13);
        assertEquals("Жылдамдықтың SI бірлігі қандай?<br>Бір жауапты таңдаңыз.", q.text());
        assertEquals("&lt;b&gt;км&lt;/b&gt; &amp; сағ", q.options().get(1));
    }

    @ParameterizedTest(name = "question {0} is a {2}")
    @CsvSource({
        "8, 1062, essay",
        "10, 1071, shortanswer",
        "14, 1081, matching",
        "15, 1082, description",
        "22, 1096, multianswer",
        "23, 1097, numerical",
        "25, 1099, ddwtos"
    })
    void otherQuestionTypesAreSkippedNamingTheType(int position, int moodleId, String type) {
        assertEquals(
                List.of(type + " question skipped: only multichoice and truefalse questions are imported"),
                reasonsAt(report, at(position, moodleId)));
    }

    @Test
    void unusableMultichoiceQuestionsAreSkippedWithTheReason() {
        assertEquals(List.of("multichoice question has no answers"), reasonsAt(report, at(17, 1091)));
        assertEquals(List.of("multichoice question has no text"), reasonsAt(report, at(18, 1092)));
        assertEquals( // <single>true</single> and every fraction 0: Moodle refuses it too
                List.of("single-answer question has no answer worth 100% (Moodle refuses it too)"),
                reasonsAt(report, at(24, 1098)));
    }

    @Test
    void skipsAreInFileOrder() {
        List<Integer> order = report.skipped().stream().map(s -> s.question()).toList();
        assertEquals(order.stream().sorted().toList(), order);
    }

    @Test
    void malformedXmlFailsAtTheFaultsLineAndColumn() throws Exception {
        String file = Fixtures.text("moodle-malformed.xml");
        ImportException e = assertThrows(
                ImportException.class, () -> MoodleXmlImport.parse(Fixtures.bytes("moodle-malformed.xml")));
        assertEquals(lineOf(file, "</answr>"), e.line());
        assertTrue(e.column() > 0, e::getMessage);
        assertTrue(en(e.fault()).startsWith("the XML is not well-formed"), en(e.fault()));
        assertTrue(e.getMessage().startsWith("line " + e.line() + ", column " + e.column() + ": "), e.getMessage());
    }

    @Test
    void aRootOtherThanQuizIsRefused() throws Exception {
        ImportException e =
                assertThrows(ImportException.class, () -> MoodleXmlImport.parse(Fixtures.bytes("moodle-not-quiz.xml")));
        assertEquals(2, e.line());
        assertTrue(en(e.fault()).contains("<questestinterop>") && en(e.fault()).contains("<quiz>"), en(e.fault()));
    }

    @Test
    void aDoctypeIsRefusedSoNoEntityIsEverExpanded() throws Exception {
        ImportException e =
                assertThrows(ImportException.class, () -> MoodleXmlImport.parse(Fixtures.bytes("moodle-xxe.xml")));
        assertEquals(lineOf(Fixtures.text("moodle-xxe.xml"), "<!DOCTYPE"), e.line());
        assertTrue(en(e.fault()).contains("DOCTYPE"), en(e.fault()));
    }

    @Test
    void anEntityExpansionBombIsRefusedToo() {
        String bomb = "<?xml version=\"1.0\"?>\n<!DOCTYPE quiz [<!ENTITY a \"aaaaaaaaaa\">"
                + "<!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\"><!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">]>\n"
                + "<quiz><question type=\"multichoice\"><name><text>&c;</text></name></question></quiz>";
        ImportException e =
                assertThrows(ImportException.class, () -> MoodleXmlImport.parse(bomb.getBytes(StandardCharsets.UTF_8)));
        assertEquals(2, e.line());
    }

    @Test
    void anEmptyFileIsNotAQuestionFile() {
        ImportException e = assertThrows(ImportException.class, () -> MoodleXmlImport.parse(new byte[0]));
        assertEquals(1, e.line());
    }

    @Test
    void anEmptyQuizImportsNothing() throws Exception {
        ImportReport empty =
                MoodleXmlImport.parse("<?xml version=\"1.0\"?>\n<quiz>\n</quiz>\n".getBytes(StandardCharsets.UTF_8));
        assertEquals(List.of(), empty.questions());
        assertEquals(List.of(), empty.skipped());
    }

    @Test
    void theDeclaredEncodingIsHonoured() throws Exception {
        Charset cp1251 = Charset.forName("windows-1251");
        byte[] file = quiz(
                        "encoding=\"windows-1251\"",
                        "",
                        "<p>Сколько будет 2 + 2?</p>",
                        answer("100", "четыре"),
                        answer("0", "пять"))
                .getBytes(cp1251);
        ImportedQuestion q = MoodleXmlImport.parse(file).questions().get(0);
        assertEquals("<p>Сколько будет 2 + 2?</p>", q.text());
        assertEquals(List.of("четыре", "пять"), q.options());
    }

    @Test
    void aMissingNameIsTakenFromTheText() throws Exception {
        ImportedQuestion q = parse(quiz(
                        "encoding=\"UTF-8\"",
                        "",
                        "<p>How many sides has a <b>hexagon</b>?</p>",
                        answer("100", "6"),
                        answer("0", "5")))
                .questions()
                .get(0);
        assertEquals("How many sides has a hexagon?", q.name());
    }

    @Test
    void aFractionThatIsNotANumberSkipsTheQuestion() throws Exception {
        ImportReport r = parse(quiz(
                "encoding=\"UTF-8\"",
                "<name><text>Bad</text></name>",
                "<p>Q?</p>",
                answer("100", "a"),
                answer("lots", "b")));
        assertEquals(List.of(), r.questions());
        assertEquals(
                "answer 2 has fraction \"lots\", which is not a number",
                en(r.skipped().get(0).reason()));
    }

    @Test
    void anAnswerThatShowsAFileTheQuestionDoesNotCarrySkipsTheQuestion() throws Exception {
        ImportReport r = parse(quiz(
                "encoding=\"UTF-8\"",
                "",
                "<p>Which graph is y = x²?</p>",
                answer("100", "<img src=\"@@PLUGINFILE@@/parabola.png\">"),
                answer("0", "a line")));
        assertEquals(List.of(), r.questions());
        assertEquals(
                "answer 1: refers to the file parabola.png, which the question does not carry",
                en(r.skipped().get(0).reason()));
    }

    @Test
    void aQuestionWithoutATypeIsSkipped() throws Exception {
        ImportReport r = parse("<quiz>\n<question><name><text>x</text></name></question>\n</quiz>");
        assertEquals(
                List.of("question 1 (line 2): "
                        + "question has no type; only multichoice and truefalse questions are imported"),
                described(r));
    }

    private static ImportReport parse(String xml) throws ImportException {
        return MoodleXmlImport.parse(xml.getBytes(StandardCharsets.UTF_8));
    }

    private static String quiz(String encoding, String name, String html, String... answers) {
        return "<?xml version=\"1.0\" " + encoding + "?>\n<quiz>\n  <question type=\"multichoice\">\n" + name
                + "<questiontext format=\"html\"><text><![CDATA[" + html + "]]></text></questiontext>\n"
                + String.join("\n", Stream.of(answers).toList()) + "\n  </question>\n</quiz>\n";
    }

    private static String answer(String fraction, String html) {
        return "<answer fraction=\"" + fraction + "\" format=\"html\"><text><![CDATA[" + html + "]]></text></answer>";
    }
}
