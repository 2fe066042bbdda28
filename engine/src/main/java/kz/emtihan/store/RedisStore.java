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
import io.vertx.redis.client.Response;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
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
    private final boolean cluster;

    private RedisStore(Redis redis, ReplicaWait wait, boolean cluster) {
        this.redis = redis;
        this.wait = wait;
        this.cluster = cluster;
    }

    /** Whether the store is a Redis Cluster (issue 14, 2): batches and transactions then go per hash slot. */
    public boolean cluster() {
        return cluster;
    }

    /** Whether the store answers, as this node last saw it (issue 14, 4). */
    public StoreHealth health() {
        return health;
    }

    /** One standalone server, acknowledgements without WAIT. */
    public static RedisStore connect(Vertx vertx, String url, int poolSize) {
        return new RedisStore(
                Redis.createClient(vertx, pooled(poolSize).setConnectionString(url)), ReplicaWait.NONE, false);
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
            }
        }
        ReplicaWait wait = new ReplicaWait(topology.waitReplicas(), topology.waitTimeout());
        return new RedisStore(Redis.createClient(vertx, options), wait, topology.mode() == StoreTopology.Mode.CLUSTER);
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

    /**
     * Issue 14 (2): requests that need no atomicity together, replies in their order. Standalone and Sentinel: one
     * batch, one round trip, as before. Cluster: one batch per hash slot ({@link Slots#groups}), all sent at once on
     * one cluster connection (the client refuses a batch across nodes), so it is still about one round trip.
     */
    public Future<List<Response>> pipeline(List<Request> requests) {
        if (requests.isEmpty()) return Future.succeededFuture(List.of());
        if (!cluster) return redis.batch(requests);
        return perSlot(requests, false);
    }

    /**
     * Issue 14 (2): requests applied in MULTI/EXEC (give them without MULTI and EXEC), replies in their order.
     * Standalone and Sentinel: one transaction over all of them, as before. Cluster: one transaction per hash slot, all
     * sent at once: what must change together must share a slot (a hash tag, {@link Slots#beside}); each slot's part is
     * atomic, the parts are not atomic with each other.
     */
    public Future<List<Response>> atomically(List<Request> requests) {
        if (requests.isEmpty()) return Future.succeededFuture(List.of());
        if (!cluster) return redis.batch(transaction(requests)).map(RedisStore::execReplies);
        return perSlot(requests, true);
    }

    private Future<List<Response>> perSlot(List<Request> requests, boolean atomic) {
        List<List<Integer>> groups;
        try {
            groups = Slots.groups(requests);
        } catch (IllegalArgumentException oneCommandOverSlots) {
            return Future.failedFuture(oneCommandOverSlots);
        }
        return redis.connect().compose(conn -> {
            List<Future<List<Response>>> sent = new ArrayList<>();
            for (List<Integer> group : groups) {
                List<Request> part = new ArrayList<>();
                for (int i : group) part.add(requests.get(i));
                sent.add(atomic ? conn.batch(transaction(part)).map(RedisStore::execReplies) : conn.batch(part));
            }
            return Future.all(sent)
                    .<List<Response>>map(done -> {
                        Response[] out = new Response[requests.size()];
                        for (int g = 0; g < groups.size(); g++) {
                            List<Response> replies = sent.get(g).result();
                            for (int j = 0; j < replies.size(); j++)
                                out[groups.get(g).get(j)] = replies.get(j);
                        }
                        return Arrays.asList(out);
                    })
                    .eventually(conn::close);
        });
    }

    private static List<Request> transaction(List<Request> requests) {
        List<Request> tx = new ArrayList<>(requests.size() + 2);
        tx.add(Request.cmd(Command.MULTI));
        tx.addAll(requests);
        tx.add(Request.cmd(Command.EXEC));
        return tx;
    }

    /** The replies of the commands inside MULTI/EXEC: EXEC's array. */
    private static List<Response> execReplies(List<Response> replies) {
        Response exec = replies.get(replies.size() - 1);
        if (exec == null) throw new IllegalStateException("transaction aborted");
        List<Response> out = new ArrayList<>(exec.size());
        for (int i = 0; i < exec.size(); i++) out.add(exec.get(i));
        return out;
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
