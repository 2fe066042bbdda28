package kz.emtihan.proctor;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import kz.emtihan.exam.AttemptFacts;
import kz.emtihan.media.vision.PresenceRule;
import kz.emtihan.proctor.model.Flag;
import kz.emtihan.store.LuaScript;
import kz.emtihan.store.RedisStore;

/**
 * Proctoring state in Redis, per attempt: {@code proctor:<id>} (identity, last snapshot, flag counts, verdict),
 * {@code proctor:<id>:flags}, {@code proctor:<id>:obs} (recent snapshot observations) and
 * {@code proctor:<id>:audit}, the proctoring audit trail: every identity submission and decision, flag, message,
 * termination and review, in order. It is kept apart from the attempt's own log so that what happens after the
 * signed receipt (a review) never changes that receipt's chain.
 */
final class ProctorStore {
    private static final LuaScript RAISE = LuaScript.load("/kz/emtihan/proctor/raise-flag.lua");
    private static final LuaScript OBSERVE = LuaScript.load("/kz/emtihan/proctor/observe.lua");
    private final Redis redis;
    private final RedisStore store;
    private final kz.emtihan.metrics.EngineMetrics metrics;

    ProctorStore(RedisStore store) {
        this(store, kz.emtihan.metrics.EngineMetrics.NONE);
    }

    ProctorStore(RedisStore store, kz.emtihan.metrics.EngineMetrics metrics) { // issue 14 (5): flags raised, by kind
        this.store = store;
        this.redis = store.redis();
        this.metrics = metrics;
    }

    static String hash(String attemptId) {
        return ProctorKeys.proctor(attemptId);
    }

    static String flags(String attemptId) {
        return ProctorKeys.flags(attemptId);
    }

    static String audit(String attemptId) {
        return ProctorKeys.audit(attemptId);
    }

    static String observations(String attemptId) {
        return ProctorKeys.observations(attemptId);
    }

    /** Stores and publishes the flag; the numbered flag. */
    Future<Flag> raise(AttemptFacts a, Flag flag) {
        return RAISE.run(
                        redis,
                        List.of(flags(a.id()), hash(a.id()), audit(a.id())),
                        List.of(
                                FlagJson.toStored(flag).encode(),
                                a.id(),
                                a.examId(),
                                a.studentId(),
                                kz.emtihan.exam.ExamKeys.examChannel(a.examId())))
                .map(r -> flag.numbered(r.toString()))
                .onSuccess(f -> metrics.flagRaised(f.kind().code()));
    }

    /** Records a snapshot's observation; the recent observations, oldest first, ending with this one. */
    Future<List<PresenceRule.Observation>> observe(
            String attemptId, PresenceRule.Observation o, int window, String snapshotId, String at) {
        return OBSERVE.run(
                        redis,
                        List.of(observations(attemptId), hash(attemptId)),
                        List.of(
                                o.faces() + "|" + (o.judgeable() ? 1 : 0),
                                Integer.toString(window),
                                snapshotId,
                                at,
                                Integer.toString(o.faces())))
                .map(r -> {
                    List<PresenceRule.Observation> out = new ArrayList<>();
                    for (Response item : r) {
                        String[] parts = item.toString().split("\\|");
                        out.add(new PresenceRule.Observation(Integer.parseInt(parts[0]), "1".equals(parts[1])));
                    }
                    return out;
                });
    }

    Future<List<Flag>> flagsOf(String attemptId) {
        return redis.send(
                        Request.cmd(Command.LRANGE).arg(flags(attemptId)).arg(0).arg(-1))
                .map(r -> {
                    List<Flag> out = new ArrayList<>();
                    for (Response item : r) out.add(FlagJson.fromStored(new JsonObject(item.toString())));
                    return out;
                });
    }

    Future<List<String>> auditOf(String attemptId) {
        return redis.send(
                        Request.cmd(Command.LRANGE).arg(audit(attemptId)).arg(0).arg(-1))
                .map(r -> {
                    List<String> out = new ArrayList<>();
                    for (Response item : r) out.add(item.toString());
                    return out;
                });
    }

    /**
     * Sets fields of the attempt's proctoring hash and appends the event to the audit trail, in one transaction (one
     * slot: both keys carry the attempt's hash tag, ProctorKeys).
     */
    Future<Void> record(String attemptId, Map<String, String> fields, JsonObject auditEvent) {
        List<Request> batch = new ArrayList<>();
        if (!fields.isEmpty()) {
            Request set = Request.cmd(Command.HSET).arg(hash(attemptId));
            fields.forEach((k, v) -> set.arg(k).arg(v));
            batch.add(set);
        }
        batch.add(Request.cmd(Command.RPUSH).arg(audit(attemptId)).arg(auditEvent.encode()));
        return store.atomically(batch).mapEmpty();
    }

    Future<Map<String, String>> fields(String attemptId) {
        return redis.send(Request.cmd(Command.HGETALL).arg(hash(attemptId))).map(ProctorStore::map);
    }

    /** The proctoring hashes of many attempts, in one round trip (on a Cluster: a batch per slot, sent together). */
    Future<List<Map<String, String>>> fieldsOf(List<String> attemptIds) {
        if (attemptIds.isEmpty()) return Future.succeededFuture(List.of());
        List<Request> batch = new ArrayList<>();
        for (String id : attemptIds) batch.add(Request.cmd(Command.HGETALL).arg(hash(id)));
        return store.pipeline(batch).map(rs -> {
            List<Map<String, String>> out = new ArrayList<>();
            for (Response r : rs) out.add(map(r));
            return out;
        });
    }

    /** Forgets the attempt's snapshots' observations and marks its media as deleted (retention). */
    Future<Void> purged(String attemptId, String at) {
        return record(
                attemptId,
                Map.of("purgedAt", at),
                new JsonObject().put("type", "media-deleted").put("at", at).put("by", "retention"));
    }

    static Map<String, String> map(Response r) {
        Map<String, String> m = new HashMap<>();
        if (r == null) return m;
        for (String k : r.getKeys()) m.put(k, r.get(k).toString());
        return m;
    }
}
