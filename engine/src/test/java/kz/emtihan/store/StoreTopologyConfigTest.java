package kz.emtihan.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kz.emtihan.TestEngine;
import kz.emtihan.config.ConfigException;
import kz.emtihan.config.ConfigLoader;
import kz.emtihan.config.EmtihanConfig;
import kz.emtihan.config.StoreTopology;
import org.junit.jupiter.api.Test;

/**
 * Issue 14 (2): the {@code store} section's topology keys, set the way an operator does (environment overrides of the
 * shipped emtihan.yaml): what is accepted, and a clear error naming the key for what is not.
 */
class StoreTopologyConfigTest {
    private static EmtihanConfig load(Map<String, String> env) {
        return ConfigLoader.load(Optional.of(TestEngine.configDir()), env);
    }

    private static ConfigException refused(Map<String, String> env) {
        return assertThrows(ConfigException.class, () -> load(env));
    }

    @Test
    void theDefaultIsOneEmbeddedServerWithoutWait() {
        StoreTopology t = load(Map.of()).store().topology();
        assertEquals(StoreTopology.Mode.STANDALONE, t.mode());
        assertTrue(t.embedded(Optional.empty()));
        assertEquals(0, t.waitReplicas());
    }

    @Test
    void aRedisUrlStaysAStandaloneServerAndMayWaitForItsReplicas() {
        EmtihanConfig c =
                load(Map.of("EMTIHAN_REDIS_URL", "redis://10.0.0.5:6379/0", "EMTIHAN_STORE_WAIT_REPLICAS", "1"));
        assertEquals(Optional.of("redis://10.0.0.5:6379/0"), c.store().redisUrl());
        assertEquals(StoreTopology.Mode.STANDALONE, c.store().topology().mode());
        assertEquals(1, c.store().topology().waitReplicas());
    }

    @Test
    void sentinelTakesItsEndpointsFromOneVariable() {
        StoreTopology t = load(Map.of(
                        "EMTIHAN_STORE_MODE", "sentinel",
                        "EMTIHAN_STORE_ENDPOINTS", "redis://:pw@10.0.0.5:26379, redis://:pw@10.0.0.6:26379",
                        "EMTIHAN_STORE_MASTER_NAME", "emtihan",
                        "EMTIHAN_STORE_WAIT_REPLICAS", "1",
                        "EMTIHAN_STORE_WAIT_TIMEOUT_MILLIS", "250"))
                .store()
                .topology();
        assertEquals(StoreTopology.Mode.SENTINEL, t.mode());
        assertEquals(List.of("redis://:pw@10.0.0.5:26379", "redis://:pw@10.0.0.6:26379"), t.endpoints());
        assertEquals("emtihan", t.masterName());
        assertEquals(Duration.ofMillis(250), t.waitTimeout());
        assertTrue(!t.embedded(Optional.empty()), "no embedded server is started for a sentinel setup");
    }

    @Test
    void badCombinationsAreRefusedNamingTheKey() {
        assertEquals(
                "store.mode",
                refused(Map.of("EMTIHAN_STORE_MODE", "replicated")).key());
        assertEquals(
                "store.endpoints",
                refused(Map.of("EMTIHAN_STORE_MODE", "sentinel")).key());
        assertEquals(
                "store.endpoints",
                refused(Map.of("EMTIHAN_STORE_MODE", "cluster")).key());
        assertEquals(
                "store.endpoints",
                refused(Map.of("EMTIHAN_STORE_ENDPOINTS", "redis://10.0.0.5:26379"))
                        .key(),
                "endpoints without a mode that uses them");
        assertEquals(
                "store.endpoints",
                refused(Map.of("EMTIHAN_STORE_MODE", "cluster", "EMTIHAN_STORE_ENDPOINTS", "10.0.0.5:7000"))
                        .key());
        Map<String, String> both = new HashMap<>(Map.of(
                "EMTIHAN_STORE_MODE", "sentinel",
                "EMTIHAN_STORE_ENDPOINTS", "redis://10.0.0.5:26379",
                "EMTIHAN_REDIS_URL", "redis://10.0.0.5:6379"));
        assertEquals("store.redisUrl", refused(both).key());
        assertEquals(
                "store.waitReplicas",
                refused(Map.of("EMTIHAN_STORE_WAIT_REPLICAS", "1")).key(),
                "the embedded server has no replica to wait for");
        assertEquals(
                "store.waitTimeoutMillis",
                refused(Map.of(
                                "EMTIHAN_REDIS_URL", "redis://10.0.0.5:6379",
                                "EMTIHAN_STORE_WAIT_REPLICAS", "1",
                                "EMTIHAN_STORE_WAIT_TIMEOUT_MILLIS", "0"))
                        .key());
        ConfigException master = refused(Map.of(
                "EMTIHAN_STORE_MODE", "sentinel",
                "EMTIHAN_STORE_ENDPOINTS", "redis://10.0.0.5:26379",
                "EMTIHAN_STORE_MASTER_NAME", ""));
        assertEquals("store.masterName", master.key());
    }
}
