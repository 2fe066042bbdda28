package kz.emtihan.store.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Issue 14 (4): an outage is reported once when it starts and once when it ends, with its length. */
class OutageTest {
    private static final Instant T0 = Instant.parse("2026-12-06T09:00:00Z");

    @Test
    void manyFailuresAreOneOutageAndTheReturnSaysHowLongItLasted() {
        Outage outage = new Outage();
        assertEquals(Optional.empty(), outage.reachable(T0), "up and staying up: nothing to say");
        assertEquals(Optional.of(new Outage.WentDown(T0)), outage.unreachable(T0));
        assertTrue(outage.down());
        for (int i = 1; i < 100; i++) assertEquals(Optional.empty(), outage.unreachable(T0.plusMillis(i)));
        assertEquals(
                Optional.of(new Outage.CameBack(T0.plusMillis(2400), Duration.ofMillis(2400))),
                outage.reachable(T0.plusMillis(2400)));
        assertFalse(outage.down());
        assertEquals(Optional.empty(), outage.reachable(T0.plusSeconds(3)));
        assertEquals(Optional.of(new Outage.WentDown(T0.plusSeconds(4))), outage.unreachable(T0.plusSeconds(4)));
    }

    @Test
    void durationsReadPlainly() {
        assertEquals("2.4 s", Outage.describe(Duration.ofMillis(2400)));
        assertEquals("3 min 5 s", Outage.describe(Duration.ofSeconds(185)));
        assertEquals("2 h 1 min", Outage.describe(Duration.ofMinutes(121)));
    }
}
