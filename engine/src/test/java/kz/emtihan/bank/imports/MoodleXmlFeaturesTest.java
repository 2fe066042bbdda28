package kz.emtihan.bank.imports;

import static kz.emtihan.bank.imports.Fixtures.en;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import kz.emtihan.bank.model.Difficulty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Issue 12, items 1-3 and 7: grading as authored, everything the author wrote kept, files carried, streaming. */
class MoodleXmlFeaturesTest {
    private static final String PNG =
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==";
    private static final String GIF = "R0lGODlhAQABAAAAACw=";

    // --- 1. grading exactly as authored ---

    @Test
    void aSingleAnswerQuestionWithPartialCreditStaysSingleWithItsFractions() throws Exception {
        ImportedQuestion q =
                one(mc("<single>true</single>", "<p>Q?</p>", a("50", "half"), a("100", "full"), a("-50", "bad")));
        assertFalse(q.multiple());
        assertEquals(List.of(50.0, 100.0, -50.0), q.fractions());
        assertEquals(List.of(1), q.correct());
    }

    @Test
    void aMultipleAnswerQuestionKeepsNegativeFractions() throws Exception {
        ImportedQuestion q =
                one(mc("<single>false</single>", "<p>Q?</p>", a("33.33333", "a"), a("-100", "b"), a("66.66667", "c")));
        assertTrue(q.multiple());
        assertEquals(List.of(33.33333, -100.0, 66.66667), q.fractions());
        assertEquals(List.of(0, 2), q.correct());
    }

    @Test
    void aSingleAnswerQuestionWithoutAFullAnswerIsSkippedAsMoodleDoes() throws Exception {
        ImportReport r = parse(mc("<single>true</single>", "<p>Q?</p>", a("50", "a"), a("50", "b")));
        assertEquals(List.of(), r.questions());
        assertEquals(
                "single-answer question has no answer worth 100% (Moodle refuses it too)",
                en(r.skipped().get(0).reason()));
    }

    @ParameterizedTest(name = "<single>{0}</single>, fractions {1}: single {2}")
    @CsvSource(
            delimiter = '|',
            value = {
                "false|50,50|false",
                "False|100,0|false",
                "0|100,0|false",
                "true|100,0|true",
                "1|100,50|true",
                "(absent)|100,50|true", // Moodle's default is single
                "(absent)|50,50|false", // ...which cannot hold without a 100% answer: the fractions decide
                "(absent)|100,100|false" // two full answers: "tick both"
            })
    void singleIsReadAsMoodleReadsIt(String single, String fractions, boolean expected) throws Exception {
        String element = single.equals("(absent)") ? "" : "<single>" + single + "</single>";
        String[] f = fractions.split(",");
        ImportedQuestion q = one(mc(element, "<p>Q?</p>", a(f[0], "a"), a(f[1], "b")));
        assertEquals(expected, !q.multiple());
    }

    @ParameterizedTest(name = "<shuffleanswers>{0}</shuffleanswers>: {1}")
    @CsvSource({"1, true", "true, true", "0, false", "false, false", "(absent), false"})
    void shuffleAnswersIsKept(String shuffle, boolean expected) throws Exception {
        String element = shuffle.equals("(absent)") ? "" : "<shuffleanswers>" + shuffle + "</shuffleanswers>";
        ImportedQuestion q =
                one(mc("<single>true</single>" + element, "<p>Q?</p>", a("100", "a"), a("0", "all of the above")));
        assertEquals(expected, q.draft().shuffle());
    }

    @Test
    void trueFalseKeepsTheFilesWordsAndFractions() throws Exception {
        ImportedQuestion q = one(quiz("<question type=\"truefalse\"><name><text>TF</text></name>"
                + "<questiontext format=\"html\"><text>Zero is even.</text></questiontext>"
                + "<answer fraction=\"0\" format=\"moodle_auto_format\"><text>true</text></answer>"
                + "<answer fraction=\"100\" format=\"moodle_auto_format\"><text>false</text></answer></question>"));
        assertEquals(List.of("true", "false"), q.options());
        assertEquals(List.of(0.0, 100.0), q.fractions());
        assertEquals(List.of(1), q.correct());
        assertFalse(q.multiple());
    }

    // --- 2. what the author wrote is kept ---

    @Test
    void nameIdnumberTagsAndFeedbackAreKeptSanitised() throws Exception {
        ImportedQuestion q = one(quiz("<question type=\"multichoice\"><name><text> Roots </text></name>"
                + "<questiontext format=\"html\"><text><![CDATA[<p>Q?</p>]]></text></questiontext>"
                + "<generalfeedback format=\"html\"><text><![CDATA[<p onclick=\"x()\">See <b>page 3</b></p>"
                + "<script>alert(1)</script>]]></text></generalfeedback><idnumber> ALG-7 </idnumber>"
                + "<single>true</single>"
                + "<answer fraction=\"100\" format=\"html\"><text>a</text><feedback format=\"html\">"
                + "<text><![CDATA[<i>Yes</i><iframe src=\"https://x.example\"></iframe>]]></text></feedback></answer>"
                + "<answer fraction=\"0\" format=\"html\"><text>b</text></answer>"
                + "<tags><tag><text>algebra</text></tag><tag><text>Hard</text></tag></tags></question>"));
        assertEquals("Roots", q.name());
        assertEquals("ALG-7", q.draft().authored().idNumber());
        assertEquals(List.of("algebra", "Hard"), q.draft().authored().tags());
        assertEquals(Optional.of(Difficulty.HARD), q.difficulty());
        assertEquals("<p>See <b>page 3</b></p>", q.draft().authored().feedback());
        assertEquals("<i>Yes</i>", q.draft().options().get(0).feedback());
        assertEquals("", q.draft().options().get(1).feedback());
    }

    @Test
    void anAbsentFormatMeansHtmlAndAnswersFollowTheQuestionText() throws Exception {
        ImportedQuestion q = one(quiz("<question type=\"multichoice\"><questiontext><text><![CDATA[<p>one\ntwo</p>]]>"
                + "</text></questiontext><single>true</single>"
                + "<answer fraction=\"100\"><text><![CDATA[<b>x</b>]]></text></answer>"
                + "<answer fraction=\"0\"><text>y</text></answer></question>"));
        assertEquals("<p>one\ntwo</p>", q.text());
        assertEquals("<b>x</b>", q.options().get(0));
    }

    // --- 3. pictures and sounds ---

    @Test
    void filesInTextAnswersAndFeedbackArriveWithTheirRelativePathsAndBytes() throws Exception {
        ImportedQuestion q = one(quiz("<question type=\"multichoice\"><name><text>Pics</text></name>"
                + "<questiontext format=\"html\"><text><![CDATA[<p>Which?<img src=\"@@PLUGINFILE@@/img/a%20b.png\" "
                + "alt=\"A\"></p>]]></text>" + file("a b.png", "/img/", PNG) + "</questiontext>"
                + "<generalfeedback format=\"html\"><text><![CDATA[<img src=\"@@PLUGINFILE@@/g.gif\">]]></text>"
                + file("g.gif", "/", GIF) + "</generalfeedback><single>true</single>"
                + "<answer fraction=\"100\" format=\"html\"><text><![CDATA[<img src=\"@@PLUGINFILE@@/x.gif\" alt=\"x\">]]>"
                + "</text>" + file("x.gif", null, GIF) + "<feedback format=\"html\"><text><![CDATA[<audio controls>"
                + "<source src=\"@@PLUGINFILE@@/yes.mp3\"></audio>]]></text>" + file("yes.mp3", "/", "SUQz")
                + "</feedback></answer><answer fraction=\"0\" format=\"html\"><text>none</text>"
                + file("unused.png", "/", PNG) + "</answer></question>"));
        assertEquals("<p>Which?<img src=\"@@PLUGINFILE@@/img/a b.png\" alt=\"A\"></p>", q.text());
        assertEquals("<img src=\"@@PLUGINFILE@@/x.gif\" alt=\"x\">", q.options().get(0));
        assertEquals(
                "<audio src=\"@@PLUGINFILE@@/yes.mp3\" controls=\"\"></audio>",
                q.draft().options().get(0).feedback());
        assertEquals(
                List.of("img/a b.png", "g.gif", "x.gif", "yes.mp3"),
                q.files().stream().map(EmbeddedFile::name).toList());
        assertArrayEquals(Base64.getDecoder().decode(PNG), q.files().get(0).bytes());
        assertArrayEquals(
                "ID3".getBytes(StandardCharsets.US_ASCII), q.files().get(3).bytes());
    }

    @Test
    void twoAreasWithOneNameButDifferentBytesKeepEachTheirOwnPicture() throws Exception {
        ImportedQuestion q = one(mc(
                        "<single>true</single>",
                        "<p>Q <img src=\"@@PLUGINFILE@@/p.png\"></p>",
                        a(
                                "100",
                                "<img src=\"@@PLUGINFILE@@/p.png\">",
                                file("p.gif", "/", GIF).replace("p.gif", "p.png")),
                        a("0", "b"))
                .replace("</text></questiontext>", "</text>" + file("p.png", "/", PNG) + "</questiontext>"));
        assertEquals("<p>Q <img src=\"@@PLUGINFILE@@/p.png\"></p>", q.text());
        assertEquals("<img src=\"@@PLUGINFILE@@/answer1/p.png\">", q.options().get(0));
        assertArrayEquals(Base64.getDecoder().decode(PNG), q.files().get(0).bytes());
        assertEquals("answer1/p.png", q.files().get(1).name());
        assertArrayEquals(Base64.getDecoder().decode(GIF), q.files().get(1).bytes());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "<p><img src=\"@@PLUGINFILE@@/gone.png\"></p>|"
                        + "the question text: refers to the file gone.png, which the question does not carry",
                "<p><img src=\"https://cdn.example/a.png\"></p>|the question text: the picture or sound"
                        + " https://cdn.example/a.png is not in the file; only pictures and sounds the file carries can be shown",
                "<p>x<img src=\"data:image/png;base64,AAAA\"></p>|the question text: the picture or sound"
                        + " data:image/png;base64,AAAA is not in the file; only pictures and sounds the file carries can be shown"
            })
    void aPictureTheQuestionDoesNotCarrySkipsIt(String html, String reason) throws Exception {
        ImportReport r = parse(mc("<single>true</single>", html, a("100", "a"), a("0", "b")));
        assertEquals(List.of(), r.questions());
        assertEquals(reason, en(r.skipped().get(0).reason()));
    }

    @Test
    void aQuestionThatIsOnlyAPictureIsKeptAndNamedAfterIt() throws Exception {
        ImportedQuestion q = one(quiz("<question type=\"multichoice\"><questiontext format=\"html\"><text><![CDATA["
                + "<img src=\"@@PLUGINFILE@@/graph.png\">]]></text>" + file("graph.png", "/", PNG) + "</questiontext>"
                + "<single>true</single><answer fraction=\"100\"><text>a parabola</text></answer>"
                + "<answer fraction=\"0\"><text>a line</text></answer></question>"));
        assertEquals("graph.png", q.name());
        assertEquals("<img src=\"@@PLUGINFILE@@/graph.png\">", q.text());
    }

    @Test
    void badBase64SkipsTheQuestionNamingTheFile() throws Exception {
        ImportReport r = parse(mc(
                "<single>true</single>",
                "<p>Q</p>",
                a("100", "<img src=\"@@PLUGINFILE@@/x.png\">", file("x.png", "/", "not*base64!")),
                a("0", "b")));
        assertEquals(List.of(), r.questions());
        assertEquals(
                "answer 1: the file x.png is not valid base64",
                en(r.skipped().get(0).reason()));
    }

    @Test
    void anOldImageTagWithoutItsBytesIsAMissingPicture() throws Exception {
        ImportReport r =
                parse(mc("<single>true</single><image>course/pic.png</image>", "<p>Q</p>", a("100", "a"), a("0", "b")));
        assertEquals(
                "the question text: refers to the file course/pic.png, which the question does not carry",
                en(r.skipped().get(0).reason()));
    }

    @Test
    void anOldImageInAPlainTextQuestionIsShownAfterTheEscapedText() throws Exception {
        ImportedQuestion q = one(quiz("<question type=\"multichoice\"><questiontext format=\"plain_text\">"
                + "<text>a &lt; b?</text></questiontext><image>dir/fig 1.png</image><image_base64>" + PNG
                + "</image_base64><single>true</single><answer fraction=\"100\"><text>yes</text></answer>"
                + "<answer fraction=\"0\"><text>no</text></answer></question>"));
        assertEquals("a &lt; b? <img src=\"@@PLUGINFILE@@/dir_fig 1.png\" alt=\"\">", q.text());
        assertEquals("dir_fig 1.png", q.files().get(0).name());
    }

    @Test
    void aLinkToAnEmbeddedPdfIsRemovedWithANote() throws Exception {
        ImportReport r = parse(mc(
                "<single>true</single>",
                "<p>Read <a href=\"@@PLUGINFILE@@/notes.pdf\">the notes</a>.</p>",
                a("100", "a"),
                a("0", "b")));
        assertEquals("<p>Read the notes.</p>", r.questions().get(0).text());
        assertEquals(
                "link to the embedded file notes.pdf removed: only pictures, sounds and videos are shown (question kept)",
                en(r.skipped().get(0).reason()));
    }

    // --- formulas ---

    @Test
    void formulasStayInTheTextAsWritten() throws Exception {
        ImportedQuestion q = one(mc(
                "<single>true</single>",
                "<p>Solve \\(x^2 &lt; 4\\) and $$\\int_0^1 x\\,dx$$</p>",
                a("100", "\\[ -2 < x < 2 \\]"),
                a("0", "\\(x > 2\\)")));
        assertEquals("<p>Solve \\(x^2 &lt; 4\\) and $$\\int_0^1 x\\,dx$$</p>", q.text());
        assertEquals("\\[ -2 &lt; x &lt; 2 \\]", q.options().get(0));
    }

    @Test
    void aFormulaThatDoesNotParseSkipsTheQuestionNamingIt() throws Exception {
        ImportReport r = parse(mc("<single>true</single>", "<p>Q</p>", a("100", "\\(\\frac{1}{2\\)"), a("0", "b")));
        assertEquals(List.of(), r.questions());
        assertEquals(
                "answer 1: the formula \\(\\frac{1}{2\\) does not parse: a '{' is never closed",
                en(r.skipped().get(0).reason()));
    }

    // --- 7. streaming a big bank ---

    @Test
    void twoThousandQuestionsWithAPictureEachAllArriveWithTheirBytes() throws Exception {
        int count = 2000;
        ImportReport r = MoodleXmlImport.parse(MoodleXmlGenerator.bank(count, 3000));
        assertEquals(List.of(), r.skipped());
        assertEquals(count, r.questions().size());
        for (int n = 1; n <= count; n++) {
            ImportedQuestion q = r.questions().get(n - 1);
            assertEquals(n, q.position());
            assertEquals("Question " + n, q.name());
            assertEquals("Q-" + n, q.draft().authored().idNumber());
            assertTrue(q.text().contains("\\(x^{2} - " + n + " = 0\\)"), q.text());
            assertTrue(q.text().contains("<img src=\"@@PLUGINFILE@@/figure " + n + ".png\""), q.text());
            assertEquals(1, q.files().size());
            assertEquals("figure " + n + ".png", q.files().get(0).name());
            assertArrayEquals(
                    MoodleXmlGenerator.picture(n, 3000), q.files().get(0).bytes(), "picture " + n);
            assertEquals(List.of(100.0, 50.0, 0.0, 0.0, -25.0), q.fractions());
            assertFalse(q.multiple());
        }
        assertEquals("Бөлім 20", r.questions().get(count - 1).topic()); // the difficulty word is not a topic
        assertEquals(
                Optional.of(Difficulty.MEDIUM), r.questions().get(count - 1).difficulty()); // 1901 % 300 = 101
    }

    // --- helpers ---

    static ImportReport parse(String xml) throws ImportException {
        return MoodleXmlImport.parse(xml.getBytes(StandardCharsets.UTF_8));
    }

    private static ImportedQuestion one(String xml) throws ImportException {
        ImportReport r = parse(xml);
        assertEquals(1, r.questions().size(), () -> Fixtures.described(r).toString());
        return r.questions().get(0);
    }

    static String quiz(String questions) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<quiz>\n" + questions + "\n</quiz>\n";
    }

    static String mc(String header, String html, String... answers) {
        return quiz("<question type=\"multichoice\"><name><text>Q</text></name>" + header
                + "<questiontext format=\"html\"><text><![CDATA[" + html + "]]></text></questiontext>"
                + String.join("", answers) + "</question>");
    }

    static String a(String fraction, String html, String... files) {
        return "<answer fraction=\"" + fraction + "\" format=\"html\"><text><![CDATA[" + html + "]]></text>"
                + String.join("", files) + "</answer>";
    }

    static String file(String name, String path, String base64) {
        return "<file name=\"" + name + "\"" + (path == null ? "" : " path=\"" + path + "\"") + " encoding=\"base64\">"
                + base64 + "</file>";
    }
}
