package kz.emtihan.exam;

import io.vertx.core.Future;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import kz.emtihan.auth.Caller;
import kz.emtihan.exam.model.Exam;
import kz.emtihan.exam.model.ExamAccess;
import kz.emtihan.store.RedisStore;

/**
 * One student's own terms on an exam, kept beside its roster so that start-attempt.lua reads them in the same call
 * (no extra round trip at the start): the personal window of an individual statement (5.35) and the extra minutes of
 * an accommodation. The statement context writes them (the personal window in the same write as the issue of the
 * statement, under {@link ExamKeys#personalWindows}); the exam context enforces them.
 */
public final class ExamPersonal {
    private final Exams exams;
    private final Redis redis;
    private final RedisStore store;

    public ExamPersonal(Exams exams, RedisStore store) {
        this.exams = exams;
        this.store = store;
        this.redis = store.redis();
    }

    /** The exam, as scheduled; 404 when there is none. */
    public Future<Exam> exam(String examId) {
        return exams.exam(examId);
    }

    /** The exam, if the caller may change its roster and terms: its teacher, admins. */
    public Future<Exam> managed(Caller caller, String examId) {
        return exams.allowed(caller, examId, ExamAccess.Action.MANAGE);
    }

    public Future<Boolean> onRoster(String examId, String studentId) {
        return redis.send(Request.cmd(Command.SISMEMBER)
                        .arg(ExamKeys.roster(examId))
                        .arg(studentId))
                .map(r -> r != null && r.toInteger() == 1);
    }

    /** The student's attempt's status at the exam, if they started one. */
    public Future<Optional<String>> attemptStatus(String examId, String studentId) {
        return exams.store().attemptOf(examId, studentId).map(a -> a.map(x -> x[1]));
    }

    /** Student -> extra minutes, for the students that have some. */
    public Future<Map<String, Integer>> extraTime(String examId) {
        return redis.send(Request.cmd(Command.HGETALL).arg(ExamKeys.extraTime(examId)))
                .map(r -> {
                    Map<String, Integer> out = new TreeMap<>();
                    ExamStore.map(r).forEach((k, v) -> out.put(k, (int) (Long.parseLong(v) / 60_000)));
                    return out;
                });
    }

    /**
     * Sets each student's extra minutes (0 removes it) and appends the audit event to {@code auditList}, all in one
     * transaction (on a Cluster, issue 14 (2): {@code auditList} must share the slot of {@link ExamKeys#extraTime}).
     * Applies to attempts started afterwards.
     */
    public Future<Void> setExtraTime(String examId, Map<String, Integer> minutes, String auditList, String event) {
        List<Request> batch = new ArrayList<>();
        minutes.forEach((student, m) -> batch.add(
                m == 0
                        ? Request.cmd(Command.HDEL)
                                .arg(ExamKeys.extraTime(examId))
                                .arg(student)
                        : Request.cmd(Command.HSET)
                                .arg(ExamKeys.extraTime(examId))
                                .arg(student)
                                .arg(Long.toString(m * 60_000L))));
        batch.add(Request.cmd(Command.RPUSH).arg(auditList).arg(event));
        return store.atomically(batch).mapEmpty();
    }
}
