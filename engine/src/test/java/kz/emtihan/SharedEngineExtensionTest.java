package kz.emtihan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import kz.emtihan.SharedEngineExtension.Configuration;
import org.junit.jupiter.api.Test;

/** Which classes share an engine: the same overrides in any order, and demo or not. */
class SharedEngineExtensionTest {
    @SharedEngine
    static class Plain {}

    @SharedEngine(env = {"EMTIHAN_A=1", "EMTIHAN_B=x=y"})
    static class AThenB {}

    @SharedEngine(env = {"EMTIHAN_B=x=y", "EMTIHAN_A=1"})
    static class BThenA {}

    @SharedEngine(demo = true)
    static class Demo {}

    @SharedEngine(env = "EMTIHAN_A")
    static class NoValue {}

    @SharedEngine(env = {"EMTIHAN_A=1", "EMTIHAN_A=2"})
    static class Twice {}

    static Configuration of(Class<?> c) {
        return Configuration.of(c.getAnnotation(SharedEngine.class));
    }

    @Test
    void theSameOverridesInAnyOrderShareOneEngine() {
        assertEquals(of(AThenB.class), of(BThenA.class));
        assertEquals(
                Map.of("EMTIHAN_A", "1", "EMTIHAN_B", "x=y"), of(AThenB.class).env());
    }

    @Test
    void otherOverridesOrTheDemoGetAnEngineOfTheirOwn() {
        assertNotEquals(of(Plain.class), of(AThenB.class));
        assertNotEquals(of(Plain.class), of(Demo.class));
        assertEquals(new Configuration(Map.of(), false), of(Plain.class));
    }

    @Test
    void aPairWithoutValueOrAKeyTwiceIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> of(NoValue.class));
        assertThrows(IllegalArgumentException.class, () -> of(Twice.class));
    }
}
