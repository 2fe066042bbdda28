package kz.emtihan.statement;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import kz.emtihan.exam.ExamKeys;
import kz.emtihan.refusal.CommonRefusal;
import kz.emtihan.refusal.Refusal;
import kz.emtihan.statement.model.Statement;
import kz.emtihan.statement.model.StatementWords;
import kz.emtihan.store.LuaScript;
import kz.emtihan.store.RedisStore;

/**
 * Statements in Redis: {@code statement:<id>} (version, doc), its scan ({@code statement:<id>:scan}, never in the
 * document), its audit trail ({@code statement:<id>:audit}, every step with who and when), the set of all and each
 * student's, and the guard that keeps one open application per student and exam. A step reads the document, applies
 * a pure step of {@link Statement} and writes it back only if nobody changed it meanwhile, retrying otherwise.
 */
final class StatementStore {
    private static final LuaScript APPLY = LuaScript.load("/kz/emtihan/statement/apply-statement.lua");
    private static final LuaScript REPLACE = LuaScript.load("/kz/emtihan/statement/replace-statement.lua");
    private static final int TRIES = 8;
    static final String ALL = StatementKeys.all();

    private final Redis redis;
    private final RedisStore store;

    StatementStore(RedisStore store) {
        this.store = store;
        this.redis = store.redis();
    }

    static String key(String id) {
        return StatementKeys.statement(id);
    }

    static String scan(String id) {
        return StatementKeys.scan(id);
    }

    static String audit(String id) {
        return StatementKeys.audit(id);
    }

    static String ofStudent(String studentId) {
        return StatementKeys.ofStudent(studentId);
    }

    static String openGuard(String examId, String studentId) {
        return StatementKeys.openGuard(examId, studentId);
    }

    /**
     * Stores a new application, or answers the id of the student's open one for the exam. The scan and the id's place
     * in the sets first (one pipeline), then apply-statement.lua over the keys of the exam's slot (issue 14, 2); an
     * 'open' answer takes the scan and the id away again. Three round trips, as before.
     */
    Future<Optional<String>> apply(Statement s, Buffer scanBytes, JsonObject event) {
        return store.pipeline(List.of(
                        Request.cmd(Command.SET).arg(scan(s.id())).arg(scanBytes),
                        Request.cmd(Command.SADD).arg(ALL).arg(s.id()),
                        Request.cmd(Command.SADD).arg(ofStudent(s.studentId())).arg(s.id())))
                .compose(x -> APPLY.run(
                        redis,
                        List.of(openGuard(s.examId(), s.studentId()), key(s.id()), audit(s.id())),
                        List.of(s.id(), StatementCodec.encode(s).encode(), event.encode())))
                .compose(r -> {
                    if (!"open".equals(r.get(0).toString())) return Future.succeededFuture(Optional.<String>empty());
                    String open = r.get(1).toString();
                    return store.pipeline(List.of(
                                    Request.cmd(Command.DEL).arg(scan(s.id())),
                                    Request.cmd(Command.SREM).arg(ALL).arg(s.id()),
                                    Request.cmd(Command.SREM)
                                            .arg(ofStudent(s.studentId()))
                                            .arg(s.id())))
                            .map(x -> Optional.of(open));
                });
    }

    Future<Statement> get(String id) {
        return redis.send(Request.cmd(Command.HGET).arg(key(id)).arg("doc")).map(r -> {
            if (r == null) throw notFound(id);
            return StatementCodec.decode(new JsonObject(r.toString()));
        });
    }

    Future<List<Statement>> all(String setKey) {
        return redis.send(Request.cmd(Command.SMEMBERS).arg(setKey)).compose(ids -> {
            List<Future<Response>> docs = new ArrayList<>();
            for (Response id : ids)
                docs.add(redis.send(
                        Request.cmd(Command.HGET).arg(key(id.toString())).arg("doc")));
            return Future.all(docs).map(done -> {
                List<Statement> out = new ArrayList<>();
                for (Future<Response> d : docs)
                    if (d.result() != null)
                        out.add(StatementCodec.decode(new JsonObject(d.result().toString())));
                return out;
            });
        });
    }

    Future<List<JsonObject>> auditOf(String id) {
        return redis.send(Request.cmd(Command.LRANGE).arg(audit(id)).arg(0).arg(-1))
                .map(r -> {
                    List<JsonObject> out = new ArrayList<>();
                    if (r != null) for (Response x : r) out.add(new JsonObject(x.toString()));
                    return out;
                });
    }

    Future<Buffer> scanOf(String id) {
        return redis.send(Request.cmd(Command.GET).arg(scan(id))).map(r -> r == null ? Buffer.buffer() : r.toBuffer());
    }

    /** What a step stores beside the document: its audit event, and whether it frees the guard or opens a window. */
    record Change(Statement next, JsonObject event, boolean freeGuard, String window) {}

    /** Applies {@code step} to the current statement and stores it atomically; a step that throws changes nothing. */
    Future<Statement> update(String id, Function<Statement, Future<Change>> step) {
        return attempt(id, step, 1);
    }

    private Future<Statement> attempt(String id, Function<Statement, Future<Change>> step, int tries) {
        return redis.send(Request.cmd(Command.HMGET).arg(key(id)).arg("version").arg("doc"))
                .compose(r -> {
                    if (r == null || r.get(0) == null) return Future.failedFuture(notFound(id));
                    String version = r.get(0).toString();
                    Statement current =
                            StatementCodec.decode(new JsonObject(r.get(1).toString()));
                    return step.apply(current)
                            .compose(c -> REPLACE.run(
                                            redis,
                                            List.of(
                                                    key(id),
                                                    audit(id),
                                                    openGuard(current.examId(), current.studentId()),
                                                    ExamKeys.personalWindows(current.examId())),
                                            List.of(
                                                    version,
                                                    StatementCodec.encode(c.next())
                                                            .encode(),
                                                    c.event().encode(),
                                                    id,
                                                    c.freeGuard() ? "1" : "0",
                                                    current.studentId(),
                                                    c.window()))
                                    .compose(ok -> {
                                        if (ok.toInteger() == 1) return Future.succeededFuture(c.next());
                                        if (tries >= TRIES)
                                            return Future.failedFuture(new IllegalStateException("busy " + id));
                                        return attempt(id, step, tries + 1);
                                    }));
                });
    }

    static Refusal notFound(String id) {
        return Refusal.of(CommonRefusal.NOT_FOUND, StatementWords.thing("statement"), id);
    }
}
