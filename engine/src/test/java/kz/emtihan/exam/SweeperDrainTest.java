package kz.emtihan.exam;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import kz.emtihan.Fixtures;
import kz.emtihan.TestEngine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 14 (9): the deadline sweep drains everything due in one call, batch after batch, instead of one batch per
 * tick, and two sweeps at once (two engine nodes) still close each attempt exactly once, each with its receipt. Real
 * Redis; the engine's own sweeper ticks once a minute, so the calls made here are the only sweeps while the test runs.
 */
class SweeperDrainTest {
    static final int BATCH = 4;
    static final int LANES = 3;
    static final int STUDENTS = 22; // 6 batches, the last one short
    static TestEngine app;
    static String teacher;

    @BeforeAll
    static void start() {
        app = TestEngine.start(Map.of(
                "EMTIHAN_ANSWERS_GRACE_SECONDS", "0",
                "EMTIHAN_SWEEPER_INTERVAL_MILLIS", "60000",
                "EMTIHAN_SWEEPER_BATCH", Integer.toString(BATCH)));
        app.users("teacher", "t1");
        teacher = app.loginAs("t1");
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void oneSweepDrainsMoreThanOneBatch() {
        Vanished v = vanishedStudents("a");
        int closed = await(sweep());
        assertEquals(STUDENTS, closed, "one call closed all " + STUDENTS + " due attempts, " + BATCH + " per read");
        v.eachTimedOutOnceWithAReceipt();
        assertEquals(0, await(sweep()), "nothing is left for the next tick");
    }

    @Test
    void twoNodesSweepingAtOnceCloseEachAttemptOnce() {
        Vanished v = vanishedStudents("b");
        Future<Integer> first = sweep();
        Future<Integer> second = sweep();
        assertEquals(
                STUDENTS,
                await(first) + await(second),
                "every attempt closed by exactly one of the two sweeps (finalise-attempt.lua acts once)");
        v.eachTimedOutOnceWithAReceipt();
    }

    private static Future<Integer> sweep() {
        return app.engine().services().exam().attempts().finaliseDue(BATCH, LANES);
    }

    private static int await(Future<Integer> f) {
        try {
            return f.await(30, TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("the sweep did not end within 30 s", e);
        }
    }

    /** Students who started, saved one answer and left, in an exam whose window has just closed. */
    record Vanished(List<String> ids, List<String> tokens) {
        void eachTimedOutOnceWithAReceipt() {
            for (int i = 0; i < ids.size(); i++) {
                String id = ids.get(i), token = tokens.get(i);
                TestEngine.Reply receipt = app.get("/api/v1/attempts/" + id + "/receipt", token);
                assertEquals(200, receipt.status(), id + ": " + receipt.body());
                JsonObject r = receipt.json();
                assertEquals("timed-out", r.getString("status"), id);
                // start, one save, one timeout: a second finalisation would have logged a second entry
                assertEquals(3, r.getInteger("events"), id + " was finalised once");
                assertEquals(
                        "timed-out",
                        app.get("/api/v1/attempts/" + id, token).json().getString("status"));
            }
        }
    }

    private static Vanished vanishedStudents(String prefix) {
        String[] students = new String[STUDENTS];
        for (int i = 0; i < STUDENTS; i++) students[i] = prefix + "-gone-" + i;
        app.users("student", students);
        List<String> tokens = new ArrayList<>();
        for (String s : students) tokens.add(app.loginAs(s));
        String bankId = Fixtures.validBank(app, teacher);
        // everything slow is done: the window closes after time enough to start and save on a busy machine
        Instant closes = Instant.now().plusSeconds(12);
        String examId =
                Fixtures.exam(app, teacher, Fixtures.attestation(bankId, closes.minusSeconds(120), closes), students);
        List<String> ids = new ArrayList<>();
        java.util.Set<Instant> deadlines = new java.util.HashSet<>();
        for (String token : tokens) {
            TestEngine.Reply started = app.post("/api/v1/exams/" + examId + "/attempts", token, null);
            assertEquals(201, started.status(), started.body());
            JsonObject a = started.json();
            deadlines.add(Instant.parse(a.getString("deadline")));
            JsonObject q = a.getJsonArray("questions").getJsonObject(0);
            TestEngine.Reply saved = app.put(
                    "/api/v1/attempts/" + a.getString("id") + "/answers/" + q.getString("id"),
                    token,
                    new JsonObject()
                            .put(
                                    "choices",
                                    new JsonArray()
                                            .add(q.getJsonArray("options")
                                                    .getJsonObject(0)
                                                    .getString("id")))
                            .put("seq", 1));
            assertEquals(200, saved.status(), saved.body());
            ids.add(a.getString("id"));
        }
        assertEquals(1, deadlines.size(), "one common deadline, the window's close: " + deadlines);
        Instant due = deadlines.iterator().next();
        String probe = ids.get(0), probeToken = tokens.get(0);
        // nobody submits; wait (polling, with a limit) until the server's clock passes the common deadline
        TestEngine.awaitUntil(
                "the server's clock passes the deadline",
                () -> !Instant.parse(app.get("/api/v1/attempts/" + probe, probeToken)
                                .json()
                                .getString("serverTime"))
                        .isBefore(due),
                Duration.ofSeconds(30));
        return new Vanished(ids, tokens);
    }
}
