package kz.emtihan.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Issue 14 (2): which Redis the engine talks to and how sure an acknowledgement is, from the {@code store} section of
 * {@code emtihan.yaml}. {@code standalone} is one server ({@code redisUrl}, or the embedded one when that is empty);
 * {@code sentinel} asks the sentinels in {@code endpoints} for the primary of {@code masterName} and follows a
 * failover; {@code cluster} spreads keys over the nodes found from {@code endpoints}. With {@code waitReplicas} above 0
 * an answer save, an attempt start and a submit are acknowledged only once {@code WAIT} confirms them on that many
 * replicas within {@code waitTimeout} (docs/redis-ha.md).
 */
public record StoreTopology(
        Mode mode, List<String> endpoints, String masterName, int waitReplicas, Duration waitTimeout) {

    /** How the engine finds its Redis. */
    public enum Mode {
        STANDALONE,
        SENTINEL,
        CLUSTER;

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public static final StoreTopology STANDALONE =
            new StoreTopology(Mode.STANDALONE, List.of(), "mymaster", 0, Duration.ofSeconds(1));

    public StoreTopology {
        endpoints = List.copyOf(endpoints);
    }

    /** Whether the embedded Redis is started: standalone without a URL. */
    public boolean embedded(Optional<String> redisUrl) {
        return mode == Mode.STANDALONE && redisUrl.isEmpty();
    }

    /** Reads the optional keys (absent: one standalone server, no WAIT) and checks them against each other. */
    static StoreTopology read(ConfigTree t, Optional<String> redisUrl) {
        Mode mode = Mode.STANDALONE;
        if (t.has("store.mode")) {
            String m = t.oneOf("store.mode", List.of("standalone", "sentinel", "cluster"));
            mode = Mode.valueOf(m.toUpperCase(Locale.ROOT));
        }
        List<String> endpoints = endpoints(t);
        String master = t.has("store.masterName") ? t.string("store.masterName").trim() : "mymaster";
        int wait = t.has("store.waitReplicas") ? t.integer("store.waitReplicas", 0, 16) : 0;
        Duration timeout = Duration.ofMillis(
                t.has("store.waitTimeoutMillis") ? t.integer("store.waitTimeoutMillis", 10, 60_000) : 1000);
        switch (mode) {
            case STANDALONE -> {
                if (!endpoints.isEmpty())
                    throw new ConfigException(
                            "store.endpoints",
                            "is for mode sentinel or cluster; one server is store.redisUrl (mode is standalone)");
                if (wait > 0 && redisUrl.isEmpty())
                    throw new ConfigException(
                            "store.waitReplicas",
                            "must be 0 with the embedded Redis, which has no replicas (set store.redisUrl or mode"
                                    + " sentinel)");
            }
            case SENTINEL, CLUSTER -> {
                String m = mode.code();
                if (redisUrl.isPresent())
                    throw new ConfigException(
                            "store.redisUrl", "must be empty with mode " + m + ": the servers are store.endpoints");
                if (endpoints.isEmpty())
                    throw new ConfigException(
                            "store.endpoints",
                            "must name at least one "
                                    + (mode == Mode.SENTINEL ? "sentinel" : "cluster node")
                                    + " with mode "
                                    + m
                                    + ", e.g. redis://10.0.0.5:26379,redis://10.0.0.6:26379");
                if (mode == Mode.SENTINEL && master.isEmpty())
                    throw new ConfigException("store.masterName", "must name the primary the sentinels monitor");
            }
        }
        return new StoreTopology(mode, endpoints, master, wait, timeout);
    }

    /** A YAML list or one comma-separated string (what an environment variable can hold). */
    private static List<String> endpoints(ConfigTree t) {
        if (!t.has("store.endpoints")) return List.of();
        JsonNode n = t.node("store.endpoints");
        List<String> raw = new ArrayList<>();
        if (n.isArray()) {
            for (int i = 0; i < n.size(); i++) raw.add(t.string("store.endpoints." + i));
        } else {
            for (String s : t.string("store.endpoints").split(",")) raw.add(s);
        }
        List<String> out = new ArrayList<>();
        for (String s : raw) {
            String e = s.trim();
            if (e.isEmpty()) continue;
            if (!e.startsWith("redis://") && !e.startsWith("rediss://"))
                throw new ConfigException(
                        "store.endpoints", "each must start with redis:// or rediss://, was '" + e + "'");
            out.add(e);
        }
        return out;
    }
}
