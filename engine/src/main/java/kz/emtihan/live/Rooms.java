package kz.emtihan.live;

import io.vertx.core.Future;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import kz.emtihan.auth.Caller;

/**
 * The engine's own video rooms (issue 5, 1; 6.15.1: the oral exam by video conference): every pair of pages in a room
 * holds one browser-to-browser WebRTC connection (a mesh, fine for a commission of a handful and one student). The
 * engine only keeps who is in the room, in Redis ({@code room:<id>}: peer id → {peer, userId, name, role, seen}), tells
 * the members when someone joins or leaves on {@code live:room:<id>}, and relays SDP and ICE from one member to another
 * on {@code live:peer:<id>}, so the pages may be on different nodes. A member whose node vanished without saying so
 * is dropped once it has not been seen for {@link #STALE_MILLIS} (each socket refreshes its entry every 10 s).
 *
 * <p>Protocol: {@code room-join {roomId}} → {@code room-joined {roomId, self, peers:[…]}}, the others get
 * {@code room {event:"joined", peer}}; the newcomer then offers to each member it was told of.
 * {@code room-signal {to, data}} reaches that member as {@code room-signal {from, data}}. {@code room-leave}, or the
 * socket closing, tells the others {@code room {event:"left", peer}}; so does a member the owner no longer admits
 * (checked every 10 s), who is told {@code room-left {roomId, reason}}.
 *
 * <p>With a media server ({@link RoomMedia}, docs/kurento.md "Video room") {@code room-joined} says
 * {@code media:"kurento"} instead of {@code "mesh"} and the pages send {@code room-media {stream, data}} instead of
 * {@code room-signal}: {@code stream} is the page's own peer id to publish its camera and microphone, or another
 * member's to receive theirs. The answer comes back as {@code room-media {roomId, stream, data:{kind:"answer"}}};
 * once a member's publish is answered the room hears {@code room {event:"published", peer}} and the member's entry
 * carries {@code published:true}, so newcomers know whom to receive. The last member out releases the room's media.
 */
final class Rooms {
    static final long STALE_MILLIS = 35_000;
    private static final int MAX_DATA_CHARS = 64 * 1024;
    private final LiveHub hub;
    private final RoomMedia media;
    private volatile RoomAccess access = RoomAccess.NONE;

    Rooms(LiveHub hub, RoomMedia media) {
        this.hub = hub;
        this.media = media;
    }

    void access(RoomAccess access) {
        this.access = access;
    }

    static String key(String roomId) {
        return LiveKeys.room(roomId);
    }

    static String channel(String roomId) {
        return RoomMedia.channel(roomId);
    }

    Seat seat(ServerWebSocket ws, Caller caller) {
        return new Seat(ws, caller);
    }

    /** One socket's place in at most one room at a time. */
    final class Seat {
        private final ServerWebSocket ws;
        private final Caller caller;
        private final String peer = UUID.randomUUID().toString();
        private String roomId;
        private JsonObject me;
        private boolean listening;
        private final InOrder inOrder = new InOrder();

        private Seat(ServerWebSocket ws, Caller caller) {
            this.ws = ws;
            this.caller = caller;
        }

        /** Enters the room if the owner admits the caller; the answer lists the members already there. */
        Future<JsonObject> join(String id) {
            if (id.equals(roomId)) return Future.failedFuture(new IllegalStateException("already in room " + id));
            leave();
            return access.admit(caller, id).compose(seat -> {
                long now = hub.serverNow().toEpochMilli();
                me = new JsonObject()
                        .put("peer", peer)
                        .put("userId", caller.id())
                        .put("name", seat.getString("name", caller.id()))
                        .put("role", seat.getString("role", ""));
                roomId = id;
                return listen().compose(v -> hub.follow(channel(id), ws))
                        .compose(v -> hub.redis()
                                .send(Request.cmd(Command.HSET)
                                        .arg(key(id))
                                        .arg(peer)
                                        .arg(me.copy().put("seen", now).encode())))
                        .compose(v ->
                                hub.redis().send(Request.cmd(Command.HGETALL).arg(key(id))))
                        .compose(all -> others(id, all, now))
                        .compose(peers -> hub.publish(
                                        channel(id),
                                        new JsonObject()
                                                .put("type", "room")
                                                .put("roomId", id)
                                                .put("event", "joined")
                                                .put("peer", me))
                                .map(v -> new JsonObject()
                                        .put("type", "room-joined")
                                        .put("roomId", id)
                                        .put("self", me)
                                        .put("peers", peers)
                                        .put("media", media.kind())));
            });
        }

        private Future<JsonArray> others(String id, Response all, long now) {
            JsonArray peers = new JsonArray();
            List<String> stale = new ArrayList<>();
            for (String field : all.getKeys()) {
                if (field.equals(peer)) continue;
                JsonObject member = new JsonObject(all.get(field).toString());
                if (now - member.getLong("seen", 0L) > STALE_MILLIS) stale.add(field);
                else peers.add(member.copy().put("seen", null));
            }
            if (stale.isEmpty()) return Future.succeededFuture(peers);
            Request del = Request.cmd(Command.HDEL).arg(key(id));
            stale.forEach(del::arg);
            return hub.redis().send(del).map(peers);
        }

        /**
         * Passes {@code data} to another member of the caller's room, in the order the page sent them ({@link InOrder}).
         */
        Future<Void> signal(JsonObject msg) {
            return inOrder.then(() -> relay(msg));
        }

        private Future<Void> relay(JsonObject msg) {
            String id = roomId;
            if (id == null) return Future.failedFuture(new IllegalStateException("join a room first"));
            String to = msg.getString("to", "");
            if (!(msg.getValue("data") instanceof JsonObject data)
                    || data.encode().length() > MAX_DATA_CHARS) {
                return Future.failedFuture(new IllegalArgumentException("'data' must be an object of at most 64 KB"));
            }
            return hub.redis()
                    .send(Request.cmd(Command.HEXISTS).arg(key(id)).arg(to))
                    .compose(r -> r.toInteger() == 1
                            ? hub.publish(
                                    LiveHub.peerChannel(to),
                                    new JsonObject()
                                            .put("type", "room-signal")
                                            .put("roomId", id)
                                            .put("from", peer)
                                            .put("data", data))
                            : Future.failedFuture(new IllegalStateException("peer " + to + " is not in room " + id)));
        }

        /**
         * {@code room-media {stream, data}} (with a media server): about the page's own stream it publishes, about another
         * member's it receives; the server's answer goes back to this socket, and a publish is then told to the room.
         */
        Future<Void> media(JsonObject msg) {
            return inOrder.then(() -> mediaNow(msg)); // with the room's signals, in the order the page sent them
        }

        private Future<Void> mediaNow(JsonObject msg) {
            String id = roomId;
            if (id == null) return Future.failedFuture(new IllegalStateException("join a room first"));
            if (!(msg.getValue("data") instanceof JsonObject data)
                    || data.encode().length() > MAX_DATA_CHARS) {
                return Future.failedFuture(new IllegalArgumentException("'data' must be an object of at most 64 KB"));
            }
            String stream = msg.getString("stream", "");
            boolean own = peer.equals(stream);
            Future<Void> member = own
                    ? Future.succeededFuture()
                    : hub.redis()
                            .send(Request.cmd(Command.HEXISTS).arg(key(id)).arg(stream))
                            .compose(r -> r.toInteger() == 1
                                    ? Future.<Void>succeededFuture()
                                    : Future.failedFuture(
                                            new IllegalStateException("peer " + stream + " is not in room " + id)));
            return member.compose(v -> media.fromMember(id, peer, stream, data)).compose(reply -> {
                if (reply == null || ws.isClosed()) return Future.succeededFuture();
                ws.writeTextMessage(reply.encode());
                media.delivered(id, peer, stream);
                if (!own || !id.equals(roomId)) return Future.succeededFuture();
                me.put("published", true); // kept in the entry, so a newcomer knows to receive this member
                media.recordingOf(id, peer).ifPresent(uri -> access.recorded(id, me.copy(), uri));
                return hub.redis()
                        .send(Request.cmd(Command.HSET)
                                .arg(key(id))
                                .arg(peer)
                                .arg(me.copy()
                                        .put("seen", hub.serverNow().toEpochMilli())
                                        .encode()))
                        .compose(v -> hub.publish(
                                channel(id),
                                new JsonObject()
                                        .put("type", "room")
                                        .put("roomId", id)
                                        .put("event", "published")
                                        .put("peer", me.copy())));
            });
        }

        /**
         * Every 10 s: the owner is asked again whether the caller may stay (a student whose result is published leaves,
         * whatever the page does), and the entry stays fresh while the socket lives. Refused, the page is told
         * {@code room-left {roomId, reason}} and the others that it left.
         */
        void touch() {
            String id = roomId;
            if (id == null) return;
            access.admit(caller, id).onComplete(stay -> {
                if (!id.equals(roomId)) return;
                if (stay.failed()) {
                    leave();
                    if (!ws.isClosed()) {
                        ws.writeTextMessage(new JsonObject()
                                .put("type", "room-left")
                                .put("roomId", id)
                                .put("reason", String.valueOf(stay.cause().getMessage()))
                                .encode());
                    }
                    return;
                }
                hub.redis()
                        .send(Request.cmd(Command.HSET)
                                .arg(key(id))
                                .arg(peer)
                                .arg(me.copy()
                                        .put("seen", hub.serverNow().toEpochMilli())
                                        .encode()));
            });
        }

        /** Leaves the room (on request, on joining another, or when the socket closes); the others are told. */
        void leave() {
            String id = roomId;
            if (id == null) return;
            roomId = null;
            hub.unfollow(channel(id), ws);
            Future<Void> gone = hub.redis()
                    .send(Request.cmd(Command.HDEL).arg(key(id)).arg(peer))
                    .compose(v -> hub.publish(
                            channel(id),
                            new JsonObject()
                                    .put("type", "room")
                                    .put("roomId", id)
                                    .put("event", "left")
                                    .put("peer", new JsonObject().put("peer", peer))));
            if (media == RoomMedia.MESH) return;
            String self = peer;
            gone.compose(v -> hub.redis().send(Request.cmd(Command.HGETALL).arg(key(id))))
                    .onSuccess(all ->
                            media.left(id, self, !anyFresh(all, hub.serverNow().toEpochMilli())));
        }

        private static boolean anyFresh(Response all, long now) {
            for (String field : all.getKeys()) {
                if (now - new JsonObject(all.get(field).toString()).getLong("seen", 0L) <= STALE_MILLIS) return true;
            }
            return false;
        }

        private Future<Void> listen() {
            if (listening) return Future.succeededFuture();
            listening = true;
            return hub.follow(LiveHub.peerChannel(peer), ws);
        }
    }
}
