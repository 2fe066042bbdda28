package kz.emtihan.store;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisClientType;
import io.vertx.redis.client.RedisOptions;
import io.vertx.redis.client.RedisReplicas;
import io.vertx.redis.client.RedisRole;
import io.vertx.redis.client.Request;
import java.time.Instant;
import java.util.Optional;
import kz.emtihan.config.StoreTopology;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The pooled Redis client every adapter shares. A broken pooled connection is dropped and the next
 * request opens a fresh one, so the engine keeps working after Redis restarts; connections that need
 * their own socket (pub/sub) come from {@link #redis()}.connect().
 */
public final class RedisStore {
    private static final Logger log = LoggerFactory.getLogger(RedisStore.class);
    private final Redis redis;
    private final StoreHealth health = new StoreHealth(this::ping); // issue 14 (4)
    private final ReplicaWait wait;

    private RedisStore(Redis redis, ReplicaWait wait) {
        this.redis = redis;
        this.wait = wait;
    }

    /** Whether the store answers, as this node last saw it (issue 14, 4). */
    public StoreHealth health() {
        return health;
    }

    /** One standalone server, acknowledgements without WAIT. */
    public static RedisStore connect(Vertx vertx, String url, int poolSize) {
        return new RedisStore(Redis.createClient(vertx, pooled(poolSize).setConnectionString(url)), ReplicaWait.NONE);
    }

    /**
     * Issue 14 (2): the client of the configured topology through vertx-redis-client's own modes. Sentinel: the
     * sentinels are asked for the primary (role MASTER) of {@code masterName}; the answer is cached for a second, so
     * after a failover new connections reach the promoted replica by themselves. Cluster: the slot map comes from
     * the endpoints and follows MOVED. Reads and writes both go to primaries (RedisReplicas NEVER): a page reads
     * what it has just written.
     *
     * @param url the standalone server (the embedded one's, or {@code store.redisUrl}); empty for sentinel and cluster
     */
    public static RedisStore connect(Vertx vertx, StoreTopology topology, Optional<String> url, int poolSize) {
        RedisOptions options = pooled(poolSize);
        switch (topology.mode()) {
            case STANDALONE -> options.setConnectionString(url.orElseThrow());
            case SENTINEL ->
                options.setType(RedisClientType.SENTINEL)
                        .setEndpoints(topology.endpoints())
                        .setMasterName(topology.masterName())
                        .setRole(RedisRole.MASTER)
                        .setUseReplicas(RedisReplicas.NEVER);
            case CLUSTER -> {
                options.setType(RedisClientType.CLUSTER)
                        .setEndpoints(topology.endpoints())
                        .setUseReplicas(RedisReplicas.NEVER);
                log.warn("store mode cluster: only the per-attempt scripts (answer save, flags, observations) share"
                        + " one hash slot so far; accounts, exams and the sweeper still write across slots"
                        + " (docs/redis-ha.md, what is left). Use mode sentinel for an exam.");
            }
        }
        ReplicaWait wait = new ReplicaWait(topology.waitReplicas(), topology.waitTimeout());
        return new RedisStore(Redis.createClient(vertx, options), wait);
    }

    private static RedisOptions pooled(int poolSize) {
        return new RedisOptions()
                .setMaxPoolSize(poolSize)
                .setMaxPoolWaiting(100_000)
                .setMaxWaitingHandlers(100_000)
                .setPoolRecycleTimeout(15_000);
    }

    public Redis redis() {
        return redis;
    }

    /** What an acknowledged answer save, attempt start or submit waits for (issue 14, 2). */
    public ReplicaWait replicaWait() {
        return wait;
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
