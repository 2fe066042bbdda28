package kz.emtihan.proctor;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import kz.emtihan.exam.ExamKeys;
import kz.emtihan.live.LiveHub;
import kz.emtihan.media.kurento.Candidate;
import kz.emtihan.media.kurento.KurentoMedia;
import kz.emtihan.media.kurento.KurentoSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine's side of a Kurento Media Server ({@code media.kurento.url}, docs/kurento.md): the student's page
 * publishes camera and screen to it over WebRTC and the server records them; proctors watch through it,
 * one-to-many. This class only translates: WebSocket messages to {@link KurentoMedia} calls, which never run on
 * an event loop, and the server's ICE candidates and restarts back to the pages through the live channels
 * (so the page may be connected to any engine node). An attempt's media is released when it is finished.
 */
public final class KurentoRelay implements KurentoMedia.Listener, LiveMedia {
    private static final Logger log = LoggerFactory.getLogger(KurentoRelay.class);
    private static final long RETRY_MILLIS = 5_000;
    private final Vertx vertx;
    private final LiveHub live;
    private final KurentoSettings settings;
    /** Viewer peers per attempt, to tell them when the server restarted. */
    private final Map<String, Set<String>> viewers = new ConcurrentHashMap<>();

    private final AnswerGate gate = new AnswerGate();
    /** The sittings' video rooms (issue 5): the server's events for an owner in its set go there. */
    private final KurentoRooms rooms;

    private volatile KurentoMedia media;
    private volatile KurentoUploads uploads;
    private volatile KurentoEvidence evidence;
    private volatile boolean closed;

    /**
     * @param recordingsUri where the media server writes, as it sees that directory (the engine reads it under its data dir)
     * @param videoKbps     issue 17 (2): the configured video bitrate of each stream (camera, screen), the most the
     *                      server's endpoint receives
     */
    KurentoRelay(Vertx vertx, LiveHub live, String url, String recordingsUri, Map<String, Integer> videoKbps) {
        this.vertx = vertx;
        this.live = live;
        this.settings = KurentoSettings.of(URI.create(url), recordingsUri).withVideoKbps(videoKbps);
        this.rooms = new KurentoRooms(this, live);
    }

    /** Connects, retrying every 5 s while the server is unreachable; the engine serves meanwhile. */
    void start() {
        if (closed) return;
        KurentoMedia.connect(settings, this).whenComplete((m, err) -> {
            if (err == null) {
                media = m;
                log.info("connected to the Kurento Media Server at {}", settings.url());
            } else if (!closed) {
                log.warn("Kurento Media Server at {} unreachable ({}); retrying", settings.url(), err.getMessage());
                vertx.setTimer(RETRY_MILLIS, t -> start());
            }
        });
    }

    /** Whether the media server is connected (tests and health). */
    public boolean connected() {
        return media != null;
    }

    /** The student's page offers a stream; the server's SDP answer. */
    Future<String> publish(String attemptId, String stream, String sdpOffer) {
        gate.expect(AnswerGate.key(attemptId, stream, KurentoMedia.PUBLISHER));
        return call(m -> m.publish(attemptId, stream, sdpOffer)).map(p -> p.sdpAnswer());
    }

    /**
     * The answer has been written to its page's socket: the candidates held for it go out now, through Redis, so they
     * arrive after it (a browser refuses a candidate before its answer; the pages also keep an early one, to be safe).
     */
    @Override
    public void delivered(String attemptId, String stream, String peer) {
        gate.delivered(AnswerGate.key(attemptId, stream, peer));
    }

    /** A browser's ICE candidate for the publisher or a viewer ({@code peer}) endpoint. */
    Future<Void> candidate(String attemptId, String stream, String peer, Candidate candidate) {
        return call(m -> m.addCandidate(attemptId, stream, peer, candidate));
    }

    /** A proctor's page offers to receive a stream; the server's SDP answer. */
    Future<String> view(String attemptId, String stream, String viewerPeer, String sdpOffer) {
        viewers.computeIfAbsent(attemptId, k -> ConcurrentHashMap.newKeySet()).add(viewerPeer);
        gate.expect(AnswerGate.key(attemptId, stream, viewerPeer));
        return call(m -> m.view(attemptId, stream, viewerPeer, sdpOffer));
    }

    Future<Void> stopViewing(String attemptId, String stream, String viewerPeer) {
        return call(m -> m.stopViewing(attemptId, stream, viewerPeer));
    }

    /** The attempt is finished: the recorders stop (files finalised) and its pipeline goes. */
    Future<Void> release(String attemptId) {
        viewers.remove(attemptId);
        gate.forget(attemptId);
        KurentoEvidence e = evidence;
        if (e != null) e.forget(attemptId);
        return (media == null ? Future.<Void>succeededFuture() : call(m -> m.release(attemptId)))
                .onSuccess(v -> released(attemptId));
    }

    /** Issue 17 (4): the recordings are evidence while video reaches their recorders on the server. */
    void watchEvidence(EvidenceWatch watch, kz.emtihan.exam.Attempts attempts) {
        this.evidence = new KurentoEvidence(vertx, watch, attempts);
    }

    @Override
    public void recording(String owner, String stream, boolean flowing) {
        KurentoEvidence e = evidence;
        if (e != null && !rooms.owns(owner)) e.recording(owner, stream, flowing);
    }

    @Override
    public void disconnected() {
        log.warn("the Kurento Media Server connection broke; recordings are not evidence until it is back");
        KurentoEvidence e = evidence;
        if (e != null) e.disconnected();
    }

    /** Issue 14 (1): with a bucket, an owner's files go there once this node has stopped its recorders. */
    void uploadTo(KurentoUploads uploads) {
        this.uploads = uploads;
        uploads.start();
    }

    /** The owner's recorders are stopped (an attempt finished, a room emptied): its files are complete. */
    void released(String owner) {
        KurentoUploads u = uploads;
        if (u != null) u.released(owner);
    }

    /** Runs a call of the adapter and completes back on the caller's context; bad arguments fail the future. */
    <T> Future<T> call(java.util.function.Function<KurentoMedia, CompletableFuture<T>> op) {
        KurentoMedia m = media;
        if (m == null) return Future.failedFuture(new IllegalStateException("the media server is not connected"));
        Context ctx = vertx.getOrCreateContext();
        Promise<T> p = Promise.promise();
        CompletableFuture<T> f;
        try {
            f = op.apply(m);
        } catch (IllegalArgumentException e) {
            return Future.failedFuture(e);
        }
        f.whenComplete((v, err) -> ctx.runOnContext(
                x -> { // back on the caller's event loop
                    if (err == null) p.complete(v);
                    else
                        p.fail(
                                err instanceof java.util.concurrent.CompletionException && err.getCause() != null
                                        ? err.getCause()
                                        : err);
                }));
        return p.future();
    }

    @Override
    public Future<JsonObject> fromStudent(String attemptId, JsonObject msg) {
        String stream = stream(msg);
        JsonObject data = msg.getJsonObject("data");
        return switch (data.getString("kind", "")) {
            case "offer" ->
                publish(attemptId, stream, sdp(data)).map(answer -> reply("media", attemptId, stream, answer));
            case "ice" ->
                candidate(attemptId, stream, KurentoMedia.PUBLISHER, candidateOf(data))
                        .map(v -> null);
            default -> Future.failedFuture(new IllegalArgumentException("a page sends an offer or ice"));
        };
    }

    @Override
    public Future<JsonObject> fromWatcher(String attemptId, String peerId, JsonObject msg) {
        String stream = stream(msg);
        JsonObject data = msg.getJsonObject("data");
        return switch (data.getString("kind", "")) {
            case "offer" ->
                view(attemptId, stream, peerId, sdp(data))
                        .map(answer -> reply("media-view", attemptId, stream, answer));
            case "ice" ->
                candidate(attemptId, stream, peerId, candidateOf(data)).map(v -> null);
            case "stop" -> stopViewing(attemptId, stream, peerId).map(v -> null);
            default -> Future.failedFuture(new IllegalArgumentException("a viewer sends an offer, ice or stop"));
        };
    }

    static String stream(JsonObject msg) {
        String stream = msg.getString("stream", "");
        if (!Recordings.STREAMS.contains(stream))
            throw new IllegalArgumentException("'stream' must be camera or screen");
        return stream;
    }

    static String sdp(JsonObject data) {
        String sdp = data.getString("sdp", "");
        if (sdp.isBlank()) throw new IllegalArgumentException("an offer carries 'sdp'");
        return sdp;
    }

    static Candidate candidateOf(JsonObject data) {
        if (!(data.getValue("candidate") instanceof JsonObject c))
            throw new IllegalArgumentException("ice carries a 'candidate' object");
        return new Candidate(c.getString("candidate", ""), c.getString("sdpMid", ""), c.getInteger("sdpMLineIndex", 0));
    }

    private static JsonObject reply(String type, String attemptId, String stream, String answer) {
        return new JsonObject()
                .put("type", type)
                .put("attemptId", attemptId)
                .put("stream", stream)
                .put("data", new JsonObject().put("kind", "answer").put("sdp", answer));
    }

    @Override
    public void localCandidate(String owner, String stream, String peer, Candidate c) {
        if (rooms.owns(owner)) {
            rooms.localCandidate(owner, stream, peer, c);
            return;
        }
        boolean publisher = KurentoMedia.PUBLISHER.equals(peer);
        JsonObject msg = new JsonObject()
                .put("type", publisher ? "media" : "media-view")
                .put("attemptId", owner)
                .put("stream", stream)
                .put("data", new JsonObject().put("kind", "ice").put("candidate", json(c)));
        String channel = publisher ? ExamKeys.attemptChannel(owner) : LiveHub.peerChannel(peer);
        gate.send(AnswerGate.key(owner, stream, peer), () -> live.publish(channel, msg));
    }

    static JsonObject json(Candidate c) {
        return new JsonObject()
                .put("candidate", c.candidate())
                .put("sdpMid", c.sdpMid())
                .put("sdpMLineIndex", c.sdpMLineIndex());
    }

    /** The sittings' video rooms through this server (docs/kurento.md "Video room"). */
    @Override
    public kz.emtihan.live.RoomMedia rooms() {
        return rooms;
    }

    @Override
    public void lost(String owner) {
        if (rooms.owns(owner)) {
            rooms.lost(owner);
            return;
        }
        KurentoEvidence e = evidence;
        if (e != null) e.stopped(owner); // its recorders went with the server
        JsonObject msg = new JsonObject().put("type", "media-lost").put("attemptId", owner);
        live.publish(ExamKeys.attemptChannel(owner), msg); // the page publishes again
        for (String viewer : viewers.getOrDefault(owner, Set.of())) live.publish(LiveHub.peerChannel(viewer), msg);
    }

    @Override
    public void reconnected() {
        log.info("Kurento Media Server connection restored");
    }

    void close() {
        closed = true;
        KurentoUploads u = uploads;
        if (u != null) u.stop();
        KurentoEvidence e = evidence;
        if (e != null) e.close();
        KurentoMedia m = media;
        if (m != null) m.close();
    }
}
