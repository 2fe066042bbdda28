package kz.emtihan;

import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A client of {@code /api/v1/ws} whose messages queue up for the test to take in order. */
public final class TestSocket implements WebSocket.Listener {
    private final BlockingQueue<JsonObject> messages = new LinkedBlockingQueue<>();
    private final StringBuilder partial = new StringBuilder();
    private final java.util.concurrent.CompletableFuture<Integer> closed =
            new java.util.concurrent.CompletableFuture<>();
    private volatile String closeReason;
    private WebSocket ws;

    public static TestSocket open(TestEngine node, String token) {
        TestSocket s = new TestSocket();
        s.ws = HttpClient.newHttpClient()
                .newWebSocketBuilder()
                .buildAsync(URI.create("ws://localhost:" + node.engine().port() + "/api/v1/ws?token=" + token), s)
                .join();
        return s;
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            messages.add(new JsonObject(partial.toString()));
            partial.setLength(0);
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        closeReason = reason;
        closed.complete(statusCode);
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        closed.completeExceptionally(error);
    }

    /** The close code the server sent, waiting at most {@code limit}. */
    public int awaitClose(java.time.Duration limit) throws Exception {
        return closed.get(limit.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The reason the server gave with its close frame. */
    public String closeReason() {
        return closeReason;
    }

    /** Opens a socket as the token's user on the node and waits for the first {@code time}: the server is listening. */
    public static TestSocket ready(TestEngine node, String token) throws InterruptedException {
        TestSocket s = open(node, token);
        s.next("time");
        return s;
    }

    /** Asks to enter a video room (issue 5) and returns {@code room-joined}. */
    public JsonObject joinRoom(String roomId) throws InterruptedException {
        send(new JsonObject().put("type", "room-join").put("roomId", roomId));
        return next("room-joined");
    }

    public void send(JsonObject o) {
        ws.sendText(o.encode(), true).join();
    }

    /** The next message of this type, skipping others (time ticks, presence); fails after 10 s. */
    public JsonObject next(String type) throws InterruptedException {
        return next(type, java.time.Duration.ofSeconds(10));
    }

    /** The next message of this type within {@code limit} (for what the server does on its 10 s tick). */
    public JsonObject next(String type, java.time.Duration limit) throws InterruptedException {
        long giveUp = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < giveUp) {
            JsonObject m = messages.poll(giveUp - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (m != null && type.equals(m.getString("type"))) return m;
        }
        throw new AssertionError("no '" + type + "' message within " + limit);
    }

    /** Follows the student's own attempt and waits until the server confirms. */
    public TestSocket following(String attemptId) throws InterruptedException {
        next("time");
        send(new JsonObject().put("type", "attempt").put("attemptId", attemptId));
        next("following");
        return this;
    }

    /** Subscribes to an exam's events and waits until the server confirms. */
    public TestSocket subscribed(String examId) throws InterruptedException {
        next("time");
        send(new JsonObject().put("type", "subscribe").put("examId", examId));
        next("subscribed");
        return this;
    }

    public void close() {
        ws.sendClose(WebSocket.NORMAL_CLOSURE, "bye").join();
    }
}
