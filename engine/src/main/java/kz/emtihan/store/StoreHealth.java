package kz.emtihan.store;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.ConnectionPoolTooBusyException;
import io.vertx.redis.client.impl.types.ErrorType;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import kz.emtihan.store.model.Outage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Issue 14 (4): whether this node's store answers. Fed by the failures of requests' Redis calls ({@link #blame}) and
 * by a PING every {@link #PING_EVERY} (which also notices the store coming back while requests are refused); the log
 * says once that the store is down and once that it is back, with how long it was away ({@link Outage}).
 */
public final class StoreHealth {
    public static final Duration PING_EVERY = Duration.ofSeconds(1);
    /** A PING that has not answered in this long counts as a failure (a store behind a dead network never says no). */
    static final Duration PING_TIMEOUT = Duration.ofSeconds(2);
    /**
     * PINGs in a row that must time out before a store that says nothing is called down: a refused or closed connection
     * is proof at once, a slow answer may be a starved processor or a burst (measured: a 2.3 s PING on a machine at load
     * 40), and calling that an outage would refuse every request.
     */
    static final int SLOW_PINGS = 3;
    /** Replies of a server that is there but cannot serve now (loading its file, a replica during a fail-over ...). */
    private static final Set<String> BUSY =
            Set.of("LOADING", "BUSY", "MASTERDOWN", "READONLY", "TRYAGAIN", "CLUSTERDOWN", "NOREPLICAS", "MISCONF");

    private static final Logger log = LoggerFactory.getLogger(StoreHealth.class);
    private final Outage outage = new Outage();
    private final Supplier<Future<Void>> ping;
    private final AtomicReference<Future<Boolean>> inflight = new AtomicReference<>();
    private final AtomicLong busyLogged = new AtomicLong();
    private final java.util.concurrent.atomic.AtomicInteger slowPings = new java.util.concurrent.atomic.AtomicInteger();
    private volatile Vertx vertx;
    private volatile boolean stopped; // the node is closing: a PING that fails now says nothing about the store
    private long timer = -1;

    StoreHealth(Supplier<Future<Void>> ping) {
        this.ping = ping;
    }

    /** Starts the periodic PING. */
    public void watch(Vertx vertx) {
        this.vertx = vertx;
        timer = vertx.setPeriodic(PING_EVERY.toMillis(), t -> check());
    }

    public void stop() {
        stopped = true;
        if (vertx != null && timer >= 0) vertx.cancelTimer(timer);
    }

    /** True unless the last word about the store is that it could not be reached. */
    public boolean up() {
        return !outage.down();
    }

    /** Pings now (or joins the PING already under way); completes with whether the store answered. */
    public Future<Boolean> check() {
        Future<Boolean> running = inflight.get();
        if (running != null) return running;
        io.vertx.core.Promise<Boolean> promise = io.vertx.core.Promise.promise();
        if (!inflight.compareAndSet(null, promise.future())) {
            Future<Boolean> other = inflight.get();
            return other != null ? other : Future.succeededFuture(up());
        }
        Future<Void> answer;
        try {
            answer = ping.get();
        } catch (RuntimeException e) {
            answer = Future.failedFuture(e);
        }
        if (vertx != null) answer = answer.timeout(PING_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        answer.onComplete(r -> {
            if (r.succeeded()) {
                slowPings.set(0);
                reachable();
            } else if (!timedOut(r.cause()) || slowPings.incrementAndGet() >= SLOW_PINGS) {
                unreachable(r.cause());
            }
            inflight.set(null);
            promise.complete(r.succeeded());
        });
        return promise.future();
    }

    /**
     * A request failed: is it the store's fault? An answer that the store cannot serve now (loading, a replica in a
     * fail-over) is; a lost or refused connection is when a PING now fails too (the failure may be another server's,
     * Kurento's say); anything is while the store is known to be down. Completes with the verdict, never fails.
     */
    public Future<Boolean> blame(Throwable failure) {
        if (busyStore(failure)) {
            long now = System.currentTimeMillis();
            long last = busyLogged.get();
            if (now - last > 10_000 && busyLogged.compareAndSet(last, now))
                log.warn("the store cannot serve now: {} (said at most every 10 s)", describe(failure));
            return Future.succeededFuture(true);
        }
        if (!up()) return Future.succeededFuture(true);
        if (connectionLost(failure)) return check().map(answered -> !answered);
        return Future.succeededFuture(false);
    }

    private void reachable() {
        outage.reachable(Instant.now())
                .ifPresent(change ->
                        log.warn("the store is back after {}", Outage.describe(((Outage.CameBack) change).away())));
    }

    private void unreachable(Throwable why) {
        if (stopped) return;
        outage.unreachable(Instant.now())
                .ifPresent(change -> log.error(
                        "the store is down ({}); requests are answered 503 store-unavailable until it is back",
                        describe(why)));
    }

    private static boolean timedOut(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof java.util.concurrent.TimeoutException
                    || c.getClass().getSimpleName().contains("Timeout")) return true;
        }
        return false;
    }

    private static String describe(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) root = root.getCause();
        String message = root.getMessage();
        return root.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }

    /** A connection could not be made or was lost (Vert.x Redis: RedisConnectException, closed channels, a full pool). */
    public static boolean connectionLost(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof java.net.ConnectException // the Redis client's RedisConnectException is one
                    || t instanceof java.net.SocketException
                    || t instanceof java.nio.channels.ClosedChannelException
                    || t instanceof ConnectionPoolTooBusyException
                    // the client fails the requests pending on a connection that closed with this reply
                    || t instanceof ErrorType e
                            && e.getMessage() != null
                            && e.getMessage().startsWith("CONNECTION_CLOSED")
                    || t instanceof io.vertx.core.VertxException v && closedConnection(v.getMessage())) return true;
        }
        return false;
    }

    /** The store answered that it cannot serve now (it is loading, a replica, in a fail-over). */
    public static boolean busyStore(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ErrorType e && e.getMessage() != null) {
                String kind = e.getMessage().split(" ", 2)[0];
                if (BUSY.contains(kind)) return true;
            }
        }
        return false;
    }

    private static boolean closedConnection(String message) {
        if (message == null) return false;
        String m = message.toLowerCase(java.util.Locale.ROOT);
        return m.contains("connection") && (m.contains("closed") || m.contains("reset") || m.contains("refused"));
    }
}
