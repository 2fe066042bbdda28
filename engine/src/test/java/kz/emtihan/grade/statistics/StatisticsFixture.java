package kz.emtihan.grade.statistics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import kz.emtihan.Fixtures;
import kz.emtihan.TestEngine;

/**
 * A small real exam for item statistics, run through the API: a bank of five questions (Fixtures.questions(2, 2, 1):
 * question n is "Question n (class)", its correct option "option n%5 of question n"), a current-control exam of all
 * five without proctoring, and students who start, answer as a matrix says and submit. Each student sees the five
 * questions in an order of their own.
 */
public final class StatisticsFixture {
    private StatisticsFixture() {}

    /**
     * Who answers what: per student, per question number 0-4, 1 = the correct option, 0 = a wrong one, -1 = nothing.
     *
     * <pre>
     *        Q0 Q1 Q2 Q3 Q4      classes: Q0, Q1 easy; Q2, Q3 medium; Q4 hard
     *   a     1  1  0  1  1      facility: Q0 75, Q1 25, Q2 50, Q3 25, Q4 100
     *   b     1  0  1  0  1      measured (70/30): easy, hard, medium, hard, easy
     *   c     1  0  1  0  1      proposals: Q1 hard, Q3 hard, Q4 easy
     *   d     0 -1  0  0  1      totals 4, 3, 3, 1; Q2 is answered by the middle, not the best: it discriminates
     *                            negatively
     * </pre>
     */
    public static final int[][] MATRIX = {
        {1, 1, 0, 1, 1},
        {1, 0, 1, 0, 1},
        {1, 0, 1, 0, 1},
        {0, -1, 0, 0, 1}
    };

    /** The exam, its bank, the question ids by number (0-4). */
    public record Run(String examId, String bankId, Map<Integer, String> questions) {}

    /** Makes the bank and the exam for {@code students} (MATRIX.length of them, in order) and runs their attempts. */
    public static Run run(TestEngine app, String teacherToken, String... students) {
        Run run = schedule(app, teacherToken, students);
        for (int s = 0; s < students.length; s++) sit(app, run, students[s], MATRIX[s]);
        return run;
    }

    public static Run schedule(TestEngine app, String teacherToken, String... students) {
        return scheduleShared(app, teacherToken, null, teacherToken, students);
    }

    /**
     * The bank is {@code ownerToken}'s, with {@code coAuthor} (a user id, or null) named its co-author; the exam is
     * {@code examToken}'s (the owner's or the co-author's).
     */
    public static Run scheduleShared(
            TestEngine app, String ownerToken, String coAuthor, String examToken, String... students) {
        String teacherToken = ownerToken;
        String bankId = app.post("/api/v1/banks", teacherToken, Fixtures.passport())
                .json()
                .getString("id");
        TestEngine.Reply added =
                app.post("/api/v1/banks/" + bankId + "/questions", teacherToken, Fixtures.questions(2, 2, 1));
        assertEquals(200, added.status(), added.body());
        if (coAuthor != null) {
            TestEngine.Reply named = app.put(
                    "/api/v1/banks/" + bankId + "/access",
                    ownerToken,
                    new JsonObject()
                            .put("coAuthors", new JsonArray().add(coAuthor))
                            .put("experts", new JsonArray()));
            assertEquals(200, named.status(), named.body());
        }
        Instant now = Instant.now();
        JsonObject exam = new JsonObject()
                .put("bankId", bankId)
                .put("title", "Algebra quiz")
                .put("kind", "current-control")
                .put("opensAt", teachingOpening(now.minus(Duration.ofHours(1))).toString())
                .put("closesAt", now.plus(Duration.ofDays(1)).toString())
                .put("durationMinutes", 30)
                .put("questionCount", 5)
                .put(
                        "proctoring",
                        new JsonObject()
                                .put("camera", false)
                                .put("screen", false)
                                .put("identity", false));
        String examId = Fixtures.exam(app, examToken, exam, students);
        Map<Integer, String> ids = new LinkedHashMap<>();
        for (Object o :
                app.get("/api/v1/banks/" + bankId + "/questions", teacherToken).array()) {
            JsonObject q = (JsonObject) o;
            ids.put(number(q.getString("text")), q.getString("id"));
        }
        return new Run(examId, bankId, ids);
    }

    /**
     * 5.20.1: a current-control task opens in a teaching week. {@code at} if it is in one; otherwise (the session, a
     * summer week after teaching) the first day of the period's last teaching week, so the window is open now on any
     * day of the year.
     */
    static Instant teachingOpening(Instant at) {
        var calendar = Fixtures.regulation().calendar();
        var period = calendar.periodAt(at).orElseThrow();
        if (period.teaching(calendar.date(at))) return at;
        return period.weekStarts(period.rule().teachingWeeks())
                .atStartOfDay(calendar.zone())
                .toInstant();
    }

    /** One student's attempt: start, answer each question as {@code answers} says (by question number), submit. */
    public static void sit(TestEngine app, Run run, String student, int[] answers) {
        String token = app.loginAs(student);
        TestEngine.Reply started = app.post("/api/v1/exams/" + run.examId() + "/attempts", token, null);
        assertEquals(201, started.status(), started.body());
        JsonObject attempt = started.json();
        String attemptId = attempt.getString("id");
        long seq = 1;
        for (Object o : attempt.getJsonArray("questions")) {
            JsonObject q = (JsonObject) o;
            int n = number(q.getString("text"));
            if (answers[n] < 0) continue;
            int wanted = answers[n] == 1 ? n % 5 : (n + 1) % 5;
            String optionId = null;
            for (Object p : q.getJsonArray("options")) {
                JsonObject option = (JsonObject) p;
                if (option.getString("text").equals("option " + wanted + " of question " + n))
                    optionId = option.getString("id");
            }
            TestEngine.Reply saved = app.put(
                    "/api/v1/attempts/" + attemptId + "/answers/" + q.getString("id"),
                    token,
                    new JsonObject()
                            .put("choices", new JsonArray().add(optionId))
                            .put("seq", seq++));
            assertEquals(200, saved.status(), saved.body());
        }
        TestEngine.Reply submitted = app.post("/api/v1/attempts/" + attemptId + "/submit", token, new JsonObject());
        assertEquals(200, submitted.status(), submitted.body());
    }

    /** "Question 3 (medium)" → 3. */
    static int number(String text) {
        String digits = text.replaceAll("\\D+", " ").trim().split(" ")[0];
        return Integer.parseInt(digits);
    }
}
