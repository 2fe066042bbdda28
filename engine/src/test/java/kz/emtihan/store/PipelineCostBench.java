package kz.emtihan.store;

import io.vertx.core.Vertx;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Request;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import kz.emtihan.config.StoreTopology;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Issue 14 (2): what {@link RedisStore#pipeline} and {@link RedisStore#atomically} cost on a 3-primary Cluster (a
 * batch or MULTI per slot, sent together) beside one standalone server (one batch, as before). Not a test: run with
 * {@code ./mvnw -B -q -o -pl engine -am verify -Dtest=PipelineCostBench -Dbench.cluster=true
 * -Dsurefire.failIfNoSpecifiedTests=false -Dspotless.check.skip=true -Dexec.skip=true}; prints median and p95 of
 * {@link #RUNS} runs of each shape.
 */
@EnabledIfSystemProperty(named = "bench.cluster", matches = "true")
class PipelineCostBench {
    private static final int RUNS = 200;

    @Test
    void pipelinesAndTransactionsOnOneServerAndOnACluster() throws Exception {
        Vertx vertx = Vertx.vertx();
        try (RedisNodes nodes = RedisNodes.create()) {
            int single = nodes.server("appendonly no");
            RedisStore standalone = RedisStore.connect(vertx, "redis://:" + nodes.password + "@127.0.0.1:" + single, 8);
            int[] ports = new int[3];
            int[][] ranges = {{0, 5460}, {5461, 10922}, {10923, 16383}};
            for (int i = 0; i < 3; i++)
                ports[i] = nodes.server("cluster-enabled yes", "cluster-config-file nodes.conf", "appendonly no");
            for (int i = 0; i < 3; i++) {
                nodes.call(ports[i], "CLUSTER", "ADDSLOTSRANGE", "" + ranges[i][0], "" + ranges[i][1]);
                if (i > 0) nodes.call(ports[0], "CLUSTER", "MEET", "127.0.0.1", "" + ports[i]);
            }
            for (int p : ports)
                RedisNodes.await(
                        "cluster ok on " + p,
                        RedisNodes.quietly(
                                () -> ((String) nodes.call(p, "CLUSTER", "INFO")).contains("cluster_known_nodes:3")),
                        Duration.ofSeconds(30));
            RedisStore cluster = RedisStore.connect(
                    vertx,
                    new StoreTopology(
                            StoreTopology.Mode.CLUSTER,
                            List.of("redis://:" + nodes.password + "@127.0.0.1:" + ports[0]),
                            "unused",
                            0,
                            Duration.ofSeconds(1)),
                    Optional.empty(),
                    8);
            for (int size : new int[] {2, 50, 1000}) {
                List<Request> reads = new ArrayList<>();
                List<Request> writes = new ArrayList<>();
                for (int i = 0; i < size; i++) {
                    String user = "user:bench" + i;
                    reads.add(Request.cmd(Command.HMGET).arg(user).arg("name").arg("roles"));
                    writes.add(Request.cmd(Command.HSET).arg(user).arg("name").arg("n" + i));
                    writes.add(Request.cmd(Command.SADD).arg("users").arg("bench" + i));
                }
                for (RedisStore store : List.of(standalone, cluster)) {
                    String where = store.cluster() ? "cluster (3 primaries)" : "standalone";
                    report(
                            where + " pipeline of " + size + " HMGET",
                            time(() -> store.pipeline(reads).await(30, TimeUnit.SECONDS)));
                    report(
                            where + " atomically, " + size + " accounts (HSET + SADD users)",
                            time(() -> store.atomically(writes).await(30, TimeUnit.SECONDS)));
                }
            }
        } finally {
            vertx.close().await(10, TimeUnit.SECONDS);
        }
    }

    private interface Call {
        void run() throws Exception;
    }

    private static long[] time(Call call) throws Exception {
        for (int i = 0; i < 20; i++) call.run(); // warm up
        long[] micros = new long[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long t0 = System.nanoTime();
            call.run();
            micros[i] = (System.nanoTime() - t0) / 1000;
        }
        Arrays.sort(micros);
        return micros;
    }

    private static void report(String what, long[] sorted) {
        System.out.printf(
                "%-60s median %7.2f ms  p95 %7.2f ms%n",
                what, sorted[sorted.length / 2] / 1000.0, sorted[sorted.length * 95 / 100] / 1000.0);
    }
}
