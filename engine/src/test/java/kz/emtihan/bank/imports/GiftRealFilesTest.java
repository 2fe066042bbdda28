package kz.emtihan.bank.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The GIFT files Moodle 4.3 ships (question/format/gift: examples.txt and tests/fixtures, GPL-3.0-or-later; see
 * real/gift/README.md), read as Moodle's qformat_gift reads them: hand-checked expectations from Moodle's own
 * giftformat_test.php and format.php, and whole-file invariants.
 */
class GiftRealFilesTest {
    static final String DIR = "/kz/emtihan/bank/real/gift/moodle/";
    private static final Pattern SEVERAL_BLOCKS = Pattern.compile("has (\\d+) answer blocks");
    private static final Pattern ANSWER_SYNTAX = Pattern.compile("\\{\\s*[=~]|(^|<br>)\\s*//|\\$CATEGORY");

    static byte[] bytes(String name) throws IOException {
        try (var in = GiftRealFilesTest.class.getResourceAsStream(DIR + name)) {
            return in.readAllBytes();
        }
    }

    static ImportReport moodle(String name) throws Exception {
        return GiftImport.read(bytes(name), "en");
    }

    /** A question's text, options and feedback never carry another question's syntax, a category or a comment. */
    static void assertNoStructureLeaks(ImportReport report) {
        for (ImportedQuestion q : report.questions()) {
            List<String> all = new java.util.ArrayList<>(
                    List.of(q.text(), q.draft().authored().feedback()));
            for (var o : q.draft().options()) {
                all.add(o.text());
                all.add(o.feedback());
            }
            for (String text : all)
                assertFalse(ANSWER_SYNTAX.matcher(text).find(), "question " + q.position() + " carries: " + text);
        }
    }

    /** Every answer block {...} of the file is a question imported or a skip naming it. */
    static void assertEveryAnswerBlockIsAccounted(String gift, ImportReport report) {
        int blocks = 0;
        for (String line : gift.split("\r?\n")) {
            if (line.strip().startsWith("//")) continue;
            for (int i = 0; i < line.length(); i++) {
                if (line.charAt(i) == '\\') i++;
                else if (line.charAt(i) == '{') blocks++;
            }
        }
        long descriptions = report.skipped().stream()
                .filter(s -> Fixtures.en(s.reason()).startsWith("description"))
                .count();
        long skipped = report.skipped().stream()
                .filter(s -> !s.kept())
                .mapToLong(
                        s -> { // one question with several blocks is one skip naming how many
                            Matcher several = SEVERAL_BLOCKS.matcher(Fixtures.en(s.reason()));
                            return several.find() ? Long.parseLong(several.group(1)) : 1;
                        })
                .sum();
        assertEquals(blocks, report.questions().size() + skipped - descriptions);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "examples.txt",
                "questions.gift.txt",
                "questions_in_category.gift.txt",
                "../uclouvain/louv23x-module2.gift.txt"
            })
    void wholeFileInvariants(String name) throws Exception {
        ImportReport report = moodle(name);
        assertNoStructureLeaks(report);
        assertEveryAnswerBlockIsAccounted(new String(bytes(name), StandardCharsets.UTF_8), report);
        assertTrue(report.skipped().stream().noneMatch(s -> s.question() == 0), "plain UTF-8: no note on the file");
    }

    @Test
    void moodlesExamplesKeepPartialCreditInASingleAnswerQuestion() throws Exception {
        ImportReport r = moodle("examples.txt");
        ImportedQuestion difficult = only(r, "Difficult question.");
        assertEquals(List.of("wrong answer", "half credit answer", "full credit answer"), difficult.options());
        assertEquals(List.of(0.0, 50.0, 100.0), difficult.fractions());
        assertFalse(difficult.multiple()); // Moodle: an "=" answer makes it single-answer
        assertEquals(List.of(2), difficult.correct());

        ImportedQuestion hometown = only(r, "Jesus Christ was from _____.");
        assertEquals(List.of(0.0, 25.0, 50.0, 100.0), hometown.fractions());
        assertEquals(
                "He was born here, but not raised here.",
                hometown.draft().options().get(1).feedback());
        assertEquals("Jesus' hometown", hometown.name());
    }

    @Test
    void moodlesExamplesKeepNegativeWeightsOfMultipleAnswerQuestions() throws Exception {
        List<ImportedQuestion> entombed = all(moodle("examples.txt"), "What two people are entombed in Grant's tomb?");
        assertEquals(2, entombed.size());
        assertEquals(List.of(0.0, 50.0, 50.0, 0.0), entombed.get(0).fractions());
        assertEquals(List.of(-50.0, 50.0, 50.0, -50.0), entombed.get(1).fractions());
        assertTrue(entombed.get(1).multiple());
        assertEquals(List.of(1, 2), entombed.get(1).correct());
    }

    @Test
    void moodlesExamplesTrueFalseAndControlCharacters() throws Exception {
        ImportReport r = moodle("examples.txt");
        ImportedQuestion tomb = all(r, "Grant is buried in Grant's tomb.").get(2); // {FALSE#No one is buried...}
        assertEquals(List.of("True", "False"), tomb.options());
        assertEquals(List.of(0.0, 100.0), tomb.fractions());
        assertEquals(
                "No one is buried in Grant's tomb.",
                tomb.draft().options().get(0).feedback());

        ImportedQuestion control =
                only(r, "Which of the following is NOT a control character for the GIFT import format?");
        assertEquals(List.of("~", "=", "#", "{", "}", "\\"), control.options());
        assertEquals(List.of(5), control.correct());
        assertTrue(control.draft().options().get(5).feedback().startsWith("Correct! \\ (backslash)"));
    }

    @Test
    void moodlesFixtureReadsAsGiftformatTestExpects() throws Exception {
        ImportReport r = moodle("questions.gift.txt");
        ImportedQuestion q2 = r.questions().stream()
                .filter(q -> q.name().equals("Q2"))
                .findFirst()
                .orElseThrow();
        assertEquals("What's between orange and green in the spectrum?", q2.text());
        assertEquals(List.of("yellow", "red", "blue"), q2.options());
        assertEquals(List.of(100.0, 0.0, 0.0), q2.fractions());
        assertEquals(
                List.of("right; good!", "wrong, it's yellow", "wrong, it's yellow"),
                q2.draft().options().stream().map(o -> o.feedback()).toList());

        ImportedQuestion colours = r.questions().stream()
                .filter(q -> q.name().equals("colours"))
                .findFirst()
                .orElseThrow();
        assertEquals(List.of(50.0, -100.0, 50.0, -100.0), colours.fractions());
        assertTrue(colours.multiple());

        // giftformat_test::test_import_truefalse_with_general_feedback: feedbacktrue is the first "#"
        ImportedQuestion q1 = r.questions().stream()
                .filter(q -> q.name().equals("Q1"))
                .findFirst()
                .orElseThrow();
        assertEquals(List.of(0.0, 100.0), q1.fractions());
        assertEquals("42 is the Ultimate Answer.", q1.draft().options().get(0).feedback());
        assertEquals("You gave the right answer.", q1.draft().options().get(1).feedback());
        assertEquals(
                "This is, of course, a Hitchiker's Guide to the Galaxy reference.",
                q1.draft().authored().feedback());
        // the fixture keeps '";' after the block (copied from PHP): Moodle then inserts the blank, and so do we
        assertEquals("42 is the Absolute Answer to everything._____\";", q1.text());

        List<ImportedQuestion> tsl =
                r.questions().stream().filter(q -> q.name().equals("2-08 TSL")).toList();
        assertEquals(2, tsl.size());
        for (ImportedQuestion q : tsl) assertEquals(List.of(100.0, 0.0), q.fractions());
    }

    @Test
    void moodlesCategoryFixtureSetsTheTopic() throws Exception {
        ImportReport r = moodle("questions_in_category.gift.txt");
        assertEquals(2, r.questions().size()); // Greeting (multichoice), Moodle acronym (true/false)
        for (ImportedQuestion q : r.questions()) assertEquals("Default for New Features", q.topic());
        ImportedQuestion greeting = r.questions().get(0);
        assertEquals(List.of("English", "French", "German", "Spanish"), greeting.options());
        assertEquals(List.of(1), greeting.correct());
        assertEquals("Sorry, listen again.", greeting.draft().options().get(0).feedback());
        assertEquals(Optional.empty(), greeting.difficulty());
    }

    @Test
    void moodlesWindows1252FixtureIsRefusedAtItsLine() throws Exception {
        // Moodle refuses every file that is not UTF-8; this one is Latin ("aödf"), which no Cyrillic reading fits
        byte[] file = bytes("questions_encoding_windows-1252.gift.txt");
        ImportException e = assertThrows(ImportException.class, () -> GiftImport.read(file, "en"));
        String text = new String(file, java.nio.charset.Charset.forName("windows-1252"));
        assertEquals(Fixtures.lineOf(text, "aödf"), e.line());
        assertTrue(e.getMessage().contains("not text in UTF-8, UTF-16, Windows-1251 or KOI8-R"), e.getMessage());
    }

    @Test
    void aTeachersMoodleExportKeepsEveryQuestionWithItsWeightsAndFeedback() throws Exception {
        // UCLouvain, course Louv23x, module 2: 31 multiple-choice questions exported by Moodle 4
        String name = "../uclouvain/louv23x-module2.gift.txt";
        ImportReport r = moodle(name);
        String gift = new String(bytes(name), StandardCharsets.UTF_8);
        assertEquals(
                31,
                r.questions().size()
                        + r.skipped().stream().filter(s -> !s.kept()).count());
        for (ImportSkip skip : r.skipped()) // only pictures whose bytes a GIFT file cannot carry are reported
        assertTrue(Fixtures.en(skip.reason()).matches("(?s).*(\\.jpg|\\.png).*"), Fixtures.en(skip.reason()));
        for (ImportedQuestion q : r.questions()) assertEquals("Défaut pour Louv23x / Module 2", q.topic());

        ImportedQuestion cert8 = named(r, "Cert8");
        assertEquals(
                List.of(
                        "Film",
                        "Données primaires",
                        "Évènement",
                        "Connaissances",
                        "Rapport de statistiques",
                        "Roman",
                        "Article",
                        "Photo"),
                cert8.options().stream().map(HtmlText::plain).toList());
        assertEquals(List.of(20.0, 0.0, 0.0, 0.0, 20.0, 20.0, 20.0, 20.0), cert8.fractions());
        assertTrue(cert8.multiple());
        assertTrue(HtmlText.plain(cert8.draft().authored().feedback())
                .startsWith("Un document est un objet de tous types"));

        ImportedQuestion cert1 = named(r, "Cert1");
        assertFalse(cert1.multiple());
        assertEquals(List.of(0.0, 100.0, 0.0, 0.0), cert1.fractions());
        assertEquals(
                "Comment déterminer qu’un article soit passé par un processus de peer-review avant sa publication ?",
                HtmlText.plain(cert1.text()));

        ImportedQuestion s3q5 = named(r, "S3Q5");
        assertEquals(List.of(0.0, 25.0, 25.0, 25.0, 0.0, 25.0), s3q5.fractions());
        assertEquals("Inclure des opérateurs booléens", s3q5.options().get(2));
        assertEquals(Fixtures.lineOf(gift, "::S3Q5::"), s3q5.line());
    }

    private static ImportedQuestion named(ImportReport r, String name) {
        return r.questions().stream()
                .filter(q -> q.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError(name + " not imported: " + r.skipped()));
    }

    private static ImportedQuestion only(ImportReport r, String text) {
        List<ImportedQuestion> found = all(r, text);
        assertEquals(1, found.size(), text);
        return found.get(0);
    }

    private static List<ImportedQuestion> all(ImportReport r, String text) {
        return r.questions().stream().filter(q -> q.text().equals(text)).toList();
    }
}
