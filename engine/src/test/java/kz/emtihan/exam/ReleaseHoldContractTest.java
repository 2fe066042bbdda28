package kz.emtihan.exam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import kz.emtihan.exam.model.Deadline;
import kz.emtihan.exam.model.DeadlineCases;
import kz.emtihan.store.Ids;
import kz.emtihan.store.LuaScript;
import kz.emtihan.store.ScriptRedis;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * release-hold.lua on a real Redis (5.17.2): released, the clock starts now and the deadline is the Java rule's
 * ({@link DeadlineCases}, the rows where the clock starts) on the script's own clock reading; the other modes only
 * change what the hold waits for.
 */
class ReleaseHoldContractTest {
    private static final LuaScript RELEASE = LuaScript.load("/kz/emtihan/exam/release-hold.lua");
    private static ScriptRedis redis;

    @BeforeAll
    static void start() throws Exception {
        redis = ScriptRedis.shared();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kz.emtihan.exam.model.DeadlineCases#clockStarted")
    void theReleasedDeadlineIsTheJavaRules(DeadlineCases.Case c) { // 5.20.3, 5.17.2
        long closes = redis.now() + c.closesAfterServed();
        String id = held(closes);
        Response r = release(id, "release", closes, c.durationMillis());

        assertEquals("released", r.get(0).toString());
        long deadline = r.get(1).toLong();
        JsonObject entry = new JsonObject(redis.list(ExamKeys.log(id)).get(0));
        long served = entry.getLong("at");
        assertEquals("clock-started", entry.getString("type"));
        assertEquals(
                Deadline.of(
                                Instant.ofEpochMilli(served),
                                Duration.ofMillis(c.durationMillis()),
                                Instant.ofEpochMilli(closes))
                        .toEpochMilli(),
                deadline,
                "the Java rule on the script's own now");
        assertEquals(c.expected() == DeadlineCases.Bound.DURATION ? served + c.durationMillis() : closes, deadline);
        assertEquals(deadline, entry.getLong("deadline"));
        assertTrue(entry.getLong("waitedMillis") >= 5_000, "the wait since the hold began is logged");
        assertEquals(
                Long.toString(served),
                redis.cmd(Command.HGET, ExamKeys.attempt(id), "clockStartedAt").toString());
        assertNull(redis.cmd(Command.HGET, ExamKeys.attempt(id), "hold"), "no longer held");
        assertEquals(
                (double) deadline,
                redis.cmd(Command.ZSCORE, ExamKeys.deadlines("e1"), id).toDouble());
    }

    @Test
    void otherModesOnlyChangeWhatTheHoldWaitsFor() {
        long closes = redis.now() + 3_600_000;
        String id = held(closes);
        assertEquals(List.of("held", Long.toString(closes)), strings(release(id, "approval", closes, 3_000_000)));
        assertEquals(
                "approval",
                redis.cmd(Command.HGET, ExamKeys.attempt(id), "hold").toString());
        assertTrue(redis.list(ExamKeys.log(id)).isEmpty(), "nothing logged until released");
        assertEquals(
                "released", release(id, "release", closes, 3_000_000).get(0).toString());
        assertEquals(
                "not-held", release(id, "release", closes, 3_000_000).get(0).toString(), "released once");
        assertEquals(
                "missing",
                release(Ids.prefixed("a"), "release", closes, 3_000_000).get(0).toString());
    }

    @Test
    void tellsTheExamsWatchersTheClockStarted() {
        long closes = redis.now() + 3_600_000;
        String id = held(closes);
        var events = redis.subscribe(ExamKeys.examChannel("e1"));
        long deadline = release(id, "release", closes, 3_000_000).get(1).toLong();
        JsonObject event = ScriptRedis.next(events);
        assertEquals("clock-started", event.getString("type"));
        assertEquals(
                List.of("e1", id, "s1"),
                List.of(event.getString("examId"), event.getString("attemptId"), event.getString("studentId")));
        assertEquals(deadline, event.getLong("deadline"));
        assertEquals(deadline - 3_000_000, event.getLong("at"));
    }

    @Test
    void theStudentsOwnDurationAndWindowEndAsTheStartSetThem() { // extra time; 5.35: the statement's end
        long closes = redis.now() + 3_600_000;
        String id = held(closes);
        // start-attempt.lua kept 50 + 15 minutes and a statement ending in 20 minutes on the attempt
        long until = redis.now() + 1_200_000;
        redis.cmd(Command.HSET, ExamKeys.attempt(id), "durationMs", 3_900_000, "closesMs", until);
        assertEquals(
                Long.toString(until),
                release(id, "release", closes, 3_000_000).get(1).toString());
        String other = held(closes);
        redis.cmd(Command.HSET, ExamKeys.attempt(other), "durationMs", 600_000, "closesMs", closes);
        long deadline = release(other, "release", closes, 3_000_000).get(1).toLong();
        assertEquals(
                600_000,
                deadline
                        - Long.parseLong(redis.cmd(Command.HGET, ExamKeys.attempt(other), "clockStartedAt")
                                .toString()));
    }

    /** An attempt held for its identity step since 5 s ago, bounded by the window's close. */
    private static String held(long closes) {
        String id = Ids.prefixed("a");
        redis.cmd(
                Command.HSET,
                ExamKeys.attempt(id),
                "status",
                "in-progress",
                "deadline",
                closes,
                "hold",
                "identity",
                "holdSince",
                redis.now() - 5_000,
                "examId",
                "e1",
                "studentId",
                "s1");
        return id;
    }

    private static Response release(String id, String mode, long closes, long duration) {
        return redis.run(
                RELEASE,
                List.of(ExamKeys.attempt(id), ExamKeys.deadlines("e1"), ExamKeys.log(id)),
                List.of(
                        id,
                        Long.toString(closes),
                        "proctor1",
                        mode,
                        Long.toString(duration),
                        ExamKeys.examChannel("e1")));
    }

    private static List<String> strings(Response r) {
        return List.of(r.get(0).toString(), r.get(1).toString());
    }
}
