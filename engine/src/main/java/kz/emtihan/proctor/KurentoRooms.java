package kz.emtihan.proctor;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import kz.emtihan.live.LiveHub;
import kz.emtihan.live.RoomMedia;
import kz.emtihan.media.kurento.Candidate;
import kz.emtihan.media.kurento.KurentoMedia;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A sitting's video room through the media server (issue 5, 1: "Kurento when configured"; 6.15.1 the oral exam by
 * video conference; docs/kurento.md "Video room"). The room is one owner of {@link KurentoMedia} (owner = the room
 * id, so one pipeline per sitting); each member publishes its camera and microphone once, as a stream of that owner
 * recorded like a proctored camera, and receives every other member's published stream through a viewer endpoint
 * of its own. So each page sends one upload whatever the size of the commission, and the sitting is recorded.
 *
 * <p>Stream names: the adapter names streams {@code [a-z]{1,16}} (the camera/screen contract its tests hold), while
 * members are known by peer ids (UUIDs). A member's stream is therefore {@link #streamName} of its peer id (the first
 * 16 hex digits spelt with letters a–p); this class keeps which peer publishes which name, to route the server's
 * candidates back and to name the stream in messages by the peer id the pages know.
 */
final class KurentoRooms implements RoomMedia {
    private static final Logger log = LoggerFactory.getLogger(KurentoRooms.class);
    private final KurentoRelay relay;
    private final LiveHub live;
    private final AnswerGate gate = new AnswerGate();
    /** Rooms with media on this node: the relay routes the server's events for these owners here. */
    private final Set<String> rooms = ConcurrentHashMap.newKeySet();
    /** {@code room/peer} → where the server records that member's latest publish. */
    private final Map<String, String> recordings = new ConcurrentHashMap<>();
    /** {@code room/streamName} → the publishing member's peer id. */
    private final Map<String, String> publishers = new ConcurrentHashMap<>();
    /** Per room, the viewer endpoints as {@code streamName/viewerPeer}. */
    private final Map<String, Set<String>> viewing = new ConcurrentHashMap<>();

    KurentoRooms(KurentoRelay relay, LiveHub live) {
        this.relay = relay;
        this.live = live;
    }

    boolean owns(String owner) {
        return rooms.contains(owner);
    }

    @Override
    public String kind() {
        return "kurento";
    }

    /** A member's stream name in the adapter: the peer id's first 16 hex digits, 0-f spelt a-p. */
    static String streamName(String peer) {
        String hex = peer.replace("-", "");
        if (hex.length() < 16 || !hex.substring(0, 16).matches("[0-9a-f]{16}"))
            throw new IllegalArgumentException("not a peer id: " + peer);
        StringBuilder name = new StringBuilder(16);
        for (int i = 0; i < 16; i++) name.append((char) ('a' + Character.digit(hex.charAt(i), 16)));
        return name.toString();
    }

    @Override
    public Future<JsonObject> fromMember(String roomId, String self, String stream, JsonObject data) {
        boolean own = self.equals(stream);
        String name = streamName(stream);
        return switch (data.getString("kind", "")) {
            case "offer" ->
                (own
                                ? publish(roomId, self, name, KurentoRelay.sdp(data))
                                : view(roomId, self, name, KurentoRelay.sdp(data)))
                        .map(answer -> new JsonObject()
                                .put("type", "room-media")
                                .put("roomId", roomId)
                                .put("stream", stream)
                                .put(
                                        "data",
                                        new JsonObject().put("kind", "answer").put("sdp", answer)));
            case "ice" -> {
                Candidate c = KurentoRelay.candidateOf(data);
                yield relay.call(m -> m.addCandidate(roomId, name, own ? KurentoMedia.PUBLISHER : self, c))
                        .map(v -> null);
            }
            case "stop" ->
                own
                        ? Future.failedFuture(
                                new IllegalArgumentException("a member stops publishing by leaving the room"))
                        : stopViewing(roomId, name, self).map(v -> null);
            default -> Future.failedFuture(new IllegalArgumentException("a member sends an offer, ice or stop"));
        };
    }

    /** 6.15.1: the member's camera and microphone go to the room's pipeline, which records them. */
    private Future<String> publish(String roomId, String self, String name, String sdp) {
        rooms.add(roomId);
        publishers.put(roomId + "/" + name, self);
        gate.expect(AnswerGate.key(roomId, name, KurentoMedia.PUBLISHER));
        return relay.call(m -> m.publish(roomId, name, sdp)).map(p -> {
            log.info("room {}: peer {} publishes, recorded to {}", roomId, self, p.recordingUri());
            recordings.put(roomId + "/" + self, p.recordingUri());
            return p.sdpAnswer();
        });
    }

    @Override
    public java.util.Optional<String> recordingOf(String roomId, String peer) {
        return java.util.Optional.ofNullable(recordings.get(roomId + "/" + peer));
    }

    private Future<String> view(String roomId, String self, String name, String sdp) {
        viewing.computeIfAbsent(roomId, k -> ConcurrentHashMap.newKeySet()).add(name + "/" + self);
        gate.expect(AnswerGate.key(roomId, name, self));
        return relay.call(m -> m.view(roomId, name, self, sdp));
    }

    private Future<Void> stopViewing(String roomId, String name, String viewer) {
        Set<String> of = viewing.get(roomId);
        if (of != null) of.remove(name + "/" + viewer);
        gate.forgetOne(AnswerGate.key(roomId, name, viewer));
        return relay.call(m -> m.stopViewing(roomId, name, viewer));
    }

    @Override
    public void delivered(String roomId, String self, String stream) {
        gate.delivered(AnswerGate.key(roomId, streamName(stream), self.equals(stream) ? KurentoMedia.PUBLISHER : self));
    }

    /**
     * A member left: the endpoints through which it watched and was watched go. The last one out releases the room's
     * pipeline, which stops its recorders and so finalises the sitting's recordings.
     */
    @Override
    public void left(String roomId, String peer, boolean empty) {
        if (empty) {
            release(roomId);
            return;
        }
        if (!rooms.contains(roomId)) return;
        String name = streamName(peer);
        for (String endpoint : Set.copyOf(viewing.getOrDefault(roomId, Set.of()))) {
            String[] parts = endpoint.split("/", 2);
            if (parts[0].equals(name) || parts[1].equals(peer)) {
                stopViewing(roomId, parts[0], parts[1])
                        .onFailure(err -> log.warn("room {}: {}", roomId, err.getMessage()));
            }
        }
    }

    private void release(String roomId) {
        if (!rooms.remove(roomId)) return;
        publishers.keySet().removeIf(k -> k.startsWith(roomId + "/"));
        recordings.keySet().removeIf(k -> k.startsWith(roomId + "/"));
        viewing.remove(roomId);
        gate.forget(roomId);
        relay.call(m -> m.release(roomId))
                .onSuccess(v -> {
                    log.info("room {}: released, recordings finalised", roomId);
                    relay.released(roomId); // issue 14 (1): to the bucket, when there is one
                })
                .onFailure(err -> log.warn("room {}: release failed: {}", roomId, err.getMessage()));
    }

    /** The server's candidate: a publisher endpoint's to the publishing member, a viewer endpoint's to that viewer. */
    void localCandidate(String owner, String name, String peer, Candidate c) {
        String publisher = publishers.get(owner + "/" + name);
        if (publisher == null) return;
        String to = KurentoMedia.PUBLISHER.equals(peer) ? publisher : peer;
        JsonObject msg = new JsonObject()
                .put("type", "room-media")
                .put("roomId", owner)
                .put("stream", publisher)
                .put("data", new JsonObject().put("kind", "ice").put("candidate", KurentoRelay.json(c)));
        gate.send(AnswerGate.key(owner, name, peer), () -> live.publish(LiveHub.peerChannel(to), msg));
    }

    /** The server restarted and the room's endpoints are gone: every member publishes again, then views again. */
    void lost(String owner) {
        viewing.remove(owner);
        gate.forget(owner);
        live.publish(
                RoomMedia.channel(owner),
                new JsonObject()
                        .put("type", "room-media")
                        .put("roomId", owner)
                        .put("data", new JsonObject().put("kind", "lost")));
    }
}
