package kz.emtihan.proctor.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The evidence-missing rule in Java, on the table evidence-gap.lua is also held to ({@link EvidenceGapCases}). */
class EvidenceGapRuleTest {
    private static final long NOW = 1_764_662_400_000L;

    @ParameterizedTest(name = "{0}")
    @MethodSource("kz.emtihan.proctor.model.EvidenceGapCases#all")
    void missingIsLongerThanTheLimitSinceLastSeen(EvidenceGapCases.Case c) { // issue 10, 4
        long seen = Math.max(NOW - c.watchedSeenAgo(), c.callerSeenAgo() < 0 ? 0 : NOW - c.callerSeenAgo());
        assertEquals(c.missing(), EvidenceRule.missing(NOW, seen, c.limitMillis()));
    }
}
