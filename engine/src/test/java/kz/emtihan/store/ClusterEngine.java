package kz.emtihan.store;

import java.util.Map;
import kz.emtihan.TestEngine;

/**
 * Issue 14 (2): a real Redis Cluster of three primaries (slots split by ADDSLOTSRANGE, joined by CLUSTER MEET, no
 * redis-cli) and an engine on it in mode cluster, for the tests of what runs on a Cluster. {@link #close} stops both,
 * whatever happened. Tests of other contexts take it from here and add their flows.
 */
public final class ClusterEngine implements AutoCloseable {
    private final RedisNodes nodes;
    private final int[] ports = new int[3];
    private TestEngine app;

    private ClusterEngine(RedisNodes nodes) {
        this.nodes = nodes;
    }

    /** Whether redis-server is installed (test.sh installs it); the tests are skipped without it. */
    public static boolean available() {
        return RedisNodes.binary().isPresent();
    }

    /** The Cluster, then the engine on it (its endpoints: one primary; the client learns the rest). */
    public static ClusterEngine start() {
        return start(Map.of());
    }

    /** The same, with more of the engine's environment ({@code EMTIHAN_*}) for the engine on it. */
    public static ClusterEngine start(Map<String, String> env) {
        ClusterEngine c = new ClusterEngine(RedisNodes.create());
        try {
            int[] ports = c.nodes.cluster();
            System.arraycopy(ports, 0, c.ports, 0, 3);
            Map<String, String> all = new java.util.HashMap<>(env);
            all.put("EMTIHAN_STORE_MODE", "cluster");
            all.put("EMTIHAN_STORE_ENDPOINTS", "redis://:" + c.nodes.password + "@127.0.0.1:" + c.ports[0]);
            c.app = TestEngine.start(all);
            return c;
        } catch (RuntimeException | Error e) {
            c.close();
            throw e;
        }
    }

    public TestEngine app() {
        return app;
    }

    /** The key's slot as a primary computes it ({@code CLUSTER KEYSLOT}). */
    public int slot(String key) {
        return Integer.parseInt(String.valueOf(nodes.call(ports[0], "CLUSTER", "KEYSLOT", key)));
    }

    /** Which of the three primaries (0, 1, 2) serves the key. */
    public int primary(String key) {
        int slot = slot(key);
        for (int i = 0; i < 3; i++) if (slot <= RedisNodes.CLUSTER_SLOTS[i][1]) return i;
        throw new IllegalStateException("slot " + slot);
    }

    /** How many keys the primary holds ({@code DBSIZE}), asked directly, not through the engine. */
    public long keysOn(int primary) {
        return Long.parseLong(String.valueOf(nodes.call(ports[primary], "DBSIZE")));
    }

    /** PUBLISH on one primary, directly (Redis Cluster forwards it to every node). */
    public void publishOn(int primary, String channel, String message) {
        nodes.call(ports[primary], "PUBLISH", channel, message);
    }

    @Override
    public void close() {
        try {
            if (app != null) app.close();
        } finally {
            nodes.close();
        }
    }
}
