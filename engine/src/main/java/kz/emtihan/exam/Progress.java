package kz.emtihan.exam;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import kz.emtihan.auth.Caller;
import kz.emtihan.store.RedisStore;

/**
 * The exam progress page's starting state ({@code GET /exams/{id}/progress}): every roster student with
 * status, answered count, deadline, last activity and connection; live events then keep it current.
 */
public final class Progress {
    private final Exams exams;
    private final RedisStore store;
    private final kz.emtihan.auth.Names names;

    public Progress(Exams exams, RedisStore store, kz.emtihan.auth.Names names) {
        this.exams = exams;
        this.store = store;
        this.names = names;
    }

    public Future<JsonObject> of(Caller caller, String examId) {
        Redis redis = store.redis();
        return exams.allowed(caller, examId, kz.emtihan.exam.model.ExamAccess.Action.WATCH)
                .compose(exam -> Future.all(
                                exams.store().roster(examId),
                                exams.store().attemptsOf(examId),
                                redis.send(Request.cmd(Command.HGETALL).arg(ExamKeys.presence(examId)))
                                        .map(ExamStore::map),
                                store.time())
                        .compose(done -> {
                            List<String> students = new ArrayList<>(done.<java.util.Set<String>>resultAt(0));
                            Map<String, String> attemptOf = done.resultAt(1);
                            Map<String, String> presence = done.resultAt(2);
                            Instant now = done.resultAt(3);
                            List<Future<JsonObject>> rows = new ArrayList<>();
                            for (String s : students)
                                rows.add(row(store, s, attemptOf.get(s), presence.get(s), now, exam.questionCount()));
                            // issue 15 (2): each row names its student (Results.named), read with the rows
                            Future<Map<String, String>> named = names.of(students);
                            return Future.all(Future.all(rows), named)
                                    .map(all -> new JsonObject()
                                            .put("examId", examId)
                                            .put("title", exam.title())
                                            .put("serverTime", now.toString())
                                            .put("questionCount", exam.questionCount())
                                            .put(
                                                    "students",
                                                    new JsonArray(rows.stream()
                                                            .map(r -> Results.named(r.result(), named.result()))
                                                            .toList())));
                        }));
    }

    private static Future<JsonObject> row(
            RedisStore store, String studentId, String attemptId, String presence, Instant now, int questions) {
        JsonObject row = new JsonObject()
                .put("studentId", studentId)
                .put("attemptId", attemptId)
                .put("connected", Presence.connected(presence, now.toEpochMilli()))
                .put("questionCount", questions);
        if (presence != null)
            row.put(
                    "lastSeen",
                    Instant.ofEpochMilli(Presence.lastSeen(presence)).toString());
        if (attemptId == null)
            return Future.succeededFuture(row.put("status", "not-started").put("answered", 0));
        // issue 14 (2): an attempt begun before the hash tags has its keys in several slots; on a Cluster the pipeline
        // sends a batch per slot (today's attempts: one)
        return store.pipeline(List.of(
                        Request.cmd(Command.HMGET)
                                .arg(ExamKeys.attempt(attemptId))
                                .arg("status")
                                .arg("deadline")
                                .arg("lastActivity")
                                .arg("hold"),
                        Request.cmd(Command.SCARD).arg(ExamKeys.answered(attemptId))))
                .map(r -> {
                    Response f = r.get(0);
                    // a held attempt (its identity step, 5.17.2) has not been served its questions: its clock has not
                    // started
                    boolean held =
                            f.get(3) != null && "in-progress".equals(f.get(0).toString());
                    row.put("status", f.get(0).toString())
                            .put(
                                    "deadline",
                                    held
                                            ? null
                                            : Instant.ofEpochMilli(f.get(1).toLong())
                                                    .toString())
                            .put("clockStarted", !held)
                            .put("answered", r.get(1).toInteger());
                    if (held) row.put("hold", f.get(3).toString());
                    if (f.get(2) != null)
                        row.put(
                                "lastActivity",
                                Instant.ofEpochMilli(f.get(2).toLong()).toString());
                    return row;
                });
    }
}
