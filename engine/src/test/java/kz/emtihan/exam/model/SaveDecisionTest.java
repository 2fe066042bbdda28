package kz.emtihan.exam.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The save rule in Java, on the case table save-answer.lua is also held to ({@link SaveDecisionCases}). */
class SaveDecisionTest {
    private static final long NOW = 1_764_662_400_000L;

    @ParameterizedTest(name = "{0}")
    @MethodSource("kz.emtihan.exam.model.SaveDecisionCases#all")
    void decides(SaveDecisionCases.Case c) { // 5.20.3
        assertEquals(
                c.expected(),
                SaveDecision.of(
                        c.storedSeq(),
                        c.incomingSeq(),
                        c.inProgress(),
                        NOW,
                        NOW + c.deadlineFromNow(),
                        c.graceMillis()));
    }
}
