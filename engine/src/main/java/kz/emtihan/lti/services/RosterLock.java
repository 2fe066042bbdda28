package kz.emtihan.lti.services;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.function.Supplier;
import kz.emtihan.refusal.Refusal;

/**
 * Issue 16 (1, 4): one change of an exam's roster from the LMS at a time, across nodes. A sync and a launch both read
 * the roster, then replace it with what they add (the exam context's roster code replaces the whole list, with the
 * ratings carried over); two at once would each write the roster they read, and one addition would be lost. Each
 * holds this lock (a Redis key with a random owner token, {@code SET NX PX}) from the read to the write; a waiter
 * polls it with a growing pause up to {@link #WAIT_MS}, then is told {@code roster-busy}. The lock expires by
 * itself ({@link #HOLD_MS}) if its node dies; it is released only by its owner (compare and delete in Lua).
 */
final class RosterLock {
    static final long HOLD_MS = 30_000;
    static final long WAIT_MS = 10_000;
    private static final String RELEASE =
            "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) end return 0";
    private static final SecureRandom RANDOM = new SecureRandom();
    private final Vertx vertx;
    private final Redis redis;

    RosterLock(Vertx vertx, Redis redis) {
        this.vertx = vertx;
        this.redis = redis;
    }

    /** Runs {@code work} holding the exam's roster lock; released when it ends, whatever its outcome. */
    <T> Future<T> holding(String examId, Supplier<Future<T>> work) {
        byte[] b = new byte[12];
        RANDOM.nextBytes(b);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(b);
        long deadline = System.currentTimeMillis() + WAIT_MS;
        return acquire(ServiceKeys.rosterLock(examId), token, deadline, 5)
                .compose(v -> work.get()
                        .eventually(() -> redis.send(Request.cmd(Command.EVAL)
                                        .arg(RELEASE)
                                        .arg(1)
                                        .arg(ServiceKeys.rosterLock(examId))
                                        .arg(token))
                                .otherwiseEmpty()));
    }

    private Future<Void> acquire(String key, String token, long deadline, long pauseMs) {
        return redis.send(Request.cmd(Command.SET)
                        .arg(key)
                        .arg(token)
                        .arg("NX")
                        .arg("PX")
                        .arg(HOLD_MS))
                .compose(ok -> {
                    if (ok != null) return Future.succeededFuture();
                    if (System.currentTimeMillis() + pauseMs > deadline)
                        return Future.failedFuture(Refusal.of(LtiServicesRefusal.ROSTER_BUSY));
                    Promise<Void> later = Promise.promise();
                    vertx.setTimer(pauseMs, id -> later.complete());
                    return later.future().compose(v -> acquire(key, token, deadline, Math.min(pauseMs * 2, 200)));
                });
    }
}
