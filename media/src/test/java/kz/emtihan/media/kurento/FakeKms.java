package kz.emtihan.media.kurento;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

/**
 * A stand-in Kurento Media Server for tests: a WebSocket at {@code /kurento} on loopback, speaking the
 * Kurento Protocol through a {@link FakeProtocol} (one per run of the server). Records every request.
 *
 * <p>Test controls: {@link #restart()} drops every connection and starts a new run (new server id, no
 * sessions, no objects) on the same listening socket, so the client finds a restarted server at the same
 * address; {@link #holdReplies()} keeps replies and events back until {@link #sendHeldReplies()};
 * {@link #goSilent()} stops answering at all (a hung server); {@link #dropConnections()} closes every
 * connection but keeps the run (a network blip). Connections close in order (FIN) or, for a server
 * started with {@code reset}, with a reset (RST), as a crash or a dropped route may give.
 */
public final class FakeKms implements AutoCloseable {
    static final String PATH = "/kurento";

    private final HttpServer server;
    private final Map<ServerWebSocket, FakeProtocol> sockets = new ConcurrentHashMap<>();
    private final Set<ServerWebSocket> closedByServer = ConcurrentHashMap.newKeySet();
    private final CountDownLatch clientClosed = new CountDownLatch(1);
    private final List<JsonObject> received = new ArrayList<>();
    private final List<Runnable> held = new ArrayList<>();
    private volatile FakeProtocol run = new FakeProtocol(this::send);
    private boolean holding;
    private volatile boolean silent;

    private FakeKms(Vertx vertx, boolean reset) {
        HttpServerOptions options = new HttpServerOptions()
                .setMaxWebSocketFrameSize(1 << 20)
                // Closing drops the TCP connection at once: kurento-client answers no close frame, so
                // Vert.x would otherwise wait 10 s for one.
                .setWebSocketClosingTimeout(0);
        if (reset) {
            options.setSoLinger(0);
        }
        this.server = vertx.createHttpServer(options).webSocketHandler(this::accept);
    }

    /** Starts on {@code 127.0.0.1} on a free port; with {@code reset}, it closes connections with a reset. */
    public static FakeKms start(Vertx vertx, boolean reset) throws Exception {
        FakeKms kms = new FakeKms(vertx, reset);
        kms.server.listen(0, "127.0.0.1").await(10, TimeUnit.SECONDS);
        return kms;
    }

    public URI url() {
        return URI.create("ws://127.0.0.1:" + server.actualPort() + PATH);
    }

    /** The current run's media objects. */
    public FakeMediaSet media() {
        return run.media();
    }

    /** Every request this run received (also while silent), oldest first. */
    synchronized List<JsonObject> received() {
        return received.stream().map(JsonObject::copy).toList();
    }

    /** This run's requests other than the keep-alive's pings. */
    public List<JsonObject> calls() {
        return received().stream()
                .filter(r -> !"ping".equals(r.getString("method")))
                .toList();
    }

    /** Waits (without sleeping) until a received request matches; fails after {@code timeout}. */
    synchronized JsonObject awaitRequest(Predicate<JsonObject> match, Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (true) {
            for (JsonObject r : received) {
                if (match.test(r)) {
                    return r.copy();
                }
            }
            waitUntil(end, "no such request within " + timeout + "; received " + received);
        }
    }

    /** Waits (without sleeping) until {@code count} requests other than pings have arrived. */
    synchronized void awaitCalls(int count, Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (received.stream()
                        .filter(r -> !"ping".equals(r.getString("method")))
                        .count()
                < count) {
            waitUntil(end, "fewer than " + count + " calls within " + timeout + ": " + received);
        }
    }

    synchronized void holdReplies() {
        holding = true;
    }

    synchronized void sendHeldReplies() {
        holding = false;
        held.forEach(Runnable::run);
        held.clear();
    }

    void goSilent() {
        silent = true;
    }

    /** True once a client closed its connection (the server closes none unless told to). */
    boolean awaitClientClosed(Duration timeout) throws InterruptedException {
        return clientClosed.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    void dropConnections() throws TimeoutException {
        for (ServerWebSocket ws : List.copyOf(sockets.keySet())) {
            closedByServer.add(ws);
            ws.close().await(10, TimeUnit.SECONDS);
        }
    }

    /** A restart: every connection dropped, then a new run with nothing in it. */
    void restart() throws TimeoutException {
        synchronized (this) {
            run = new FakeProtocol(this::send);
            received.clear();
            held.clear();
            holding = false;
            silent = false;
        }
        dropConnections();
    }

    @Override
    public void close() throws TimeoutException {
        dropConnections();
        server.close().await(10, TimeUnit.SECONDS);
    }

    private void waitUntil(long end, String failure) throws InterruptedException {
        long left = end - System.nanoTime();
        if (left <= 0) {
            throw new AssertionError(failure);
        }
        TimeUnit.NANOSECONDS.timedWait(this, left);
    }

    private void accept(ServerWebSocket ws) {
        if (!PATH.equals(ws.path())) {
            ws.close((short) 1008, "unknown path");
            return;
        }
        FakeProtocol acceptedBy = run;
        sockets.put(ws, acceptedBy);
        ws.closeHandler(v -> {
            sockets.remove(ws);
            if (!closedByServer.contains(ws)) {
                clientClosed.countDown();
            }
        });
        ws.textMessageHandler(text -> onMessage(ws, acceptedBy, text));
    }

    private void onMessage(ServerWebSocket ws, FakeProtocol acceptedBy, String text) {
        JsonObject request;
        try {
            request = new JsonObject(text);
        } catch (DecodeException e) {
            send(
                    ws,
                    new JsonObject()
                            .put("jsonrpc", "2.0")
                            .putNull("id")
                            .put("error", new JsonObject().put("code", -32700).put("message", "Parse error")));
            return;
        }
        synchronized (this) {
            if (acceptedBy != run) {
                return;
            }
            received.add(request);
            notifyAll();
        }
        if (silent) {
            return;
        }
        JsonObject reply = acceptedBy.respond(ws, request);
        if (reply != null) {
            send(ws, reply);
        }
    }

    private synchronized void send(ServerWebSocket ws, JsonObject message) {
        String text = message.encode();
        if (holding) {
            held.add(() -> ws.writeTextMessage(text));
        } else {
            ws.writeTextMessage(text);
        }
    }
}
