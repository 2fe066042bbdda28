package kz.emtihan.exam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;
import kz.emtihan.Fixtures;
import kz.emtihan.TestEngine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * 5.20.3: time is enforced by the server (here with no grace period; see GraceTest for the grace). The window closes three seconds after the start, so the
 * deadline (min of start + 50 minutes and the close) is the close; the test waits for the server's own
 * clock, read from the API, to pass it.
 */
class DeadlineTest {
    static TestEngine app;
    static String teacher;
    static String bankId;

    @BeforeAll
    static void start() {
        app = TestEngine.start(java.util.Map.of("EMTIHAN_ANSWERS_GRACE_SECONDS", "0"));
        app.users("teacher", "t1");
        app.users("student", "late", "gone");
        teacher = app.loginAs("t1");
        bankId = Fixtures.validBank(app, teacher);
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    static void waitUntil(String what, BooleanSupplier condition) {
        long giveUp = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > giveUp) throw new AssertionError("timed out waiting until " + what);
            Thread.onSpinWait();
        }
    }

    static JsonObject startShortExam(String student) {
        Instant now = Instant.now();
        String examId = Fixtures.exam(
                app,
                teacher,
                // 5.20.3: a bank of its own, as each test's attestation is another discipline's
                Fixtures.attestation(Fixtures.validBank(app, teacher), now.minusSeconds(60), now.plusSeconds(3)),
                student);
        TestEngine.Reply r = app.post("/api/v1/exams/" + examId + "/attempts", app.loginAs(student), null);
        assertEquals(201, r.status(), r.body());
        return r.json();
    }

    @Test
    void aSaveAfterTheDeadlineIsRefusedAndChangesNothing() {
        String token = app.loginAs("late");
        JsonObject attempt = startShortExam("late");
        String id = attempt.getString("id");
        Instant deadline = Instant.parse(attempt.getString("deadline"));
        assertTrue(
                deadline.isBefore(Instant.parse(attempt.getString("startedAt")).plus(Duration.ofMinutes(50))),
                "the window's close cuts the 50 minutes");
        JsonObject q = attempt.getJsonArray("questions").getJsonObject(0);
        String option = q.getJsonArray("options").getJsonObject(0).getString("id");
        waitUntil(
                "the server's clock passes the deadline",
                () -> !Instant.parse(
                                app.get("/api/v1/attempts/" + id, token).json().getString("serverTime"))
                        .isBefore(deadline));
        TestEngine.Reply late = app.put(
                "/api/v1/attempts/" + id + "/answers/" + q.getString("id"),
                token,
                new JsonObject().put("choices", new JsonArray().add(option)).put("seq", 1));
        assertEquals(409, late.status(), late.body());
        assertEquals("attempt-closed", late.error());
        assertEquals(
                new JsonObject(),
                app.get("/api/v1/attempts/" + id, token).json().getJsonObject("answers"));
    }

    @Test
    void theSweeperTimesOutAnAttemptWhoseStudentVanished() {
        String token = app.loginAs("gone");
        JsonObject attempt = startShortExam("gone");
        String id = attempt.getString("id");
        JsonObject q = attempt.getJsonArray("questions").getJsonObject(0);
        app.put(
                "/api/v1/attempts/" + id + "/answers/" + q.getString("id"),
                token,
                new JsonObject()
                        .put(
                                "choices",
                                new JsonArray()
                                        .add(q.getJsonArray("options")
                                                .getJsonObject(0)
                                                .getString("id")))
                        .put("seq", 1));
        // the student closes the browser: nobody submits
        waitUntil(
                "the sweeper times the attempt out and signs its receipt",
                () -> app.get("/api/v1/attempts/" + id + "/receipt", token).status() == 200);
        assertEquals(
                "timed-out", app.get("/api/v1/attempts/" + id, token).json().getString("status"));
        JsonObject receipt =
                app.get("/api/v1/attempts/" + id + "/receipt", token).json();
        assertEquals("timed-out", receipt.getString("status"));
        assertEquals(3, receipt.getInteger("events"), "start, one save, timeout");
        JsonObject verification =
                app.get("/api/v1/attempts/" + id + "/verification", app.admin()).json();
        assertEquals(true, verification.getBoolean("intact"));
        TestEngine.Reply submit = app.post("/api/v1/attempts/" + id + "/submit", token, null);
        assertEquals(200, submit.status(), "a late submit returns the result already recorded");
        assertEquals("timed-out", submit.json().getString("status"));
    }
}
