package kz.emtihan.grade.statistics.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/**
 * Issue 12 (6): our statistics give what Moodle's own test expects of its quiz statistics, on Moodle's fixture of 25
 * attempts at a 7-slot quiz with partial marks (bank/real/moodle-quiz-statistics: results00.csv the marks, qstats00.csv
 * the expected statistics per slot; the whole-quiz values from stats_from_steps_walkthrough_test.php). Each slot is
 * read as one question every attempt had.
 */
class ItemAnalysisMoodleTest {
    static final String DIR = "/kz/emtihan/bank/real/moodle-quiz-statistics/";
    static final int SLOTS = 7;

    static List<CSVRecord> csv(String name) throws IOException {
        try (Reader in = new InputStreamReader(
                ItemAnalysisMoodleTest.class.getResourceAsStream(DIR + name), StandardCharsets.UTF_8)) {
            return CSVFormat.RFC4180
                    .builder()
                    .setHeader()
                    .setSkipHeaderRecord(true)
                    .get()
                    .parse(in)
                    .getRecords();
        }
    }

    static List<ScoredAttempt> attempts() throws IOException {
        List<ScoredAttempt> out = new ArrayList<>();
        for (CSVRecord r : csv("results00.csv")) {
            List<ScoredAttempt.Mark> marks = new ArrayList<>();
            for (int s = 1; s <= SLOTS; s++) {
                marks.add(new ScoredAttempt.Mark(
                        "slot" + s, Double.parseDouble(r.get("slots." + s + ".mark")), Set.of()));
            }
            out.add(new ScoredAttempt(marks));
        }
        return out;
    }

    /** Moodle's own tolerance (assertEqualsWithDelta with 1.5e-5 of the value), at least 1e-6. */
    static void near(double expected, double actual, String what) {
        assertEquals(expected, actual, Math.max(1e-6, Math.abs(expected) * 1.5e-5), what);
    }

    @Test
    void everySlotAsMoodleExpects() throws IOException {
        List<ScoredAttempt> attempts = attempts();
        assertEquals(25, attempts.size());
        Map<String, QuestionStatistics> ours = ItemAnalysis.questions(attempts);
        int checked = 0;
        for (CSVRecord expected : csv("qstats00.csv")) {
            // the slot's own row (not a random question's sub-question or a variant of it)
            if (!expected.get("subqname").isEmpty() || !expected.get("variant").isEmpty()) continue;
            QuestionStatistics s = ours.get("slot" + expected.get("slot"));
            String slot = "slot " + expected.get("slot");
            assertEquals(Integer.parseInt(expected.get("s")), s.attempts(), slot);
            near(
                    100 * Double.parseDouble(expected.get("facility")),
                    s.facility().getAsDouble(),
                    slot + " facility");
            near(100 * Double.parseDouble(expected.get("sd")), s.sd().getAsDouble(), slot + " sd");
            near(
                    Double.parseDouble(expected.get("discriminationindex")),
                    s.discrimination().getAsDouble(),
                    slot + " discrimination index");
            near(
                    Double.parseDouble(expected.get("discriminativeefficiency")),
                    s.efficiency().getAsDouble(),
                    slot + " discriminative efficiency");
            checked++;
        }
        assertEquals(SLOTS, checked);
    }

    @Test
    void theWholeQuizAsMoodleExpects() throws IOException {
        // check_quiz_stats_for_quiz_00 in Moodle's stats_from_steps_walkthrough_test.php
        TestStatistics t = ItemAnalysis.test(attempts(), SLOTS);
        assertEquals(25, t.attempts());
        near(4.5, t.median().getAsDouble(), "median");
        near(4.617333332, t.mean().getAsDouble(), "mean");
        near(0.8117265554, t.sd().getAsDouble(), "standard deviation");
        near(-0.092502502, t.skewness().getAsDouble(), "skewness");
        near(-0.7073968557, t.kurtosis().getAsDouble(), "kurtosis");
        near(-87.2230935542, t.cic().getAsDouble(), "coefficient of internal consistency");
        near(136.8294900795, t.errorRatio().getAsDouble(), "error ratio");
        near(1.1106813066, t.standardError().getAsDouble(), "standard error");
    }
}
