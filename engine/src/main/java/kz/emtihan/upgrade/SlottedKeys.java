package kz.emtihan.upgrade;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import java.util.ArrayList;
import java.util.List;
import kz.emtihan.auth.AuthKeys;
import kz.emtihan.bank.BankKeys;
import kz.emtihan.exam.ExamKeys;
import kz.emtihan.sitting.SittingKeys;
import kz.emtihan.statement.StatementKeys;
import kz.emtihan.store.LuaScript;
import kz.emtihan.store.RedisStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Issue 14 (2): the keys that moved beside their owner's hash slot, renamed once in a store written before: an
 * account's photo ({@code user:<id>:photo} to {@code {user:<id>}:photo}), a bank's trail, a sitting's seed, an exam's
 * accommodations audit and the statements' open guards. Runs at start, in standalone and Sentinel mode only (a Cluster
 * is new, so it has no old names), and only while the marker {@link #MARKER} is absent; each key moves by itself in one
 * script (move-key.lua), so two nodes starting together, or a start stopped half-way, do no harm: the next start
 * finishes. The exam context's own keys are renamed by its own step.
 */
public final class SlottedKeys {
    private static final Logger log = LoggerFactory.getLogger(SlottedKeys.class);
    /** Set when every key has moved: the time it was done. */
    public static final String MARKER = "upgrade:issue14:slotted-keys";

    private static final LuaScript MOVE = LuaScript.load("/kz/emtihan/upgrade/move-key.lua");
    private static final int AT_ONCE = 256;

    private SlottedKeys() {}

    /** Renames what is left under an old name; the number of keys moved (0 on a Cluster or once done). */
    public static Future<Integer> migrate(RedisStore store) {
        if (store.cluster()) return Future.succeededFuture(0);
        Redis redis = store.redis();
        return redis.send(Request.cmd(Command.EXISTS).arg(MARKER)).compose(done -> {
            if (done.toInteger() == 1) return Future.succeededFuture(0);
            return store.pipeline(List.of(
                            members(AuthKeys.users()),
                            members(BankKeys.banks()),
                            members(SittingKeys.all()),
                            members(ExamKeys.exams()),
                            members(StatementKeys.all())))
                    .compose(sets -> guards(store, strings(sets.get(4))).compose(guards -> {
                        List<String[]> moves = new ArrayList<>(guards);
                        for (String id : strings(sets.get(0)))
                            moves.add(new String[] {AuthKeys.userPhotoBefore14(id), AuthKeys.userPhoto(id)});
                        for (String id : strings(sets.get(1)))
                            moves.add(new String[] {BankKeys.bankTrailBefore14(id), BankKeys.bankTrail(id)});
                        for (String id : strings(sets.get(2)))
                            moves.add(new String[] {SittingKeys.seedBefore14(id), SittingKeys.seed(id)});
                        for (String id : strings(sets.get(3)))
                            moves.add(new String[] {
                                StatementKeys.accommodationsAuditBefore14(id), StatementKeys.accommodationsAudit(id)
                            });
                        return move(redis, moves, 0, 0);
                    }))
                    .compose(moved -> redis.send(Request.cmd(Command.SET)
                                    .arg(MARKER)
                                    .arg(java.time.Instant.now().toString()))
                            .map(moved))
                    .onSuccess(moved -> log.info(
                            "store upgraded for Redis Cluster's hash slots (issue 14): {} key(s) renamed", moved));
        });
    }

    /** The open guard of every statement, old name and new (a guard exists only for a statement still open). */
    private static Future<List<String[]>> guards(RedisStore store, List<String> statementIds) {
        List<Request> docs = new ArrayList<>();
        for (String id : statementIds)
            docs.add(Request.cmd(Command.HGET).arg(StatementKeys.statement(id)).arg("doc"));
        return store.pipeline(docs).map(replies -> {
            List<String[]> out = new ArrayList<>();
            for (Response r : replies) {
                if (r == null) continue;
                JsonObject doc = new JsonObject(r.toString());
                String exam = doc.getString("examId");
                String student = doc.getString("studentId");
                if (exam == null || student == null) continue;
                out.add(new String[] {
                    StatementKeys.openGuardBefore14(exam, student), StatementKeys.openGuard(exam, student)
                });
            }
            return out;
        });
    }

    /** Moves the keys a few hundred at a time; the number that moved. */
    private static Future<Integer> move(Redis redis, List<String[]> moves, int from, int moved) {
        if (from >= moves.size()) return Future.succeededFuture(moved);
        List<Future<Response>> running = new ArrayList<>();
        for (int i = from; i < Math.min(moves.size(), from + AT_ONCE); i++)
            running.add(MOVE.run(redis, List.of(moves.get(i)[0], moves.get(i)[1]), List.of()));
        return Future.all(running).compose(done -> {
            int n = moved;
            for (Future<Response> f : running) if (f.result().toInteger() > 0) n++;
            return move(redis, moves, from + AT_ONCE, n);
        });
    }

    private static Request members(String set) {
        return Request.cmd(Command.SMEMBERS).arg(set);
    }

    private static List<String> strings(Response r) {
        List<String> out = new ArrayList<>();
        if (r != null) for (Response v : r) out.add(v.toString());
        return out;
    }
}
