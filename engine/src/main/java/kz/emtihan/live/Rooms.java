package kz.emtihan.live;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.Set;
import java.util.UUID;
import kz.emtihan.auth.Caller;
import kz.emtihan.refusal.Refusal;

/**
 * The engine's own video rooms (issue 5, 1; 6.15.1: the oral exam by video conference), a feature the context that
 * owns rooms plugs in with its {@link RoomAccess} (the sittings) and the media it is given ({@link RoomMedia}): every
 * pair of pages in a room holds one browser-to-browser WebRTC connection (a mesh, fine for a commission of a handful
 * and one student). The engine only keeps who is in the room ({@link RoomMembers}), tells the members when someone
 * joins or leaves on {@code live:room:<id>}, and relays SDP and ICE from one member to another on
 * {@code live:peer:<id>}, so the pages may be on different nodes.
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
public final class Rooms implements LiveFeature {
    /** The topic every member of a room follows. */
    public static final Topic ROOM = new Topic("room");

    static final int MAX_DATA_CHARS = 64 * 1024;
    private final String owner;
    private final LiveHub hub;
    private final RoomAccess access;
    private final RoomMedia media;
    private final RoomMembers members;

    /** @param owner the context whose rooms they are (it decides who enters: {@code access}) */
    public Rooms(String owner, LiveHub hub, RoomAccess access, RoomMedia media) {
        this.owner = owner;
        this.hub = hub;
        this.access = access;
        this.media = media;
        this.members = new RoomMembers(hub);
    }

    @Override
    public String owner() {
        return owner;
    }

    @Override
    public Set<String> handles() {
        return Set.of("room-join", "room-signal", "room-media", "room-leave");
    }

    @Override
    public Set<Topic> topics() {
        return Set.of(ROOM);
    }

    @Override
    public MessageHandler open(LiveConnection connection) {
        return new Seat(connection);
    }

    static String channel(String roomId) {
        return ROOM.channel(roomId);
    }

    /** {@code data} to relay is a JSON object of at most 64 KB; else the refusal of {@code code}. */
    static Future<JsonObject> data(JsonObject msg, LiveRefusal code) {
        return msg.getValue("data") instanceof JsonObject data && data.encode().length() <= MAX_DATA_CHARS
                ? Future.succeededFuture(data)
                : Future.failedFuture(Refusal.of(code, LiveReasons.dataTooLarge(MAX_DATA_CHARS / 1024)));
    }

    /** One socket's place in at most one room at a time. */
    final class Seat implements MessageHandler {
        private final LiveConnection conn;
        private final Caller caller;
        private final String peer = UUID.randomUUID().toString();
        private String roomId;
        private JsonObject me;
        private boolean listening;
        private final InOrder inOrder = new InOrder();

        private Seat(LiveConnection conn) {
            this.conn = conn;
            this.caller = conn.caller();
        }

        @Override
        public void handle(String type, JsonObject msg) {
            switch (type) {
                case "room-join" ->
                    join(msg.getString("roomId", ""))
                            .onSuccess(conn::send)
                            .onFailure(err -> conn.refuse(LiveRefusal.ROOM_REFUSED, err));
                // signals and media in the order the page sent them (InOrder)
                case "room-signal" ->
                    inOrder.then(() -> relay(msg)).onFailure(err -> conn.refuse(LiveRefusal.SIGNAL_REFUSED, err));
                case "room-media" ->
                    inOrder.then(() -> media(msg)).onFailure(err -> conn.refuse(LiveRefusal.MEDIA_REFUSED, err));
                default -> leave(); // room-leave
            }
        }

        @Override
        public void tick() {
            touch();
        }

        @Override
        public void closed() {
            leave();
        }

        /** Enters the room if the owner admits the caller; the answer lists the members already there. */
        Future<JsonObject> join(String id) {
            if (id.equals(roomId))
                return Future.failedFuture(Refusal.of(LiveRefusal.ROOM_REFUSED, LiveReasons.alreadyInRoom(id)));
            leave();
            return access.admit(caller, id).compose(seat -> {
                long now = hub.serverNow().toEpochMilli();
                me = new JsonObject()
                        .put("peer", peer)
                        .put("userId", caller.id())
                        .put("name", seat.getString("name", caller.id()))
                        .put("role", seat.getString("role", ""));
                roomId = id;
                return listen().compose(v -> conn.follow(ROOM, id))
                        .compose(v -> members.put(id, me, now))
                        .compose(v -> members.others(id, peer, now))
                        .compose(peers -> hub.publish(channel(id), event(id, "joined", me))
                                .map(v -> new JsonObject()
                                        .put("type", "room-joined")
                                        .put("roomId", id)
                                        .put("self", me)
                                        .put("peers", peers)
                                        .put("media", media.kind())));
            });
        }

        /** Passes {@code data} to another member of the caller's room. */
        private Future<Void> relay(JsonObject msg) {
            String id = roomId;
            if (id == null)
                return Future.failedFuture(Refusal.of(LiveRefusal.SIGNAL_REFUSED, LiveReasons.joinRoomFirst()));
            String to = msg.getString("to", "");
            return data(msg, LiveRefusal.SIGNAL_REFUSED)
                    .compose(data -> members.has(id, to)
                            .compose(in -> in
                                    ? hub.publish(
                                            LiveHub.peerChannel(to),
                                            new JsonObject()
                                                    .put("type", "room-signal")
                                                    .put("roomId", id)
                                                    .put("from", peer)
                                                    .put("data", data))
                                    : Future.failedFuture(
                                            Refusal.of(LiveRefusal.SIGNAL_REFUSED, LiveReasons.notInRoom(to, id)))));
        }

        /**
         * {@code room-media {stream, data}} (with a media server): about the page's own stream it publishes, about another
         * member's it receives; the server's answer goes back to this socket, and a publish is then told to the room.
         */
        private Future<Void> media(JsonObject msg) {
            String id = roomId;
            if (id == null)
                return Future.failedFuture(Refusal.of(LiveRefusal.MEDIA_REFUSED, LiveReasons.joinRoomFirst()));
            String stream = msg.getString("stream", "");
            boolean own = peer.equals(stream);
            return data(msg, LiveRefusal.MEDIA_REFUSED)
                    .compose(data -> (own ? Future.succeededFuture(true) : members.has(id, stream))
                            .compose(in -> in
                                    ? media.fromMember(id, peer, stream, data)
                                    : Future.failedFuture(
                                            Refusal.of(LiveRefusal.MEDIA_REFUSED, LiveReasons.notInRoom(stream, id)))))
                    .compose(reply -> {
                        if (reply == null || conn.isClosed()) return Future.succeededFuture();
                        conn.send(reply);
                        media.delivered(id, peer, stream);
                        return own && id.equals(roomId) ? published(id) : Future.succeededFuture();
                    });
        }

        /** The member's publish was answered: kept in its entry, so a newcomer knows to receive it, and told. */
        private Future<Void> published(String id) {
            me.put("published", true);
            media.recordingOf(id, peer).ifPresent(uri -> access.recorded(id, me.copy(), uri));
            return members.put(id, me, hub.serverNow().toEpochMilli())
                    .compose(v -> hub.publish(channel(id), event(id, "published", me.copy())));
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
                    conn.send(new JsonObject()
                            .put("type", "room-left")
                            .put("roomId", id)
                            .put("reason", conn.say(stay.cause())));
                    return;
                }
                members.put(id, me, hub.serverNow().toEpochMilli());
            });
        }

        /** Leaves the room (on request, on joining another, or when the socket closes); the others are told. */
        void leave() {
            String id = roomId;
            if (id == null) return;
            roomId = null;
            conn.unfollow(ROOM, id);
            Future<Void> gone = members.remove(id, peer)
                    .compose(v -> hub.publish(channel(id), event(id, "left", new JsonObject().put("peer", peer))));
            if (media == RoomMedia.MESH) return;
            String self = peer;
            gone.compose(v -> members.anyFresh(id)).onSuccess(fresh -> media.left(id, self, !fresh));
        }

        private JsonObject event(String id, String event, JsonObject member) {
            return new JsonObject()
                    .put("type", "room")
                    .put("roomId", id)
                    .put("event", event)
                    .put("peer", member);
        }

        private Future<Void> listen() {
            if (listening) return Future.succeededFuture();
            listening = true;
            return conn.follow(Topic.PEER, peer);
        }
    }
}
