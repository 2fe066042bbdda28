package kz.emtihan.grade.statistics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.StringReader;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import kz.emtihan.Fixtures;
import kz.emtihan.SharedEngine;
import kz.emtihan.TestEngine;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 12 (6) through real HTTP and Redis: the statistics of a small exam run by four students
 * ({@link StatisticsFixture#MATRIX}), who may read them, the CSV, and accepting proposed classes into the bank.
 * minAttempts is 2 here (regulation.yaml ships 20).
 */
@SharedEngine(env = {"EMTIHAN_STATISTICS_MIN_ATTEMPTS=2"})
class StatisticsApiTest {
    static TestEngine app;
    static String teacher;
    static StatisticsFixture.Run run;

    @BeforeAll
    static void start(TestEngine engine) {
        app = engine;
        app.users("teacher", "stT", "stOther");
        app.users("proctor", "stP");
        app.users("registrar", "stR");
        app.users("student", "stA", "stB", "stC", "stD", "stE");
        teacher = app.loginAs("stT");
        // stE starts and does not finish: an attempt in progress is not counted
        run = StatisticsFixture.run(app, teacher, "stA", "stB", "stC", "stD");
        Fixtures.assignProctors(app, run.examId(), "stP");
    }

    static JsonObject question(JsonObject stats, int n) {
        for (Object o : stats.getJsonArray("questions")) {
            JsonObject q = (JsonObject) o;
            if (q.getString("id").equals(run.questions().get(n))) return q;
        }
        throw new AssertionError("no question " + n);
    }

    @Test
    void theStatisticsOfTheFourAttempts() {
        TestEngine.Reply r = app.get("/api/v1/exams/" + run.examId() + "/statistics", teacher);
        assertEquals(200, r.status(), r.body());
        JsonObject stats = r.json();
        assertEquals(4, stats.getInteger("attempts"));
        assertEquals(5, stats.getJsonArray("questions").size());
        // facility: Q0 3/4, Q1 1/4, Q2 2/4, Q3 1/4, Q4 4/4
        double[] facility = {75, 25, 50, 25, 100};
        for (int n = 0; n < 5; n++) {
            JsonObject q = question(stats, n);
            assertEquals(4, q.getInteger("attempts"));
            assertEquals(facility[n], q.getDouble("facility"), 1e-9, "facility of Q" + n);
        }
        // Q0: marks 1,1,1,0 (mean .75) against the rest 3,2,2,1 (mean 2): Σ products .25×1 + 0 + 0 + (-.75)(-1) = 1,
        // covariance 1/3; variances .75/3 = 1/4 and 2/3 → 100 × (1/3)/√(1/6) = 81.65
        assertEquals(81.65, question(stats, 0).getDouble("discrimination"), 1e-9);
        // Q2: marks 0,1,1,0 (mean .5) against the rest 4,2,2,1 (mean 2.25): Σ products = -.875 - .125 - .125 + .625
        // = -.5, covariance -1/6; rest Σ² = 3.0625 + .0625 + .0625 + 1.5625 = 4.75: variances 1/3 and 4.75/3
        // → 100 × (-1/6)/√(4.75/9) = -22.94
        assertEquals(-22.94, question(stats, 2).getDouble("discrimination"), 1e-9);
        // Q4: everyone right, no variance: no discrimination, no efficiency (Moodle shows none)
        assertNull(question(stats, 4).getValue("discrimination"));
        assertNull(question(stats, 4).getValue("efficiency"));
        // totals 4, 3, 3, 1: mean 2.75 (55% of 5), median 3
        JsonObject test = stats.getJsonObject("test");
        assertEquals(2.75, test.getDouble("mean"), 1e-9);
        assertEquals(55, test.getDouble("meanPercent"), 1e-9);
        assertEquals(3, test.getDouble("median"), 1e-9);
        assertEquals(5, test.getInteger("questionsPerPaper"));
        // options in the bank's order; Q1 (correct: option 1): a chose it, b and c chose option 2, d nothing
        JsonObject q1 = question(stats, 1);
        JsonArray options = q1.getJsonArray("options");
        assertEquals(
                List.of(0, 1, 2, 0, 0),
                options.stream().map(o -> ((JsonObject) o).getInteger("chosen")).toList());
        assertEquals(
                List.of(false, true, false, false, false),
                options.stream()
                        .map(o -> ((JsonObject) o).getBoolean("correct"))
                        .toList());
        assertEquals(1, q1.getInteger("blank"));
        assertEquals(25, options.getJsonObject(1).getDouble("percent"), 1e-9);
        // measured against the bank's class: Q1 easy → hard, Q3 medium → hard, Q4 hard → easy
        Map<Integer, String> proposals = new HashMap<>();
        for (int n = 0; n < 5; n++) proposals.put(n, question(stats, n).getString("proposal"));
        Map<Integer, String> expected = new HashMap<>();
        expected.put(0, null);
        expected.put(1, "hard");
        expected.put(2, null);
        expected.put(3, "hard");
        expected.put(4, "easy");
        assertEquals(expected, proposals);
        assertEquals("easy", question(stats, 1).getString("difficulty"));
    }

    @Test
    void theCsvHasOneRowPerQuestion() throws Exception {
        TestEngine.Reply r = app.get("/api/v1/exams/" + run.examId() + "/statistics?format=csv", teacher);
        assertEquals(200, r.status(), r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
        List<CSVRecord> rows = CSVFormat.RFC4180
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .get()
                .parse(new StringReader(r.body()))
                .getRecords();
        assertEquals(5, rows.size());
        for (CSVRecord row : rows) {
            if (row.get("questionId").equals(run.questions().get(1))) {
                assertEquals("25.00", row.get("facility"));
                assertEquals("hard", row.get("proposal"));
                assertEquals("2", row.get("correctOptions"));
                assertEquals("2", row.get("option3"));
                assertEquals("1", row.get("blank"));
                assertEquals("Question 1 (easy)", row.get("text"));
            }
        }
        assertEquals(
                400,
                app.get("/api/v1/exams/" + run.examId() + "/statistics?format=xml", teacher)
                        .status());
    }

    @Test
    void onlyTheExamsTeacherAndAdminsReadThem() {
        String path = "/api/v1/exams/" + run.examId() + "/statistics";
        assertEquals(200, app.get(path, app.admin()).status());
        // its proctor and the registrar read the results, not the questions' keys
        for (String user : List.of("stP", "stR", "stOther", "stA")) {
            TestEngine.Reply r = app.get(path, app.loginAs(user));
            assertEquals(403, r.status(), user + ": " + r.body());
        }
        assertEquals(404, app.get("/api/v1/exams/e-none/statistics", teacher).status());
    }

    @Test
    void acceptingAppliesOnlyProposedClassesToTheBankForLaterExams() {
        StatisticsFixture.Run own = StatisticsFixture.run(app, teacher, "stA", "stB", "stC", "stD");
        String accept = "/api/v1/exams/" + own.examId() + "/statistics/accept";
        // Q0 is not proposed: refused, and nothing changes (Q1 named with it stays easy)
        TestEngine.Reply refused = app.post(
                accept,
                teacher,
                new JsonObject()
                        .put(
                                "questionIds",
                                new JsonArray()
                                        .add(own.questions().get(1))
                                        .add(own.questions().get(0))));
        assertEquals(409, refused.status(), refused.body());
        assertEquals("not-proposed", refused.error());
        assertEquals(
                own.questions().get(0), refused.json().getJsonObject("args").getString("question"));
        assertEquals("easy", classOf(own, 1));
        TestEngine.Reply none = app.post(accept, teacher, new JsonObject().put("questionIds", new JsonArray()));
        assertEquals(400, none.status());
        assertEquals("no-questions-chosen", none.error());
        // a proctor of the exam may not, nor another teacher
        assertEquals(403, app.post(accept, app.loginAs("stOther"), body(own, 1)).status());

        TestEngine.Reply done = app.post(accept, teacher, body(own, 1, 4));
        assertEquals(200, done.status(), done.body());
        assertEquals(2, done.json().getInteger("classified"));
        assertEquals("hard", classOf(own, 1));
        assertEquals("easy", classOf(own, 4));
        assertEquals("medium", classOf(own, 3), "not chosen: unchanged");
        // recomputed: Q1 and Q4 are no longer proposed; the exam keeps its frozen class
        JsonObject after = app.get("/api/v1/exams/" + own.examId() + "/statistics", teacher)
                .json();
        for (Object o : after.getJsonArray("questions")) {
            JsonObject q = (JsonObject) o;
            if (q.getString("id").equals(own.questions().get(1))) {
                assertNull(q.getString("proposal"));
                assertEquals("hard", q.getString("currentDifficulty"));
                assertEquals("easy", q.getString("difficulty"));
            }
        }
        TestEngine.Reply again = app.post(accept, teacher, body(own, 1));
        assertEquals(409, again.status());
    }

    @Test
    void theExamsTeacherWhoMayNoLongerEditTheBankChangesNothing() {
        // stOther co-authored stT's bank and scheduled the exam; stT then removes them from the bank (issue 10, 3)
        String other = app.loginAs("stOther");
        StatisticsFixture.Run shared =
                StatisticsFixture.scheduleShared(app, teacher, "stOther", other, "stA", "stB", "stC", "stD");
        for (int s = 0; s < 4; s++)
            StatisticsFixture.sit(
                    app, shared, new String[] {"stA", "stB", "stC", "stD"}[s], StatisticsFixture.MATRIX[s]);
        String accept = "/api/v1/exams/" + shared.examId() + "/statistics/accept";
        assertEquals(
                200,
                app.get("/api/v1/exams/" + shared.examId() + "/statistics", other)
                        .status());
        TestEngine.Reply removed = app.put(
                "/api/v1/banks/" + shared.bankId() + "/access",
                teacher,
                new JsonObject().put("coAuthors", new JsonArray()).put("experts", new JsonArray()));
        assertEquals(200, removed.status(), removed.body());
        // still the exam's teacher: reads the statistics, but the bank refuses the change
        assertEquals(
                200,
                app.get("/api/v1/exams/" + shared.examId() + "/statistics", other)
                        .status());
        TestEngine.Reply refused = app.post(accept, other, body(shared, 1, 4));
        assertEquals(403, refused.status(), refused.body());
        assertEquals("easy", classOf(shared, 1));
        assertEquals("hard", classOf(shared, 4));
        // the bank's owner did not schedule this exam, so may not accept through it either
        assertEquals(403, app.post(accept, teacher, body(shared, 1)).status());
    }

    @Test
    void anExamWithoutFinishedAttemptsHasEmptyStatisticsAndNothingToAccept() {
        StatisticsFixture.Run empty = StatisticsFixture.schedule(app, teacher, "stE");
        String token = app.loginAs("stE");
        assertEquals(
                201,
                app.post("/api/v1/exams/" + empty.examId() + "/attempts", token, null)
                        .status());
        JsonObject stats = app.get("/api/v1/exams/" + empty.examId() + "/statistics", teacher)
                .json();
        assertEquals(0, stats.getInteger("attempts"));
        assertNull(stats.getJsonObject("test").getValue("mean"));
        assertEquals(0, stats.getJsonArray("questions").getJsonObject(0).getInteger("attempts"));
        TestEngine.Reply r =
                app.post("/api/v1/exams/" + empty.examId() + "/statistics/accept", teacher, body(empty, 1));
        assertEquals(409, r.status());
        assertEquals("no-finished-attempts", r.error());
    }

    static JsonObject body(StatisticsFixture.Run run, int... numbers) {
        JsonArray ids = new JsonArray();
        for (int n : numbers) ids.add(run.questions().get(n));
        return new JsonObject().put("questionIds", ids);
    }

    static String classOf(StatisticsFixture.Run run, int n) {
        for (Object o :
                app.get("/api/v1/banks/" + run.bankId() + "/questions", teacher).array()) {
            JsonObject q = (JsonObject) o;
            if (q.getString("id").equals(run.questions().get(n))) return q.getString("difficulty");
        }
        throw new AssertionError("no question " + n);
    }
}
