package kz.emtihan.exam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
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
 * start-attempt.lua on a real Redis: its deadline row by row of the table {@link Deadline} is held to
 * ({@link DeadlineCases}), computed by the Java rule from the script's own clock reading; and its other outcomes
 * (5.20.3 once, the roster, 5.30 admission, the window).
 */
class StartAttemptContractTest {
    private static final LuaScript START = LuaScript.load("/kz/emtihan/exam/start-attempt.lua");
    private static final long MINUTE = 60_000;
    private static ScriptRedis redis;

    @BeforeAll
    static void start() throws Exception {
        redis = ScriptRedis.shared();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kz.emtihan.exam.model.DeadlineCases#all")
    void theDeadlineIsTheJavaRulesOnTheStoresClock(DeadlineCases.Case c) { // 5.20.3, 5.17.2
        String exam = Ids.prefixed("e");
        redis.cmd(Command.SADD, ExamKeys.roster(exam), "s1");
        long closes = redis.now() + c.closesAfterServed();
        Response r = start(exam, "s1", redis.now() - MINUTE, closes, c.durationMillis(), c.held(), 0);

        assertEquals("created", r.get(0).toString());
        String id = r.get(1).toString();
        long served = r.get(2).toLong();
        long deadline = r.get(3).toLong();
        Instant javaRule = c.held()
                ? Deadline.whileHeld(Instant.ofEpochMilli(closes))
                : Deadline.of(
                        Instant.ofEpochMilli(served),
                        Duration.ofMillis(c.durationMillis()),
                        Instant.ofEpochMilli(closes));
        assertEquals(javaRule.toEpochMilli(), deadline, "the Java rule on the script's own now");
        assertEquals(c.expected() == DeadlineCases.Bound.DURATION ? served + c.durationMillis() : closes, deadline);
        assertEquals(
                deadline,
                Long.parseLong(redis.cmd(Command.HGET, ExamKeys.attempt(id), "deadline")
                        .toString()));
        assertEquals(
                (double) deadline,
                redis.cmd(Command.ZSCORE, ExamKeys.deadlines(exam), id).toDouble(),
                "the sweeper's list has the same deadline");
        JsonObject entry = new JsonObject(redis.list(ExamKeys.log(id)).get(0));
        assertEquals("start", entry.getString("type"));
        assertEquals(served, entry.getLong("at"));
        assertEquals(deadline, entry.getLong("deadline"));
        assertEquals(c.held(), redis.cmd(Command.HGET, ExamKeys.attempt(id), "hold") != null, "held as asked");
        assertEquals(
                !c.held(),
                redis.cmd(Command.HGET, ExamKeys.attempt(id), "clockStartedAt") != null,
                "the clock starts unless held");
    }

    @Test
    void onceOnTheRosterAdmittedAndInTheWindow() { // 5.20.3, 5.30
        String exam = Ids.prefixed("e");
        redis.cmd(Command.SADD, ExamKeys.roster(exam), "s1", "weak", "just");
        redis.cmd(Command.HSET, ExamKeys.admission(exam), "weak", "49.5", "just", "50");
        long now = redis.now();

        assertEquals(
                "not-on-roster",
                start(exam, "outsider", now - MINUTE, now + 60 * MINUTE, 50 * MINUTE, false, 0)
                        .get(0)
                        .toString());
        Response weak = start(exam, "weak", now - MINUTE, now + 60 * MINUTE, 50 * MINUTE, false, 0);
        assertEquals(List.of("not-admitted", "49.5"), strings(weak), "the rating comes back for the refusal");
        assertEquals(
                "created",
                start(exam, "just", now - MINUTE, now + 60 * MINUTE, 50 * MINUTE, false, 0)
                        .get(0)
                        .toString(),
                "exactly the minimum is admitted");
        assertEquals(
                "not-open",
                start(exam, "s1", now + MINUTE, now + 60 * MINUTE, 50 * MINUTE, false, 0)
                        .get(0)
                        .toString(),
                "before the window opens");
        assertEquals(
                "not-open",
                start(exam, "s1", now - 60 * MINUTE, now, 50 * MINUTE, false, 0)
                        .get(0)
                        .toString(),
                "at the window's close");
        Response first = start(exam, "s1", now - MINUTE, now + 60 * MINUTE, 50 * MINUTE, false, 0);
        Response again = start(exam, "s1", now - MINUTE, now + 60 * MINUTE, 50 * MINUTE, false, 0);
        assertEquals("created", first.get(0).toString());
        assertEquals(List.of("existing", first.get(1).toString()), strings(again), "one attempt (5.20.3)");
        assertEquals(2L, redis.cmd(Command.HLEN, ExamKeys.examAttempts(exam)).toLong());
    }

    @Test
    void theWatchersSeeTheNewAttemptUntilNowPlusGrace() {
        String exam = Ids.prefixed("e");
        redis.cmd(Command.SADD, ExamKeys.roster(exam), "s1");
        long now = redis.now();
        String watch = "watch:" + exam;
        List<String> keys = new ArrayList<>(keys(exam, "a-new"));
        keys.add(watch);
        Response r = redis.run(
                START, keys, args(exam, "s1", "a-new", now - MINUTE, now + 60 * MINUTE, 50 * MINUTE, false, 5_000));
        long served = r.get(2).toLong();
        assertEquals(
                (double) (served + 5_000),
                redis.cmd(Command.ZSCORE, watch, "a-new").toDouble());
        assertNull(redis.cmd(Command.ZSCORE, watch, "other"));
        assertFalse(redis.list(ExamKeys.log("a-new")).isEmpty());
        assertTrue(new JsonObject(redis.list(ExamKeys.log("a-new")).get(0)).containsKey("paper"));
    }

    @Test
    void tellsTheExamsWatchersAndAHeldAttemptHasNoDeadlineYet() { // 5.17.2
        String exam = Ids.prefixed("e");
        redis.cmd(Command.SADD, ExamKeys.roster(exam), "s1", "s2");
        var events = redis.subscribe(ExamKeys.examChannel(exam));
        long now = redis.now();
        Response free = start(exam, "s1", now - MINUTE, now + 60 * MINUTE, 50 * MINUTE, false, 0);
        JsonObject started = ScriptRedis.next(events);
        assertEquals(
                new JsonObject()
                        .put("type", "attempt-started")
                        .put("examId", exam)
                        .put("attemptId", free.get(1).toString())
                        .put("studentId", "s1")
                        .put("at", free.get(2).toLong())
                        .put("deadline", free.get(3).toLong())
                        .put("held", false),
                started);
        Response held = start(exam, "s2", now - MINUTE, now + 60 * MINUTE, 50 * MINUTE, true, 0);
        JsonObject heldEvent = ScriptRedis.next(events);
        assertEquals(held.get(1).toString(), heldEvent.getString("attemptId"));
        assertTrue(heldEvent.containsKey("deadline") && heldEvent.getValue("deadline") == null, heldEvent.encode());
        assertEquals(true, heldEvent.getBoolean("held"));
    }

    @Test
    void aPersonalWindowAdmitsTheStudentAfterTheExamClosedAndEndsTheirDeadline() { // 5.35
        String exam = Ids.prefixed("e");
        redis.cmd(Command.SADD, ExamKeys.roster(exam), "s1", "s2", "s3");
        long now = redis.now();
        long until = now + 10 * MINUTE;
        redis.cmd(
                Command.HSET,
                ExamKeys.personalWindows(exam),
                "s1",
                (now - MINUTE) + ":" + until,
                "s2",
                (now - 60 * MINUTE) + ":" + now);
        // the exam's own window closed an hour ago
        Response inside = start(exam, "s1", now - 120 * MINUTE, now - 60 * MINUTE, 50 * MINUTE, false, 0);
        assertEquals("created", inside.get(0).toString());
        assertEquals(until, inside.get(3).toLong(), "the deadline never passes the statement's end");
        assertEquals(
                Long.toString(until),
                redis.cmd(Command.HGET, ExamKeys.attempt(inside.get(1).toString()), "statementUntil")
                        .toString());
        assertEquals(
                List.of("statement-expired", Long.toString(now)),
                strings(start(exam, "s2", now - 120 * MINUTE, now - 60 * MINUTE, 50 * MINUTE, false, 0)),
                "from the statement's end on");
        assertEquals(
                "not-open",
                start(exam, "s3", now - 120 * MINUTE, now - 60 * MINUTE, 50 * MINUTE, false, 0)
                        .get(0)
                        .toString(),
                "no statement, no window");
    }

    @Test
    void extraTimeLengthensTheClockNeverTheWindow() {
        String exam = Ids.prefixed("e");
        redis.cmd(Command.SADD, ExamKeys.roster(exam), "s1", "s2");
        redis.cmd(Command.HSET, ExamKeys.extraTime(exam), "s1", 15 * MINUTE, "s2", 30 * MINUTE);
        long now = redis.now();
        Response longer = start(exam, "s1", now - MINUTE, now + 120 * MINUTE, 50 * MINUTE, false, 0);
        assertEquals(65 * MINUTE, longer.get(3).toLong() - longer.get(2).toLong());
        assertNull(redis.cmd(Command.HGET, ExamKeys.attempt(longer.get(1).toString()), "statementUntil"));
        Response cut = start(exam, "s2", now - MINUTE, now + 55 * MINUTE, 50 * MINUTE, false, 0);
        assertEquals(now + 55 * MINUTE, cut.get(3).toLong());
    }

    private static Response start(
            String exam, String student, long opens, long closes, long duration, boolean held, long grace) {
        String id = ExamKeys.newAttemptId(exam); // issue 14 (2): as the engine names it, in the exam's slot
        return redis.run(START, keys(exam, id), args(exam, student, id, opens, closes, duration, held, grace));
    }

    private static List<String> keys(String exam, String id) {
        return List.of(
                ExamKeys.examAttempts(exam),
                ExamKeys.roster(exam),
                ExamKeys.attempt(id),
                ExamKeys.deadlines(exam),
                ExamKeys.log(id),
                ExamKeys.admission(exam),
                ExamKeys.personalWindows(exam),
                ExamKeys.extraTime(exam));
    }

    private static List<String> args(
            String exam, String student, String id, long opens, long closes, long duration, boolean held, long grace) {
        return List.of(
                student,
                id,
                exam,
                Long.toString(opens),
                Long.toString(closes),
                Long.toString(duration),
                "42",
                "q1:o1,o2|q2:o3,o4",
                "50",
                held ? "1" : "0",
                Long.toString(grace),
                ExamKeys.examChannel(exam));
    }

    private static List<String> strings(Response r) {
        List<String> out = new ArrayList<>();
        for (Response x : r) out.add(x.toString());
        return out;
    }
}
