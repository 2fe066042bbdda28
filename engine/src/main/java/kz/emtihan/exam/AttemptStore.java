package kz.emtihan.exam;

import io.vertx.core.Future;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kz.emtihan.exam.model.Attempt;
import kz.emtihan.exam.model.AttemptStatus;
import kz.emtihan.exam.model.Exam;
import kz.emtihan.exam.model.Paper;
import kz.emtihan.store.LuaScript;
import kz.emtihan.store.ReplicaWait;

/** Attempts in Redis. Every write that must be atomic is one Lua script checked against the store's clock. */
final class AttemptStore {
    private static final LuaScript START = LuaScript.load("/kz/emtihan/exam/start-attempt.lua");
    private static final LuaScript SAVE = LuaScript.load("/kz/emtihan/exam/save-answer.lua");
    private static final LuaScript FINALISE = LuaScript.load("/kz/emtihan/exam/finalise-attempt.lua");
    private static final LuaScript RELEASE = LuaScript.load("/kz/emtihan/exam/release-hold.lua");

    private final Redis redis;
    private final kz.emtihan.metrics.EngineMetrics metrics;
    private final ReplicaWait wait;

    AttemptStore(Redis redis) {
        this(redis, kz.emtihan.metrics.EngineMetrics.NONE, ReplicaWait.NONE);
    }

    /**
     * @param metrics issue 14 (5): counts what the scripts decided (created, stored, finalised), once, on the node that asked
     * @param wait issue 14 (2): the replicas a start, a save and a finalisation wait for before they are acknowledged
     */
    AttemptStore(Redis redis, kz.emtihan.metrics.EngineMetrics metrics, ReplicaWait wait) {
        this.redis = redis;
        this.metrics = metrics;
        this.wait = wait;
    }

    /**
     * created | existing | not-on-roster | not-admitted | not-open | statement-expired (with the statement's end in
     * epoch ms in place of the id), the attempt id where there is one, and for
     * a created attempt its start and deadline on the store's clock (epoch millis; 0 otherwise).
     */
    record Started(String outcome, String attemptId, long startedAt, long deadline) {}

    /**
     * stored | already | closed | held-identity | held-approval | statement-expired (5.35: the seq is the statement's end,
     * epoch ms) | missing, the seq now stored, and when.
     */
    record Saved(String outcome, long seq, Instant at) {}

    /** Creates the attempt unless (exam, student) has one already; atomic across engine nodes (5.20.3). */
    Future<Started> startOnce(
            Exam exam,
            String studentId,
            String studentName,
            String newId,
            long seed,
            Paper paper,
            int minAdmission,
            boolean hold,
            List<String> watchedBy,
            long watchGraceMillis) {
        List<String> keys = new ArrayList<>(List.of(
                ExamKeys.examAttempts(exam.id()),
                ExamKeys.roster(exam.id()),
                ExamKeys.attempt(newId),
                ExamKeys.deadlines(exam.id()), // issue 14 (2): every key in the exam's slot
                ExamKeys.log(newId),
                ExamKeys.admission(exam.id()),
                ExamKeys.personalWindows(exam.id()), // 5.35 and extra time: read in the same call as the roster
                ExamKeys.extraTime(exam.id())));
        keys.addAll(watchedBy);
        return START.run(
                        redis,
                        wait,
                        keys,
                        List.of(
                                studentId,
                                newId,
                                exam.id(),
                                Long.toString(exam.opensAt().toEpochMilli()),
                                Long.toString(exam.closesAt().toEpochMilli()),
                                Long.toString(exam.duration().toMillis()),
                                Long.toString(seed),
                                paper.encode(),
                                Integer.toString(minAdmission),
                                hold ? "1" : "0",
                                Long.toString(watchGraceMillis),
                                ExamKeys.examChannel(exam.id()),
                                studentName == null ? "" : studentName))
                .map(r -> new Started(
                        r.get(0).toString(),
                        r.get(1).toString(),
                        r.size() > 2 ? r.get(2).toLong() : 0,
                        r.size() > 3 ? r.get(3).toLong() : 0))
                .onSuccess(s -> metrics.attemptStarted("created".equals(s.outcome())));
    }

    Future<Saved> save(
            String attemptId, String examId, String questionId, long seq, List<String> choices, long graceMillis) {
        return SAVE.run(
                        redis,
                        wait,
                        List.of(
                                ExamKeys.attempt(attemptId),
                                ExamKeys.answers(attemptId),
                                ExamKeys.log(attemptId),
                                ExamKeys.answered(attemptId)),
                        List.of(
                                questionId,
                                Long.toString(seq),
                                String.join(",", choices),
                                Long.toString(graceMillis),
                                attemptId,
                                ExamKeys.examChannel(examId)))
                .map(r -> new Saved(
                        r.get(0).toString(),
                        r.get(1).toLong(),
                        Instant.ofEpochMilli(r.get(2).toLong())))
                .onSuccess(s -> metrics.answerSaved(s.outcome()));
    }

    /** finalised | already | not-due | missing, and the status. */
    Future<String[]> finalise(String examId, String attemptId, boolean timeout, long graceMillis, String actor) {
        return FINALISE.run(
                        redis,
                        wait,
                        finaliseKeys(examId, attemptId),
                        finaliseArgs(attemptId, timeout ? "timeout" : "submit", graceMillis, actor, ""))
                .map(r -> new String[] {r.get(0).toString(), r.get(1).toString()})
                .onSuccess(r -> metrics.attemptFinished(r[0], timeout ? "timed-out" : "submitted"));
    }

    /** finalised | already | missing, and the status: a proctor ends the attempt for a violation (6.14). */
    Future<String[]> terminate(String examId, String attemptId, String actor, String reason) {
        return FINALISE.run(
                        redis,
                        wait,
                        finaliseKeys(examId, attemptId),
                        finaliseArgs(attemptId, "terminate", 0, actor, reason))
                .map(r -> new String[] {r.get(0).toString(), r.get(1).toString()})
                .onSuccess(r -> metrics.attemptFinished(r[0], "terminated"));
    }

    /** Issue 14 (2): the attempt's keys and its exam's work lists, all in the slot of {@code {<examId>}}. */
    private static List<String> finaliseKeys(String examId, String attemptId) {
        return List.of(
                ExamKeys.attempt(attemptId),
                ExamKeys.deadlines(examId),
                ExamKeys.log(attemptId),
                ExamKeys.toGrade(examId));
    }

    /**
     * The exam of an attempt: from its id (issue 14, 2), or for an attempt begun before, from its hash (one read; empty
     * if there is no such attempt).
     */
    Future<Optional<String>> examOf(String attemptId) {
        Optional<String> named = ExamKeys.examOf(attemptId);
        if (named.isPresent()) return Future.succeededFuture(named);
        return redis.send(Request.cmd(Command.HGET)
                        .arg(ExamKeys.attempt(attemptId))
                        .arg("examId"))
                .map(r -> Optional.ofNullable(r).map(Response::toString));
    }

    private static List<String> finaliseArgs(
            String attemptId, String mode, long graceMillis, String actor, String reason) {
        return List.of(
                attemptId,
                mode,
                Long.toString(graceMillis),
                actor,
                reason,
                ExamKeys.examChannelPrefix(),
                ExamKeys.attemptChannel(attemptId));
    }

    /**
     * released | held | not-held | missing, and the deadline (epoch ms) after it. Mode {@code release} starts the clock
     * (release-hold.lua); {@code identity} or {@code approval} only says what the hold now waits for.
     */
    Future<String[]> hold(String attemptId, String mode, Exam exam, String actor, List<String> watchedBy) {
        List<String> keys = new ArrayList<>(
                List.of(ExamKeys.attempt(attemptId), ExamKeys.deadlines(exam.id()), ExamKeys.log(attemptId)));
        keys.addAll(watchedBy);
        return RELEASE.run(
                        redis,
                        keys,
                        List.of(
                                attemptId,
                                Long.toString(exam.closesAt().toEpochMilli()),
                                actor,
                                mode,
                                Long.toString(exam.duration().toMillis()),
                                ExamKeys.examChannel(exam.id())))
                .map(r -> new String[] {r.get(0).toString(), r.get(1).toString()});
    }

    /** When the attempt's clock started (its questions were first served), if it has. */
    Future<Optional<Instant>> clockStartedAt(String attemptId) {
        return redis.send(Request.cmd(Command.HGET)
                        .arg(ExamKeys.attempt(attemptId))
                        .arg("clockStartedAt"))
                .map(r -> r == null ? Optional.<Instant>empty() : Optional.of(Instant.ofEpochMilli(r.toLong())));
    }

    /** The attempt with its answers (two reads; answers are only ever added, so the pair is consistent enough to show). */
    Future<Optional<Attempt>> load(String attemptId) {
        Future<Response> head = redis.send(Request.cmd(Command.HGETALL).arg(ExamKeys.attempt(attemptId)));
        Future<Response> answers = redis.send(Request.cmd(Command.HGETALL).arg(ExamKeys.answers(attemptId)));
        return Future.all(head, answers).map(done -> {
            Map<String, String> h = ExamStore.map(head.result());
            if (!h.containsKey("status")) return Optional.<Attempt>empty();
            return Optional.of(new Attempt(
                    attemptId,
                    h.get("examId"),
                    h.get("studentId"),
                    AttemptStatus.fromCode(h.get("status")).orElseThrow(),
                    millis(h.get("startedAt")),
                    millis(h.get("deadline")),
                    Long.parseLong(h.get("seed")),
                    Paper.decode(h.get("paper")),
                    Optional.ofNullable(h.get("finishedAt")).map(AttemptStore::millis),
                    answers(answers.result())));
        });
    }

    /** What never changes after the start: the exam, the student, the paper. */
    record Meta(String examId, String studentId, Paper paper) {}

    Future<Optional<Meta>> meta(String attemptId) {
        return redis.send(Request.cmd(Command.HMGET)
                        .arg(ExamKeys.attempt(attemptId))
                        .arg("examId")
                        .arg("studentId")
                        .arg("paper"))
                .map(r -> r == null || r.get(0) == null
                        ? Optional.<Meta>empty()
                        : Optional.of(new Meta(
                                r.get(0).toString(),
                                r.get(1).toString(),
                                Paper.decode(r.get(2).toString()))));
    }

    Future<Optional<AttemptFacts>> facts(String attemptId) {
        return redis.send(Request.cmd(Command.HMGET)
                        .arg(ExamKeys.attempt(attemptId))
                        .arg("examId")
                        .arg("studentId")
                        .arg("status")
                        .arg("startedAt")
                        .arg("deadline")
                        .arg("finishedAt")
                        .arg("hold"))
                .map(r -> {
                    if (r == null || r.get(0) == null) return Optional.empty();
                    return Optional.of(new AttemptFacts(
                            attemptId,
                            r.get(0).toString(),
                            r.get(1).toString(),
                            AttemptStatus.fromCode(r.get(2).toString()).orElseThrow(),
                            Instant.ofEpochMilli(r.get(3).toLong()),
                            Instant.ofEpochMilli(r.get(4).toLong()),
                            Optional.ofNullable(r.get(5)).map(f -> Instant.ofEpochMilli(f.toLong())),
                            r.get(6) != null));
                });
    }

    Future<Map<String, String>> fields(String attemptId) {
        return redis.send(Request.cmd(Command.HGETALL).arg(ExamKeys.attempt(attemptId)))
                .map(ExamStore::map);
    }

    Future<List<String>> log(String attemptId) {
        return redis.send(Request.cmd(Command.LRANGE)
                        .arg(ExamKeys.log(attemptId))
                        .arg(0)
                        .arg(-1))
                .map(ExamStore::strings);
    }

    /**
     * Records the grade and receipt, then takes the attempt off its exam's to-grade set. Idempotent. Issue 14 (2): one
     * MULTI over keys of one slot (the attempt's and its exam's carry the same hash tag).
     */
    Future<Void> storeResult(String examId, String attemptId, Map<String, String> result, String receiptJson) {
        Request set = Request.cmd(Command.HSET).arg(ExamKeys.attempt(attemptId));
        result.forEach((k, v) -> set.arg(k).arg(v));
        return redis.batch(List.of(
                        Request.cmd(Command.MULTI),
                        set,
                        Request.cmd(Command.SET)
                                .arg(ExamKeys.receipt(attemptId))
                                .arg(receiptJson),
                        Request.cmd(Command.SREM).arg(ExamKeys.toGrade(examId)).arg(attemptId),
                        Request.cmd(Command.EXEC)))
                .mapEmpty();
    }

    Future<Optional<String>> receipt(String attemptId) {
        return redis.send(Request.cmd(Command.GET).arg(ExamKeys.receipt(attemptId)))
                .map(r -> r == null ? Optional.<String>empty() : Optional.of(r.toString()));
    }

    private static Map<String, Attempt.StoredAnswer> answers(Response r) {
        Map<String, Attempt.StoredAnswer> out = new HashMap<>();
        if (r == null) return out;
        for (String q : r.getKeys()) {
            String[] parts = r.get(q).toString().split("\\|", 3);
            List<String> choices = parts[2].isEmpty() ? List.of() : List.of(parts[2].split(","));
            out.put(q, new Attempt.StoredAnswer(Long.parseLong(parts[0]), millis(parts[1]), new ArrayList<>(choices)));
        }
        return out;
    }

    private static Instant millis(String s) {
        return Instant.ofEpochMilli(Long.parseLong(s));
    }
}
