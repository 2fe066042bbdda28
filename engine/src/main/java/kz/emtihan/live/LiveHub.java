package kz.emtihan.live;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.JsonObject;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.RedisConnection;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import kz.emtihan.store.RedisStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This node's end of the live events (DESIGN.md "Live events"). Events are published to Redis channels
 * ({@code live:exam:<id>}, {@code live:attempt:<id>}) by the Lua scripts that make the changes, so every
 * node sees every change wherever it happened. The hub keeps one pub/sub connection of its own (a pooled
 * connection cannot subscribe), subscribes to a channel while a local WebSocket follows it, relays each
 * message to those sockets, and reconnects with back-off (resubscribing) when Redis goes away.
 */
public final class LiveHub {
    private static final Logger log = LoggerFactory.getLogger(LiveHub.class);
    private final Vertx vertx;
    private final RedisStore store;
    private final Map<String, Set<ServerWebSocket>> followers = new ConcurrentHashMap<>();
    private volatile RedisConnection subscriber;
    private volatile boolean closed;
    private long backoffMillis = 100;
    private volatile long clockOffsetMillis;
    private long clockTimer = -1;

    public LiveHub(Vertx vertx, RedisStore store) {
        this.vertx = vertx;
        this.store = store;
    }

    public Future<Void> start() {
        clockTimer = vertx.setPeriodic(0, 5_000, t -> syncClock());
        return connect();
    }

    /** The store's clock as of the last sync (every 5 s), without a round trip: what {@code time} messages carry. */
    public java.time.Instant serverNow() {
        return java.time.Instant.ofEpochMilli(System.currentTimeMillis() + clockOffsetMillis);
    }

    private void syncClock() {
        long before = System.currentTimeMillis();
        store.time().onSuccess(t -> {
            long local = (before + System.currentTimeMillis()) / 2;
            clockOffsetMillis = t.toEpochMilli() - local;
        });
    }

    private Future<Void> connect() {
        return store.redis()
                .connect()
                .compose(conn -> {
                    conn.handler(this::onPush);
                    conn.exceptionHandler(err -> log.warn("live-event subscription failed: {}", err.getMessage()));
                    conn.endHandler(v -> reconnectLater());
                    subscriber = conn;
                    backoffMillis = 100;
                    Future<Void> all = Future.succeededFuture();
                    for (String channel : followers.keySet()) all = all.compose(x -> subscribe(channel));
                    return all;
                })
                .onFailure(err -> reconnectLater());
    }

    private void reconnectLater() {
        subscriber = null;
        if (closed) return;
        long wait = backoffMillis;
        backoffMillis = Math.min(backoffMillis * 2, 5_000);
        vertx.setTimer(wait, t -> connect().onSuccess(v -> log.info("live-event subscription restored")));
    }

    private void onPush(Response r) {
        if (r == null || r.size() < 3 || !"message".equals(r.get(0).toString())) return;
        String channel = r.get(1).toString();
        String payload = r.get(2).toString();
        Set<ServerWebSocket> sockets = followers.get(channel);
        if (sockets == null) return;
        for (ServerWebSocket ws : sockets) {
            if (!ws.isClosed()) ws.writeTextMessage(payload);
        }
    }

    /** The socket receives every message of the channel until it closes or leaves. */
    public Future<Void> follow(String channel, ServerWebSocket ws) {
        boolean[] first = {false};
        followers
                .computeIfAbsent(channel, c -> {
                    first[0] = true;
                    return ConcurrentHashMap.newKeySet();
                })
                .add(ws);
        return first[0] ? subscribe(channel) : Future.succeededFuture();
    }

    /** The socket follows nothing any more (it closed). */
    public void leave(ServerWebSocket ws) {
        followers.keySet().forEach(channel -> unfollow(channel, ws));
    }

    /** The socket stops following one channel; the node unsubscribes once no local socket follows it. */
    public void unfollow(String channel, ServerWebSocket ws) {
        Set<ServerWebSocket> sockets = followers.get(channel);
        if (sockets != null && sockets.remove(ws) && sockets.isEmpty()) {
            followers.remove(channel, sockets);
            RedisConnection s = subscriber;
            if (s != null && !followers.containsKey(channel))
                s.send(Request.cmd(Command.UNSUBSCRIBE).arg(channel));
        }
    }

    io.vertx.redis.client.Redis redis() {
        return store.redis();
    }

    private Future<Void> subscribe(String channel) {
        RedisConnection s = subscriber;
        if (s == null) return Future.succeededFuture(); // resubscribed on reconnect
        return s.send(Request.cmd(Command.SUBSCRIBE).arg(channel)).mapEmpty();
    }

    /** Publishes an event for every node (used for events no Lua script makes, such as presence). */
    public Future<Void> publish(String channel, JsonObject event) {
        return store.redis()
                .send(Request.cmd(Command.PUBLISH).arg(channel).arg(event.encode()))
                .mapEmpty();
    }

    /** One socket's own channel: signalling meant for exactly that page (a proctor's live view). */
    public static String peerChannel(String peerId) {
        return Topic.PEER.channel(peerId);
    }

    public void close() {
        closed = true;
        vertx.cancelTimer(clockTimer);
        RedisConnection s = subscriber;
        if (s != null) s.close();
    }
}
