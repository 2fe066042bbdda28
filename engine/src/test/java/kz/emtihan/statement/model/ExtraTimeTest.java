package kz.emtihan.statement.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Extra time lengthens the student's clock, never the window. */
class ExtraTimeTest {
    private static final Instant START = Instant.parse("2026-12-01T09:00:00Z");

    @Test
    void addedToTheDuration() {
        assertEquals(
                START.plus(Duration.ofMinutes(65)),
                ExtraTime.deadline(START, Duration.ofMinutes(50), 15, START.plus(Duration.ofHours(3))));
    }

    @Test
    void cutAtTheWindowsEnd() {
        Instant closes = START.plus(Duration.ofMinutes(55));
        assertEquals(closes, ExtraTime.deadline(START, Duration.ofMinutes(50), 15, closes));
    }

    @Test
    void wholeMinutesWithinTheLimit() {
        assertEquals(Optional.of(0), ExtraTime.minutes(0));
        assertEquals(Optional.of(180), ExtraTime.minutes(180));
        assertEquals(Optional.empty(), ExtraTime.minutes(181));
        assertEquals(Optional.empty(), ExtraTime.minutes(-1));
        assertEquals(Optional.empty(), ExtraTime.minutes(1.5));
        assertEquals(Optional.empty(), ExtraTime.minutes("15"));
        assertEquals(Optional.of(20), ExtraTime.minutes(20.0));
    }
}
