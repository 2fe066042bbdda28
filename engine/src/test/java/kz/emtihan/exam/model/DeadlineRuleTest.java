package kz.emtihan.exam.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The deadline rule in Java, on the case table start-attempt.lua and release-hold.lua are held to ({@link DeadlineCases}). */
class DeadlineRuleTest {
    private static final Instant SERVED = Instant.parse("2026-12-01T09:00:00Z");

    @ParameterizedTest(name = "{0}")
    @MethodSource("kz.emtihan.exam.model.DeadlineCases#all")
    void endsAtTheEarlierBound(DeadlineCases.Case c) { // 5.20.3, 5.17.2
        Instant closes = SERVED.plusMillis(c.closesAfterServed());
        Instant deadline = c.held()
                ? Deadline.whileHeld(closes)
                : Deadline.of(SERVED, Duration.ofMillis(c.durationMillis()), closes);
        Instant expected =
                c.expected() == DeadlineCases.Bound.DURATION ? SERVED.plusMillis(c.durationMillis()) : closes;
        assertEquals(expected, deadline);
    }
}
