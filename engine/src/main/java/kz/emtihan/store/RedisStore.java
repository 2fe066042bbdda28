package kz.emtihan.store;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisOptions;
import io.vertx.redis.client.Request;
import java.time.Instant;

/**
 * The pooled Redis client every adapter shares. A broken pooled connection is dropped and the next
 * request opens a fresh one, so the engine keeps working after Redis restarts; connections that need
 * their own socket (pub/sub) come from {@link #redis()}.connect().
 */
public final class RedisStore {
    private final Redis redis;
    private final StoreHealth health = new StoreHealth(this::ping); // issue 14 (4)

    private RedisStore(Redis redis) {
        this.redis = redis;
    }

    /** Whether the store answers, as this node last saw it (issue 14, 4). */
    public StoreHealth health() {
        return health;
    }

    public static RedisStore connect(Vertx vertx, String url, int poolSize) {
        RedisOptions options = new RedisOptions()
                .setConnectionString(url)
                .setMaxPoolSize(poolSize)
                .setMaxPoolWaiting(100_000)
                .setMaxWaitingHandlers(100_000)
                .setPoolRecycleTimeout(15_000);
        return new RedisStore(Redis.createClient(vertx, options));
    }

    public Redis redis() {
        return redis;
    }

    /** PING; fails when the store cannot be reached. */
    public Future<Void> ping() {
        return redis.send(Request.cmd(Command.PING)).mapEmpty();
    }

    /** The store's clock (Redis TIME): the one clock every engine node agrees on. */
    public Future<Instant> time() {
        return redis.send(Request.cmd(Command.TIME))
                .map(r -> Instant.ofEpochSecond(r.get(0).toLong(), r.get(1).toLong() * 1000));
    }

    public void close() {
        health.stop();
        redis.close();
    }
}
