package kz.emtihan.exam.model;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Issue 14 (2): the index of exams with work to sweep costs the start no round trip and loses no exam. */
class SweepIndexRuleTest {
    @Test
    void aNodeAddsAnExamOnceAMinuteAtMost() {
        assertTrue(SweepIndexRule.mustAdd(null, 5_000), "never added by this node");
        assertFalse(SweepIndexRule.mustAdd(1_000L, 1_000 + 59_999));
        assertTrue(SweepIndexRule.mustAdd(1_000L, 1_000 + 60_000));
    }

    @Test
    void anExamLeavesOnlyLongAfterItsLastAdd() {
        assertFalse(SweepIndexRule.mayLeave(0, 600_000), "ten minutes exactly: stays");
        assertTrue(SweepIndexRule.mayLeave(0, 600_001));
        assertFalse(SweepIndexRule.mayLeave(500_000, 600_001));
    }

    @Test
    void aStartThatSkippedItsAddWasLongBeforeAnyPrune() {
        // the worst case: a node adds at t, skips the add for a start at t + 59.999 s; the earliest prune of the exam
        // looks at its sets more than eight minutes after that start, however far the two nodes' clocks are apart
        // within a minute
        long added = 1_000_000, start = added + SweepIndexRule.REMEMBER_MILLIS - 1, skew = 60_000;
        assertFalse(SweepIndexRule.mustAdd(added, start));
        long earliestPrune = added + SweepIndexRule.PRUNE_AFTER_MILLIS + 1 - skew;
        assertTrue(SweepIndexRule.mayLeave(added, earliestPrune + skew));
        assertTrue(earliestPrune - start > 8 * 60_000, "the start's attempt is in the exam's sets by then");
    }
}
