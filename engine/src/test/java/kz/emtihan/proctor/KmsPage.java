package kz.emtihan.proctor;

import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import kz.emtihan.TestEngine;
import kz.emtihan.media.kurento.Candidate;
import kz.emtihan.media.kurento.KmsPeer;
import org.kurento.client.KurentoClient;

/**
 * Issue 17 (2): a page on the engine's live socket whose WebRTC side is a {@link KmsPeer} (real Kurento endpoints on
 * the tests' own client): what it publishes or receives goes through the engine's signalling to the real media
 * server. The server's candidates ({@code data.kind = "ice"}) go straight to the peer of their message type and
 * stream, at any time, and are counted; every other message queues for {@link #next}.
 */
public final class KmsPage implements WebSocket.Listener, AutoCloseable {
    private final BlockingQueue<JsonObject> messages = new LinkedBlockingQueue<>();
    private final Map<String, KmsPeer> peers = new ConcurrentHashMap<>();
    /** Every peer this page made (a stream published again replaces its route, not its pipeline): released on close. */
    private final java.util.List<KmsPeer> made = new java.util.concurrent.CopyOnWriteArrayList<>();

    private final Map<String, AtomicInteger> candidates = new ConcurrentHashMap<>();
    private final StringBuilder partial = new StringBuilder();
    private WebSocket ws;

    public static KmsPage open(TestEngine node, String token) throws InterruptedException {
        KmsPage p = new KmsPage();
        p.ws = HttpClient.newHttpClient()
                .newWebSocketBuilder()
                .buildAsync(URI.create("ws://localhost:" + node.engine().port() + "/api/v1/ws?token=" + token), p)
                .join();
        p.next("time");
        return p;
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            JsonObject m = new JsonObject(partial.toString());
            partial.setLength(0);
            if (m.getValue("data") instanceof JsonObject d && "ice".equals(d.getString("kind"))) {
                String key = m.getString("type") + "/" + m.getString("stream");
                candidates.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
                KmsPeer peer = peers.get(key);
                JsonObject c = d.getJsonObject("candidate");
                if (peer != null)
                    peer.remote(new Candidate(
                            c.getString("candidate"), c.getString("sdpMid"), c.getInteger("sdpMLineIndex")));
            } else {
                messages.add(m);
            }
        }
        webSocket.request(1);
        return null;
    }

    public synchronized void send(JsonObject o) {
        ws.sendText(o.encode(), true).join();
    }

    /** The next queued message of this type, skipping others, within {@code limit}. */
    public JsonObject next(String type, Duration limit) throws InterruptedException {
        long giveUp = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < giveUp) {
            JsonObject m = messages.poll(giveUp - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (m != null && type.equals(m.getString("type"))) return m;
        }
        throw new AssertionError("no '" + type + "' message within " + limit);
    }

    public JsonObject next(String type) throws InterruptedException {
        return next(type, Duration.ofSeconds(20));
    }

    /** How many of the server's candidates arrived for messages of this type and stream. */
    public int candidates(String type, String stream) {
        AtomicInteger n = candidates.get(type + "/" + stream);
        return n == null ? 0 : n.get();
    }

    /**
     * Offers {@code peer}'s SDP in a message of {@code type} ({@code media}, {@code media-view}, {@code room-media})
     * for {@code stream}, with {@code extra} fields (e.g. the attempt id), gives it the answer and trickles its
     * candidates to the engine; returns the answer message.
     */
    public JsonObject offer(String type, String stream, JsonObject extra, KmsPeer peer) throws InterruptedException {
        String key = type + "/" + stream;
        peers.put(key, peer);
        made.add(peer);
        peer.onCandidate(c -> send(extra.copy()
                .put("type", type)
                .put("stream", stream)
                .put(
                        "data",
                        new JsonObject()
                                .put("kind", "ice")
                                .put(
                                        "candidate",
                                        new JsonObject()
                                                .put("candidate", c.candidate())
                                                .put("sdpMid", c.sdpMid())
                                                .put("sdpMLineIndex", c.sdpMLineIndex())))));
        send(extra.copy()
                .put("type", type)
                .put("stream", stream)
                .put("data", new JsonObject().put("kind", "offer").put("sdp", peer.offer())));
        JsonObject answer;
        do {
            answer = next(type);
        } while (!stream.equals(answer.getString("stream")));
        if (!"answer".equals(answer.getJsonObject("data").getString("kind")))
            throw new AssertionError("expected an answer: " + answer.encode());
        peer.answered(answer.getJsonObject("data").getString("sdp"));
        return answer;
    }

    /** A student's page publishing a clip as {@code stream} of its attempt. */
    public KmsPeer publish(KurentoClient client, Path clip, String attemptId, String stream)
            throws InterruptedException {
        KmsPeer peer = KmsPeer.sender(client, clip);
        offer("media", stream, new JsonObject().put("attemptId", attemptId), peer);
        return peer;
    }

    /** A proctor's page receiving {@code stream} of an attempt. */
    public KmsPeer view(KurentoClient client, String attemptId, String stream) throws InterruptedException {
        KmsPeer peer = KmsPeer.receiver(client);
        offer("media-view", stream, new JsonObject().put("attemptId", attemptId), peer);
        return peer;
    }

    @Override
    public void close() {
        made.forEach(p -> {
            try {
                p.close();
            } catch (RuntimeException e) {
                // already released (a test that closes its peers itself)
            }
        });
        ws.sendClose(WebSocket.NORMAL_CLOSURE, "bye").join();
    }

    /**
     * The engine's objects on the server that were not there {@code before}: its pipelines (those holding a recorder)
     * with their children; the pages' own pipelines (a player or a lone receiver) are left out.
     */
    public static Map<String, String> engineObjects(KurentoClient eyes, Map<String, String> before) {
        Map<String, String> now = new java.util.HashMap<>(kz.emtihan.media.kurento.RealKms.objects(eyes));
        now.keySet().removeAll(before.keySet());
        Map<String, String> out = new java.util.HashMap<>();
        for (String pipeline : kz.emtihan.media.kurento.RealKms.ofType(now, "MediaPipeline")) {
            boolean engines = now.entrySet().stream()
                    .anyMatch(e -> e.getKey().startsWith(pipeline + "/")
                            && e.getValue().equals("RecorderEndpoint"));
            if (engines)
                now.forEach((id, type) -> {
                    if (id.equals(pipeline) || id.startsWith(pipeline + "/")) out.put(id, type);
                });
        }
        return out;
    }
}
