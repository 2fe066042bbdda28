package kz.emtihan.store;

import io.vertx.core.Future;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import kz.emtihan.refusal.CommonRefusal;
import kz.emtihan.refusal.Refusal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One atomic write path as a Lua script from the classpath. Runs by EVALSHA and falls back to EVAL
 * (which also caches it) when the server does not know the script yet, e.g. after a Redis restart.
 */
public final class LuaScript {
    private static final Logger log = LoggerFactory.getLogger(LuaScript.class);
    /** When a WAIT shortfall was last logged: once a minute at most, not once per refused request. */
    private static final AtomicLong shortfallLogged = new AtomicLong();

    private final String name;
    private final String source;
    private final String sha;

    private LuaScript(String name, String source) {
        this.name = name;
        this.source = source;
        this.sha = sha1(source);
    }

    public static LuaScript load(String resource) {
        try (InputStream in = LuaScript.class.getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException("missing Lua script " + resource);
            return new LuaScript(resource, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Future<Response> run(Redis redis, List<String> keys, List<String> args) {
        return redis.send(request(Command.EVALSHA, sha, keys, args)).recover(err -> {
            if (err.getMessage() != null && err.getMessage().startsWith("NOSCRIPT")) {
                return redis.send(request(Command.EVAL, source, keys, args));
            }
            return Future.failedFuture(
                    new IllegalStateException("script " + name + " failed: " + err.getMessage(), err));
        });
    }

    /**
     * Issue 14 (2): runs the script and, when {@code wait} asks for replicas, {@code WAIT n timeout} in one batch on one
     * connection (WAIT counts the replicas that have this connection's last write, so it must follow the script on the
     * same socket; one round trip, not two). Fewer replicas than asked within the timeout: the write is not
     * acknowledged, the call fails with 503 {@code store-unavailable} and the caller's page retries (every script run
     * this way is idempotent, and its no-change replies rewrite a field so that WAIT covers what they report).
     */
    public Future<Response> run(Redis redis, ReplicaWait wait, List<String> keys, List<String> args) {
        if (!wait.waits()) return run(redis, keys, args);
        Request waitFor = Request.cmd(Command.WAIT)
                .arg(wait.replicas())
                .arg(wait.timeout().toMillis());
        return redis.batch(List.of(request(Command.EVALSHA, sha, keys, args), waitFor))
                .recover(err -> {
                    if (err.getMessage() != null && err.getMessage().contains("NOSCRIPT")) {
                        return redis.batch(List.of(request(Command.EVAL, source, keys, args), waitFor));
                    }
                    return Future.failedFuture(
                            new IllegalStateException("script " + name + " failed: " + err.getMessage(), err));
                })
                .compose(replies -> {
                    long confirmed = replies.get(1).toLong();
                    if (confirmed < wait.replicas()) {
                        long now = System.currentTimeMillis();
                        long last = shortfallLogged.get();
                        if (now - last > 60_000 && shortfallLogged.compareAndSet(last, now))
                            log.warn(
                                    "{} replica(s) of {} confirmed a write within {} ms: answering 503 until they"
                                            + " do (store.waitReplicas; logged once a minute)",
                                    confirmed,
                                    wait.replicas(),
                                    wait.timeout().toMillis());
                        return Future.failedFuture(Refusal.of(CommonRefusal.STORE_UNAVAILABLE));
                    }
                    return Future.succeededFuture(replies.get(0));
                });
    }

    private static Request request(Command cmd, String scriptOrSha, List<String> keys, List<String> args) {
        Request r = Request.cmd(cmd).arg(scriptOrSha).arg(keys.size());
        keys.forEach(r::arg);
        args.forEach(r::arg);
        return r;
    }

    private static String sha1(String s) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-1").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
