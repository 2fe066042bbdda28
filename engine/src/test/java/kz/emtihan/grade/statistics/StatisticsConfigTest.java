package kz.emtihan.grade.statistics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.util.Map;
import java.util.Optional;
import kz.emtihan.TestEngine;
import kz.emtihan.config.ConfigException;
import kz.emtihan.config.ConfigLoader;
import kz.emtihan.grade.statistics.model.Reclassification;
import org.junit.jupiter.api.Test;

/** regulation.yaml {@code statistics} (issue 12, 6): as shipped, overridden, and a bad value named by its key. */
class StatisticsConfigTest {
    static String shipped() throws Exception {
        return Files.readString(TestEngine.configDir().resolve("regulation.yaml"));
    }

    @Test
    void theShippedThresholds() {
        assertEquals(
                new Reclassification(70, 30, 20),
                ConfigLoader.load(Optional.of(TestEngine.configDir()), Map.of())
                        .regulation()
                        .statistics());
    }

    @Test
    void anEnvironmentVariableOverridesOne() {
        assertEquals(
                2,
                ConfigLoader.load(Optional.of(TestEngine.configDir()), Map.of("EMTIHAN_STATISTICS_MIN_ATTEMPTS", "2"))
                        .regulation()
                        .statistics()
                        .minAttempts());
    }

    @Test
    void aHardThresholdAtOrAboveTheEasyOneIsRefusedByName() throws Exception {
        String yaml = shipped().replace("hardMaxFacility: 30", "hardMaxFacility: 70");
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.regulation(yaml));
        assertEquals("statistics.hardMaxFacility", e.key());
        String one = shipped().replace("minAttempts: 20", "minAttempts: 1");
        assertEquals(
                "statistics.minAttempts",
                assertThrows(ConfigException.class, () -> ConfigLoader.regulation(one))
                        .key());
    }
}
