package kz.emtihan.statement;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import kz.emtihan.auth.Caller;
import kz.emtihan.exam.ExamPersonal;
import kz.emtihan.refusal.CommonRefusal;
import kz.emtihan.refusal.Problem;
import kz.emtihan.refusal.Refusal;
import kz.emtihan.statement.model.ExtraTime;
import kz.emtihan.statement.model.StatementWords;

/**
 * Extra time as a per-student accommodation ({@link ExtraTime}): set by the exam's teacher or an administrator, kept
 * beside the roster where start-attempt.lua reads it, added to that student's clock for attempts started afterwards
 * (the student's timer shows it because the server's deadline includes it). Every change is audited with who, when,
 * and the minutes before and after ({@link StatementKeys#accommodationsAudit}).
 */
public final class Accommodations {
    private final ExamPersonal exams;
    private final Redis redis;
    private final Supplier<Instant> clock;

    Accommodations(ExamPersonal exams, Redis redis, Supplier<Instant> clock) {
        this.exams = exams;
        this.redis = redis;
        this.clock = clock;
    }

    /** Issue 14 (2): in the slot of the exam's extra-time hash, so one MULTI writes both on a Cluster too. */
    static String audit(String examId) {
        return StatementKeys.accommodationsAudit(examId);
    }

    /** {@code {"extraMinutes": {student: minutes}, "audit": [...]}}: the exam's teacher, admins. */
    public Future<JsonObject> get(Caller caller, String examId) {
        return exams.managed(caller, examId).compose(e -> view(examId));
    }

    private Future<JsonObject> view(String examId) {
        Future<Map<String, Integer>> extra = exams.extraTime(examId);
        Future<Response> trail =
                redis.send(Request.cmd(Command.LRANGE).arg(audit(examId)).arg(0).arg(-1));
        return Future.all(extra, trail).map(done -> {
            JsonArray a = new JsonArray();
            if (trail.result() != null) for (Response r : trail.result()) a.add(new JsonObject(r.toString()));
            return new JsonObject()
                    .put("extraMinutes", new JsonObject(new LinkedHashMap<String, Object>(extra.result())))
                    .put("maxMinutes", ExtraTime.MAX_MINUTES)
                    .put("audit", a);
        });
    }

    /**
     * {@code {student: minutes}}: each a student on the roster and whole minutes 0..{@value ExtraTime#MAX_MINUTES} (0
     * removes it); any bad entry is a 400 with a problem per field and nothing changes. Students not named keep theirs.
     */
    public Future<JsonObject> set(Caller caller, String examId, JsonObject body) {
        return exams.managed(caller, examId).compose(e -> {
            List<Future<Boolean>> checks = new ArrayList<>();
            List<String> students = new ArrayList<>(body.fieldNames());
            for (String s : students) checks.add(exams.onRoster(examId, s));
            return Future.all(checks).compose(done -> {
                Map<String, Integer> minutes = new LinkedHashMap<>();
                List<Problem> problems = new ArrayList<>();
                for (int i = 0; i < students.size(); i++) {
                    String s = students.get(i);
                    var m = ExtraTime.minutes(body.getValue(s));
                    if (!checks.get(i).result())
                        problems.add(Problem.field(s, StatementWords.field("not-on-roster", "student", s)));
                    else if (m.isEmpty())
                        problems.add(
                                Problem.field(s, StatementWords.field("extra-minutes", "max", ExtraTime.MAX_MINUTES)));
                    else minutes.put(s, m.get());
                }
                if (students.isEmpty()) problems.add(Problem.field("body", StatementWords.field("no-students")));
                if (!problems.isEmpty()) {
                    Problem first = problems.get(0);
                    return Future.failedFuture(
                            Refusal.of(CommonRefusal.BAD_FIELD, first.at().get("field"), first.text())
                                    .withProblems(problems));
                }
                return exams.extraTime(examId).compose(before -> {
                    JsonObject event = new JsonObject()
                            .put("type", "extra-time")
                            .put("by", caller.id())
                            .put("at", clock.get().toString());
                    JsonObject changes = new JsonObject();
                    minutes.forEach((s, m) -> changes.put(
                            s,
                            new JsonObject()
                                    .put("before", before.getOrDefault(s, 0))
                                    .put("after", m)));
                    event.put("changes", changes);
                    return exams.setExtraTime(examId, minutes, audit(examId), event.encode())
                            .compose(x -> view(examId));
                });
            });
        });
    }
}
