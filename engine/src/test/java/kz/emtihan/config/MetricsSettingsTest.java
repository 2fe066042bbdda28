package kz.emtihan.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Optional;
import kz.emtihan.TestEngine;
import org.junit.jupiter.api.Test;

/** issue 14 (5): the metrics section; a bad value names its key. */
class MetricsSettingsTest {
    static MetricsSettings load(Map<String, String> env) {
        return ConfigLoader.load(Optional.of(TestEngine.configDir()), env).metrics();
    }

    @Test
    void onByDefaultAtSlashMetricsOnTheApiPortWithoutToken() {
        assertEquals(MetricsSettings.DEFAULT, load(Map.of()));
        assertEquals(
                MetricsSettings.DEFAULT,
                ConfigLoader.load(Optional.empty(), Map.of()).metrics());
        assertEquals(
                new MetricsSettings(false, "/internal/prom", 9400, Optional.of("0123456789abcdef")),
                load(Map.of(
                        "EMTIHAN_METRICS_ENABLED", "false",
                        "EMTIHAN_METRICS_PATH", "/internal/prom",
                        "EMTIHAN_METRICS_PORT", "9400",
                        "EMTIHAN_METRICS_TOKEN", "0123456789abcdef")));
    }

    @Test
    void badValuesNameTheirKey() {
        for (var bad : Map.of(
                        "EMTIHAN_METRICS_PATH", "metrics",
                        "EMTIHAN_METRICS_TOKEN", "short",
                        "EMTIHAN_METRICS_PORT", "70000",
                        "EMTIHAN_METRICS_ENABLED", "maybe")
                .entrySet()) {
            ConfigException e = assertThrows(ConfigException.class, () -> load(Map.of(bad.getKey(), bad.getValue())));
            assertTrue(e.getMessage().contains(ConfigLoaderKeys.key(bad.getKey())), e.getMessage());
        }
        ConfigException api = assertThrows(ConfigException.class, () -> load(Map.of("EMTIHAN_METRICS_PATH", "/api/m")));
        assertTrue(api.getMessage().contains("metrics.path"), api.getMessage());
    }

    /** EMTIHAN_METRICS_PATH -> metrics.path. */
    static final class ConfigLoaderKeys {
        static String key(String env) {
            String[] parts = env.substring("EMTIHAN_".length())
                    .toLowerCase(java.util.Locale.ROOT)
                    .split("_");
            return parts[0] + "." + parts[1];
        }
    }
}
