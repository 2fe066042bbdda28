package kz.emtihan.store.model;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Issue 14 (3): a dead embedded Redis is started again, but not for ever when it keeps dying. */
class RestartPolicyTest {
    private static final Instant T0 = Instant.parse("2026-12-06T09:00:00Z");

    @Test
    void restartsUpToTheLimitWithinTheWindowThenGivesUp() {
        RestartPolicy policy = new RestartPolicy(3, Duration.ofMinutes(1));
        assertTrue(policy.died(T0));
        assertTrue(policy.died(T0.plusSeconds(10)));
        assertTrue(policy.died(T0.plusSeconds(20)));
        assertFalse(policy.died(T0.plusSeconds(30)), "a fourth death within a minute: give up");
    }

    @Test
    void deathsFarApartAreEachRestarted() {
        RestartPolicy policy = new RestartPolicy(2, Duration.ofMinutes(1));
        for (int i = 0; i < 10; i++) assertTrue(policy.died(T0.plus(Duration.ofMinutes(2L * i))));
        assertTrue(RestartPolicy.standard().died(T0), "the default restarts a first death");
    }
}
