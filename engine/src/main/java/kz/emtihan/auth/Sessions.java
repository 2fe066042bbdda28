package kz.emtihan.auth;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisConnection;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import kz.emtihan.auth.model.Standing;
import kz.emtihan.store.RedisStore;
import kz.emtihan.text.Language;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which signed tokens are still honoured (issue 10, 1), checked in memory on the hot path. Each user's {@link Standing}
 * (account present, disabled, credential version, tokens ended by logout) lives in Redis; every node keeps the
 * standings it has read and forgets one as soon as a change is announced on {@link AuthKeys#standingChannel()}, which
 * every writer publishes in the same transaction as the change. A node only trusts its copies while its own pub/sub
 * connection is subscribed: while it is down every check reads Redis, and on reconnecting the node forgets every
 * copy and re-checks every open socket (changes announced meanwhile were missed). A copy is also re-read after
 * {@link #MAX_AGE_MILLIS}, a bound on staleness should a change ever go unannounced.
 */
public final class Sessions {
    private static final Logger log = LoggerFactory.getLogger(Sessions.class);
    static final long MAX_AGE_MILLIS = 60_000;
    private static final int CACHE_LIMIT = 200_000;
    private static final Future<Optional<Session>> NONE = Future.succeededFuture(Optional.empty());

    private final Vertx vertx;
    private final Redis redis;
    private final RedisStore store;
    private final Tokens tokens;
    private final Clock clock;
    private final Map<String, Cached> standings = new ConcurrentHashMap<>();
    private final Map<String, Set<Runnable>> watchers = new ConcurrentHashMap<>();
    /** Raised on every forgetting: a read that began before one is not kept (it may predate the change). */
    private final AtomicLong generation = new AtomicLong();

    private volatile boolean subscribed;
    private volatile boolean closed;
    private volatile RedisConnection subscriber;
    private long backoffMillis = 100;

    private record Cached(Future<Standing> standing, long readAtMillis) {}

    public Sessions(Vertx vertx, RedisStore store, Tokens tokens, Clock clock) {
        this.vertx = vertx;
        this.store = store;
        this.redis = store.redis();
        this.tokens = tokens;
        this.clock = clock;
    }

    /** Subscribes to the announcements; the engine works (reading Redis on each check) until that succeeds. */
    public Future<Void> start() {
        return connect().otherwiseEmpty();
    }

    public void close() {
        closed = true;
        RedisConnection s = subscriber;
        if (s != null) s.close();
    }

    public Tokens tokens() {
        return tokens;
    }

    /**
     * The session a token stands for when it is ours, unexpired and not ended, with the user's saved language; fails
     * only when Redis cannot be read.
     */
    public Future<Optional<Session>> authenticate(String token) {
        Optional<Session> read = tokens.read(token);
        if (read.isEmpty()) return NONE;
        Session s = read.get();
        if (clock.millis() >= s.expiresAt().toEpochMilli()) return NONE;
        Standing known = trustedCopy(s.userId());
        if (known != null) return Future.succeededFuture(accepted(s, known)); // the hot path: no Redis, no chaining
        return standing(s.userId()).map(st -> accepted(s, st));
    }

    private static Optional<Session> accepted(Session s, Standing st) {
        return st.judge(s.version(), s.tokenId()) == Standing.Verdict.ACCEPTED
                ? Optional.of(s.speaking(st.language()))
                : Optional.empty();
    }

    /** This node's copy of the user's standing when it may be trusted, or null when there is none. */
    private Standing trustedCopy(String userId) {
        Cached c = standings.get(userId);
        if (c == null
                || !subscribed
                || clock.millis() - c.readAtMillis() >= MAX_AGE_MILLIS
                || !c.standing().succeeded()) return null;
        return c.standing().result();
    }

    /** Whether the session still holds now: unexpired, and its user's standing accepts it. In memory when cached. */
    public Future<Boolean> admits(Session s) {
        if (clock.millis() >= s.expiresAt().toEpochMilli()) return Future.succeededFuture(false);
        return standing(s.userId()).map(st -> st.judge(s.version(), s.tokenId()) == Standing.Verdict.ACCEPTED);
    }

    /** The user's standing: the node's copy when it may be trusted, else read (once, shared by concurrent checks). */
    Future<Standing> standing(String userId) {
        long now = clock.millis();
        Cached c = standings.get(userId);
        if (c != null
                && subscribed
                && now - c.readAtMillis() < MAX_AGE_MILLIS
                && !c.standing().failed()) return c.standing();
        long before = generation.get();
        Future<Standing> read = read(userId);
        if (subscribed) {
            if (standings.size() >= CACHE_LIMIT) standings.clear();
            Cached fresh = new Cached(read, now);
            standings.put(userId, fresh);
            if (generation.get() != before) standings.remove(userId, fresh);
            read.onFailure(err -> standings.remove(userId, fresh));
        }
        return read;
    }

    private Future<Standing> read(String userId) {
        long nowSeconds = clock.millis() / 1000;
        // the account and its revocations: one batch (on a Cluster, one per slot, sent together: issue 14, 2)
        return store.pipeline(List.of(
                        Request.cmd(Command.HMGET)
                                .arg(AuthKeys.user(userId))
                                .arg("name")
                                .arg("disabled")
                                .arg("tokenVersion")
                                .arg("language"),
                        Request.cmd(Command.ZRANGEBYSCORE)
                                .arg(AuthKeys.revokedTokens(userId))
                                .arg(nowSeconds)
                                .arg("+inf")))
                .map(r -> {
                    Response fields = r.get(0);
                    if (fields == null || fields.get(0) == null) return Standing.GONE;
                    Set<String> revoked = new HashSet<>();
                    if (r.get(1) != null) for (Response id : r.get(1)) revoked.add(id.toString());
                    Response version = fields.get(2);
                    return new Standing(
                            true,
                            fields.get(1) != null && "1".equals(fields.get(1).toString()),
                            version == null ? 0 : Long.parseLong(version.toString()),
                            revoked,
                            Language.parse(
                                    fields.get(3) == null ? null : fields.get(3).toString()));
                });
    }

    /** Logout: ends this one token on every node; remembered until the token would have expired anyway. */
    public Future<Void> end(Session s) {
        String key = AuthKeys.revokedTokens(s.userId());
        long nowSeconds = clock.millis() / 1000;
        return store.atomically(List.of(
                        Request.cmd(Command.ZADD)
                                .arg(key)
                                .arg(s.expiresAt().getEpochSecond())
                                .arg(s.tokenId()),
                        Request.cmd(Command.ZREMRANGEBYSCORE)
                                .arg(key)
                                .arg("-inf")
                                .arg(nowSeconds - 1),
                        Request.cmd(Command.EXPIRE)
                                .arg(key)
                                .arg(tokens.lifetime().toSeconds() + 60),
                        announce(s.userId())))
                .<Void>mapEmpty()
                .onSuccess(v -> forget(s.userId())); // this node at once, not when the announcement comes back
    }

    /** Logout everywhere: ends every token of the user issued so far, on every node. */
    public Future<Void> endAll(String userId) {
        return store.atomically(endAllRequests(userId)).<Void>mapEmpty().onSuccess(v -> forget(userId));
    }

    /** For a writer's own MULTI: raise the user's credential version (ending their tokens) and tell every node. */
    static List<Request> endAllRequests(String userId) {
        return List.of(
                Request.cmd(Command.HINCRBY)
                        .arg(AuthKeys.user(userId))
                        .arg("tokenVersion")
                        .arg(1),
                announce(userId));
    }

    /** For a writer's own MULTI: tell every node that the user's standing changed. */
    static Request announce(String userId) {
        return Request.cmd(Command.PUBLISH).arg(AuthKeys.standingChannel()).arg(userId);
    }

    /**
     * Calls {@code changed} whenever the user's standing may have changed (an announcement, or a reconnection after
     * which announcements may have been missed); the caller checks its session again. Returns the way to stop.
     */
    public Runnable watch(String userId, Runnable changed) {
        watchers.computeIfAbsent(userId, u -> ConcurrentHashMap.newKeySet()).add(changed);
        return () -> watchers.computeIfPresent(userId, (u, set) -> {
            set.remove(changed);
            return set.isEmpty() ? null : set;
        });
    }

    /**
     * This node forgets its copy of the user's standing now, not when its own announcement comes back: the next
     * request of the user who changed it (their language) reads the change.
     */
    void changed(String userId) {
        forget(userId);
    }

    private void forget(String userId) {
        generation.incrementAndGet();
        standings.remove(userId);
        Set<Runnable> those = watchers.get(userId);
        if (those != null) those.forEach(Sessions::quietly);
    }

    private void forgetAll() {
        generation.incrementAndGet();
        standings.clear();
        watchers.values().forEach(set -> set.forEach(Sessions::quietly));
    }

    private static void quietly(Runnable r) {
        try {
            r.run();
        } catch (RuntimeException e) {
            log.warn("a session watcher failed: {}", e.toString());
        }
    }

    private Future<Void> connect() {
        return redis.connect()
                .compose(conn -> {
                    subscriber = conn;
                    conn.handler(this::onPush);
                    conn.exceptionHandler(err -> log.warn("token-standing subscription failed: {}", err.getMessage()));
                    conn.endHandler(v -> lost(conn));
                    return conn.send(Request.cmd(Command.SUBSCRIBE).arg(AuthKeys.standingChannel()));
                })
                .<Void>map(r -> {
                    backoffMillis = 100;
                    subscribed = true;
                    forgetAll(); // whatever changed while unsubscribed was not heard
                    return null;
                })
                .onFailure(err -> lost(subscriber));
    }

    private synchronized void lost(RedisConnection conn) {
        if (conn != null && conn != subscriber) return; // an older connection's end
        subscribed = false;
        subscriber = null;
        forgetAll();
        if (conn != null) conn.close();
        if (closed) return;
        long wait = backoffMillis;
        backoffMillis = Math.min(backoffMillis * 2, 5_000);
        vertx.setTimer(wait, t -> {
            if (!closed) connect().onSuccess(v -> log.info("token-standing subscription restored"));
        });
    }

    private void onPush(Response r) {
        if (r == null || r.size() < 3 || !"message".equals(r.get(0).toString())) return;
        forget(r.get(2).toString());
    }
}
