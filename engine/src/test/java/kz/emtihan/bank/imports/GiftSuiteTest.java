package kz.emtihan.bank.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The 51 test files of the public GIFT grammar gift-pegjs (MIT; see real/gift/README.md), each with the parse its
 * authors expect, nobody here wrote either. Every question of every file is compared with that expectation: a
 * multiple-choice or true/false question is imported with the same text, options, fractions, option feedback and
 * general feedback; every other one is skipped naming its type; categories and comments are never questions.
 * Texts are compared as a reader sees them (HTML made safe the same way, whitespace ignored, since gift-pegjs joins
 * lines). Where Moodle reads a file otherwise than gift-pegjs, Moodle wins (the true/false feedback order).
 */
class GiftSuiteTest {
    private static final String DIR = "/kz/emtihan/bank/real/gift/gift-pegjs/";
    private static final Pattern PLUGINFILE = Pattern.compile("@@PLUGINFILE@@/([^\"\\\\?]+)");
    private static final Map<String, String> TYPES = Map.of(
            "Short", "shortanswer",
            "Numerical", "numerical",
            "Matching", "match",
            "Essay", "essay",
            "Description", "description");

    static Stream<String> files() throws IOException, URISyntaxException {
        Path dir = Path.of(GiftSuiteTest.class.getResource(DIR).toURI());
        try (Stream<Path> all = Files.list(dir)) {
            return all.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".gift")).sorted().toList().stream();
        }
    }

    @Test
    void theSuiteHasAllItsFiftyOneFiles() throws Exception {
        assertEquals(51, files().count());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("files")
    void everyQuestionIsReadAsItsAuthorsExpect(String file) throws Exception {
        String gift = read(file);
        JsonArray expected = new JsonArray(read(file.replace(".gift", ".json")));
        ImportReport report = GiftImport.parse(gift, GiftTrueFalse.Words.ENGLISH);
        int position = 0;
        int imported = 0;
        for (int i = 0; i < expected.size(); i++) {
            JsonObject want = expected.getJsonObject(i);
            String type = want.getString("type");
            if (type.equals("Category")) continue;
            position++;
            String where = file + " question " + position;
            if ((type.equals("MC") || type.equals("TF")) && skippedForAMissingFile(report, position, want)) {
                continue; // a GIFT file cannot carry the picture it names; the skip names it
            } else if (type.equals("MC")) {
                choice(where, want, Fixtures.question(report, position));
                imported++;
            } else if (type.equals("TF")) {
                trueFalse(where, want, Fixtures.question(report, position));
                imported++;
            } else {
                int at = position;
                List<ImportSkip> skips = report.skipped().stream()
                        .filter(s -> s.question() == at && !s.kept())
                        .toList();
                assertEquals(1, skips.size(), where + ": " + skips);
                assertTrue(Fixtures.en(skips.get(0).reason()).startsWith(TYPES.get(type) + " question skipped"), where);
            }
        }
        assertEquals(imported, report.questions().size(), file + ": no question more than the expected ones");
        assertEquals(
                position,
                report.questions().size()
                        + report.skipped().stream().filter(s -> !s.kept()).count(),
                file + ": every question imported or skipped, once");
        GiftRealFilesTest.assertNoStructureLeaks(report);
    }

    /** Not imported, and the one reason names a file the question refers to as @@PLUGINFILE@@ but cannot carry. */
    private static boolean skippedForAMissingFile(ImportReport report, int position, JsonObject want) {
        if (report.questions().stream().anyMatch(q -> q.position() == position)) return false;
        Matcher file = PLUGINFILE.matcher(want.encode());
        List<ImportSkip> skips = report.skipped().stream()
                .filter(s -> s.question() == position && !s.kept())
                .toList();
        while (file.find()) {
            String name = file.group(1);
            if (skips.size() == 1 && Fixtures.en(skips.get(0).reason()).contains(name)) return true;
        }
        return false;
    }

    private static void choice(String where, JsonObject want, ImportedQuestion q) {
        common(where, want, q);
        JsonArray choices = want.getJsonArray("choices");
        List<String> options = new ArrayList<>();
        List<Double> fractions = new ArrayList<>();
        List<String> feedback = new ArrayList<>();
        boolean single = false;
        for (int k = 0; k < choices.size(); k++) {
            JsonObject c = choices.getJsonObject(k);
            boolean correct = c.getBoolean("isCorrect");
            Number weight = c.getNumber("weight");
            options.add(seen(c.getJsonObject("text")));
            fractions.add(weight != null ? weight.doubleValue() : correct ? 100.0 : 0.0);
            feedback.add(seen(c.getJsonObject("feedback")));
            // Moodle: an "=" makes it single-answer; "=%100%" is an "=", "=%50%" is read as a weight
            single |= correct && (weight == null || weight.doubleValue() == 100);
        }
        assertEquals(options, q.options().stream().map(GiftSuiteTest::seen).toList(), where + " options");
        assertEquals(fractions, q.fractions(), where + " fractions");
        assertEquals(feedback, optionFeedback(q), where + " option feedback");
        assertEquals(!single, q.multiple(), where + " multiple");
    }

    private static void trueFalse(String where, JsonObject want, ImportedQuestion q) {
        common(where, want, q);
        boolean isTrue = want.getBoolean("isTrue");
        assertEquals(List.of("True", "False"), q.options(), where);
        assertEquals(isTrue ? List.of(100.0, 0.0) : List.of(0.0, 100.0), q.fractions(), where);
        assertFalse(q.multiple(), where);
        assertFalse(q.draft().shuffle(), where);
        // Moodle's split_truefalse_comment: the first "#" is for a wrong answer, the second for the right one
        String wrong = seen(want.getJsonObject("trueFeedback"));
        String right = seen(want.getJsonObject("falseFeedback"));
        assertEquals(isTrue ? List.of(right, wrong) : List.of(wrong, right), optionFeedback(q), where + " feedback");
    }

    private static void common(String where, JsonObject want, ImportedQuestion q) {
        assertEquals(seen(want.getJsonObject("stem")), seen(q.text()), where + " text");
        assertEquals(
                seen(want.getJsonObject("globalFeedback")),
                seen(q.draft().authored().feedback()),
                where);
        if (want.getString("title") != null) assertEquals(want.getString("title"), q.name(), where + " name");
    }

    private static List<String> optionFeedback(ImportedQuestion q) {
        return q.draft().options().stream().map(o -> seen(o.feedback())).toList();
    }

    /** A gift-pegjs text (format and text) as a reader sees it once made safe, whitespace ignored. */
    private static String seen(JsonObject text) {
        if (text == null) return "";
        RichText.Format format =
                RichText.Format.ofGiftMarker(text.getString("format")).orElseThrow();
        return seen(HtmlText.of(new RichText(text.getString("text"), format)).html());
    }

    private static String seen(String safeHtml) {
        return HtmlText.plain(safeHtml).replaceAll("\\s+", "");
    }

    private static String read(String name) throws IOException {
        try (var in = GiftSuiteTest.class.getResourceAsStream(DIR + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
