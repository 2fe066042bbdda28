package kz.emtihan.sitting;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import kz.emtihan.refusal.CommonRefusal;
import kz.emtihan.refusal.Refusal;
import kz.emtihan.sitting.model.SittingRefusal;
import kz.emtihan.sitting.model.SittingWords;
import kz.emtihan.store.LuaScript;
import kz.emtihan.store.RedisStore;

/**
 * Sittings in Redis (keys: SittingKeys): the sitting's document and its version, the secret seed of its ticket draw
 * (never in the document, so no view can leak it before it is revealed), and the ids. A change reads the document, applies a pure step and writes it back only if nobody
 * changed it meanwhile, retrying otherwise: a sitting is small and changes a few times a minute.
 */
final class SittingStore {
    private static final LuaScript REPLACE = LuaScript.load("/kz/emtihan/sitting/replace-sitting.lua");
    private static final int TRIES = 8;
    private final Redis redis;
    private final RedisStore store;

    SittingStore(RedisStore store) {
        this.store = store;
        this.redis = store.redis();
    }

    /**
     * The sitting with its seed in one MULTI (one slot: SittingKeys.seed, issue 14, 2), then its id in the set of all:
     * a listing never meets an id whose sitting is not stored yet, on a Cluster either.
     */
    Future<Void> create(String id, JsonObject doc, String seedHex) {
        return store.atomically(List.of(
                        Request.cmd(Command.HSET)
                                .arg(SittingKeys.sitting(id))
                                .arg("version")
                                .arg("1")
                                .arg("doc")
                                .arg(doc.encode()),
                        Request.cmd(Command.SET).arg(SittingKeys.seed(id)).arg(seedHex)))
                .compose(stored -> redis.send(
                        Request.cmd(Command.SADD).arg(SittingKeys.ALL).arg(id))) // listed once it is whole
                .mapEmpty();
    }

    Future<JsonObject> get(String id) {
        return redis.send(Request.cmd(Command.HGET).arg(SittingKeys.sitting(id)).arg("doc"))
                .map(r -> Optional.ofNullable(r)
                        .map(x -> new JsonObject(x.toString()))
                        .orElseThrow(() -> notFound(id)));
    }

    Future<String> seed(String id) {
        return redis.send(Request.cmd(Command.GET).arg(SittingKeys.seed(id))).map(r -> r == null ? "" : r.toString());
    }

    Future<List<String>> ids() {
        return redis.send(Request.cmd(Command.SMEMBERS).arg(SittingKeys.ALL)).map(r -> {
            List<String> out = new ArrayList<>();
            r.forEach(x -> out.add(x.toString()));
            return out;
        });
    }

    /**
     * Applies {@code step} to the current document and stores the result atomically; a concurrent change makes it
     * read and apply again. A step that throws changes nothing. {@code event} names the change for live pages.
     */
    Future<JsonObject> update(String id, String event, Function<JsonObject, JsonObject> step) {
        return attempt(id, event, step, 1);
    }

    private Future<JsonObject> attempt(String id, String event, Function<JsonObject, JsonObject> step, int tries) {
        return redis.send(Request.cmd(Command.HMGET)
                        .arg(SittingKeys.sitting(id))
                        .arg("version")
                        .arg("doc"))
                .compose(r -> {
                    if (r == null || r.get(0) == null) return Future.failedFuture(notFound(id));
                    String version = r.get(0).toString();
                    JsonObject next = step.apply(new JsonObject(r.get(1).toString()));
                    JsonObject notice = new JsonObject()
                            .put("type", "sitting")
                            .put("sittingId", id)
                            .put("change", event);
                    return REPLACE.run(
                                    redis,
                                    List.of(SittingKeys.sitting(id)),
                                    List.of(version, next.encode(), SittingKeys.channel(id), notice.encode()))
                            .compose(ok -> {
                                if (ok.toInteger() == 1) return Future.succeededFuture(next);
                                if (tries >= TRIES) return Future.failedFuture(Refusal.of(SittingRefusal.BUSY));
                                return attempt(id, event, step, tries + 1);
                            });
                });
    }

    private static Refusal notFound(String id) {
        return Refusal.of(CommonRefusal.NOT_FOUND, SittingWords.thing("sitting"), id);
    }
}
