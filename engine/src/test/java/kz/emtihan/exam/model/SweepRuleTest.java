package kz.emtihan.exam.model;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Issue 14 (9): the sweep drains everything due in one tick, and never spins on attempts it cannot close. */
class SweepRuleTest {
    @Test
    void aFullBatchThatClosedSomethingIsFollowedByAnother() {
        assertTrue(SweepRule.another(200, 200, 200));
        assertTrue(SweepRule.another(200, 200, 1), "even one closed means the list moved");
    }

    @Test
    void aShortBatchMeansNothingMoreIsDue() {
        assertFalse(SweepRule.another(199, 200, 199));
        assertFalse(SweepRule.another(0, 200, 0));
    }

    @Test
    void aFullBatchThatClosedNothingWaitsForTheNextTick() {
        // e.g. 200 entries whose attempt is missing: reading them again at once would return the same 200
        assertFalse(SweepRule.another(200, 200, 0));
    }
}
