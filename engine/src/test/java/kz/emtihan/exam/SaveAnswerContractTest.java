package kz.emtihan.exam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Response;
import java.util.List;
import java.util.Map;
import kz.emtihan.exam.model.SaveDecision;
import kz.emtihan.exam.model.SaveDecisionCases;
import kz.emtihan.store.Ids;
import kz.emtihan.store.LuaScript;
import kz.emtihan.store.ScriptRedis;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * save-answer.lua on a real Redis, row by row of the table {@link SaveDecision} is held to ({@link SaveDecisionCases}):
 * the script decides as the Java rule does, and does exactly what its outcome says (stored answer, log entry in JSON,
 * answered set) and nothing otherwise.
 */
class SaveAnswerContractTest {
    private static final LuaScript SAVE = LuaScript.load("/kz/emtihan/exam/save-answer.lua");
    private static ScriptRedis redis;

    @BeforeAll
    static void start() throws Exception {
        redis = ScriptRedis.shared();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kz.emtihan.exam.model.SaveDecisionCases#all")
    void decidesAsTheJavaRule(SaveDecisionCases.Case c) { // 5.20.3
        String id = Ids.prefixed("a");
        long deadline = redis.now() + c.deadlineFromNow();
        redis.cmd(
                Command.HSET,
                ExamKeys.attempt(id),
                "status",
                c.inProgress() ? "in-progress" : "submitted",
                "deadline",
                deadline,
                "examId",
                "e1",
                "studentId",
                "s1");
        String before = c.storedSeq() + "|1764662400000|o1";
        if (c.storedSeq() > 0) redis.cmd(Command.HSET, ExamKeys.answers(id), "q1", before);

        Response r = save(id, c.incomingSeq(), "o2,o3", c.graceMillis());

        assertEquals(c.expected(), decision(r.get(0).toString()), "the script's outcome");
        String stored = redis.cmd(Command.HGET, ExamKeys.answers(id), "q1") == null
                ? null
                : redis.cmd(Command.HGET, ExamKeys.answers(id), "q1").toString();
        List<String> log = redis.list(ExamKeys.log(id));
        switch (c.expected()) {
            case STORE -> {
                long at = r.get(2).toLong();
                assertEquals(c.incomingSeq() + "|" + at + "|o2,o3", stored);
                assertEquals(1, log.size());
                JsonObject entry = new JsonObject(log.get(0));
                assertEquals(at >= deadline ? "save-in-grace" : "save", entry.getString("type"));
                assertEquals(at, entry.getLong("at"));
                assertEquals("q1", entry.getString("question"));
                assertEquals(c.incomingSeq(), entry.getLong("seq"));
                assertEquals("o2,o3", entry.getString("choices"));
                assertEquals(1L, redis.cmd(Command.SCARD, ExamKeys.answered(id)).toLong());
            }
            case ALREADY_STORED -> {
                assertEquals(c.storedSeq(), r.get(1).toLong(), "answered with the stored seq");
                assertEquals(before, stored, "the stored answer is untouched");
                assertTrue(log.isEmpty());
            }
            case CLOSED -> {
                assertEquals(c.storedSeq() > 0 ? before : null, stored, "nothing is stored once closed");
                assertTrue(log.isEmpty());
            }
        }
    }

    @Test
    void anEmptyAnswerLeavesTheAnsweredSetAndAHeldAttemptTakesNothing() {
        String id = Ids.prefixed("a");
        redis.cmd(
                Command.HSET,
                ExamKeys.attempt(id),
                "status",
                "in-progress",
                "deadline",
                redis.now() + 600_000,
                "examId",
                "e1",
                "studentId",
                "s1");
        save(id, 1, "o1", 0);
        assertEquals(1L, redis.cmd(Command.SCARD, ExamKeys.answered(id)).toLong());
        save(id, 2, "", 0);
        assertEquals(0L, redis.cmd(Command.SCARD, ExamKeys.answered(id)).toLong(), "cleared: not answered");
        redis.cmd(Command.HSET, ExamKeys.attempt(id), "hold", "approval");
        assertEquals("held-approval", save(id, 3, "o1", 0).get(0).toString());
        assertEquals("missing", save(Ids.prefixed("a"), 1, "o1", 0).get(0).toString());
        assertEquals(2, redis.list(ExamKeys.log(id)).size(), "only the two stored saves are logged");
    }

    @Test
    void nothingIsTakenFromTheIndividualStatementsEndOnEvenWithinTheGrace() { // 5.35
        String id = Ids.prefixed("a");
        long end = redis.now() + 600_000;
        redis.cmd(
                Command.HSET,
                ExamKeys.attempt(id),
                "status",
                "in-progress",
                "deadline",
                end,
                "statementUntil",
                end,
                "examId",
                "e1",
                "studentId",
                "s1");
        assertEquals("stored", save(id, 1, "o1", 30_000).get(0).toString(), "before its end");
        long ended = redis.now() - 1;
        redis.cmd(Command.HSET, ExamKeys.attempt(id), "deadline", ended, "statementUntil", ended);
        Response late = save(id, 2, "o2", 30_000);
        assertEquals("statement-expired", late.get(0).toString(), "within the usual grace, still refused");
        assertEquals(ended, late.get(1).toLong());
        assertEquals(1, redis.list(ExamKeys.log(id)).size(), "nothing more was stored");
    }

    /** A question id or option text with quotes stays valid JSON in the log (cjson, not concatenation). */
    @Test
    void theLogEntryIsJsonWhateverTheIds() {
        String id = Ids.prefixed("a");
        redis.cmd(
                Command.HSET,
                ExamKeys.attempt(id),
                "status",
                "in-progress",
                "deadline",
                redis.now() + 600_000,
                "examId",
                "e1",
                "studentId",
                "s1");
        String question = "q\"1\\";
        Response r = redis.run(SAVE, keys(id), List.of(question, "1", "o\"1", "0", id, ExamKeys.examChannel("e1")));
        assertEquals("stored", r.get(0).toString());
        JsonObject entry = new JsonObject(redis.list(ExamKeys.log(id)).get(0));
        assertEquals(
                Map.of("question", question, "choices", "o\"1"),
                Map.of("question", entry.getString("question"), "choices", entry.getString("choices")));
    }

    @Test
    void tellsTheExamsWatchersWhichQuestionAndHowManyNeverTheContent() {
        String id = Ids.prefixed("a");
        redis.cmd(
                Command.HSET,
                ExamKeys.attempt(id),
                "status",
                "in-progress",
                "deadline",
                redis.now() + 600_000,
                "examId",
                "e1",
                "studentId",
                "s1");
        var events = redis.subscribe(ExamKeys.examChannel("e1"));
        Response r = save(id, 1, "o2", 0);
        JsonObject event = ScriptRedis.next(events);
        assertEquals(
                new JsonObject()
                        .put("type", "answer-saved")
                        .put("examId", "e1")
                        .put("attemptId", id)
                        .put("studentId", "s1")
                        .put("questionId", "q1")
                        .put("answered", 1)
                        .put("at", r.get(2).toLong()),
                event);
    }

    private static Response save(String id, long seq, String choices, long grace) {
        return redis.run(
                SAVE,
                keys(id),
                List.of("q1", Long.toString(seq), choices, Long.toString(grace), id, ExamKeys.examChannel("e1")));
    }

    private static List<String> keys(String id) {
        return List.of(ExamKeys.attempt(id), ExamKeys.answers(id), ExamKeys.log(id), ExamKeys.answered(id));
    }

    private static SaveDecision decision(String outcome) {
        return switch (outcome) {
            case "stored" -> SaveDecision.STORE;
            case "already" -> SaveDecision.ALREADY_STORED;
            case "closed" -> SaveDecision.CLOSED;
            default -> throw new AssertionError("save-answer.lua said " + outcome);
        };
    }
}
