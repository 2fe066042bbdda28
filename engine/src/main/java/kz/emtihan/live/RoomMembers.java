package kz.emtihan.live;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import java.util.ArrayList;
import java.util.List;

/**
 * Who is in a video room, in Redis ({@code room:<id>}: peer id → {peer, userId, name, role, seen}), so every node
 * sees every member. A member whose node vanished without saying so is dropped once it has not been seen for
 * {@link #STALE_MILLIS} (each socket refreshes its entry every 10 s).
 */
final class RoomMembers {
    static final long STALE_MILLIS = 35_000;
    private final LiveHub hub;
    private final Redis redis;

    RoomMembers(LiveHub hub) {
        this.hub = hub;
        this.redis = hub.redis();
    }

    static String key(String roomId) {
        return LiveKeys.room(roomId);
    }

    /** Writes the member's entry, seen {@code now}. */
    Future<Void> put(String roomId, JsonObject member, long now) {
        return redis.send(Request.cmd(Command.HSET)
                        .arg(key(roomId))
                        .arg(member.getString("peer"))
                        .arg(member.copy().put("seen", now).encode()))
                .mapEmpty();
    }

    Future<Void> remove(String roomId, String peer) {
        return redis.send(Request.cmd(Command.HDEL).arg(key(roomId)).arg(peer)).mapEmpty();
    }

    Future<Boolean> has(String roomId, String peer) {
        return redis.send(Request.cmd(Command.HEXISTS).arg(key(roomId)).arg(peer))
                .map(r -> r.toInteger() == 1);
    }

    /** The members other than {@code self} (without their {@code seen}); stale entries are deleted on the way. */
    Future<JsonArray> others(String roomId, String self, long now) {
        return redis.send(Request.cmd(Command.HGETALL).arg(key(roomId))).compose(all -> {
            JsonArray peers = new JsonArray();
            List<String> stale = new ArrayList<>();
            for (String field : all.getKeys()) {
                if (field.equals(self)) continue;
                JsonObject member = new JsonObject(all.get(field).toString());
                if (now - member.getLong("seen", 0L) > STALE_MILLIS) stale.add(field);
                else peers.add(member.copy().put("seen", null));
            }
            if (stale.isEmpty()) return Future.succeededFuture(peers);
            Request del = Request.cmd(Command.HDEL).arg(key(roomId));
            stale.forEach(del::arg);
            return redis.send(del).map(peers);
        });
    }

    /** True when someone in the room has been seen lately. */
    Future<Boolean> anyFresh(String roomId) {
        return redis.send(Request.cmd(Command.HGETALL).arg(key(roomId)))
                .map(all -> anyFresh(all, hub.serverNow().toEpochMilli()));
    }

    private static boolean anyFresh(Response all, long now) {
        for (String field : all.getKeys()) {
            if (now - new JsonObject(all.get(field).toString()).getLong("seen", 0L) <= STALE_MILLIS) return true;
        }
        return false;
    }
}
