package kz.emtihan.statement.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

/**
 * 5.35: valid 14 calendar days from issue, counted from the day after the issue in the calendar's zone; day 14 ends at
 * midnight.
 */
class ValidityTest {
    private static final ZoneId ALMATY = ZoneId.of("Asia/Almaty");

    private static Instant at(String local) {
        return ZonedDateTime.of(java.time.LocalDateTime.parse(local), ALMATY).toInstant();
    }

    @Test
    void dayFourteenEndsAtMidnightInTheCalendarsZone() {
        Validity v = Validity.issued(at("2026-12-01T15:30"), ALMATY);
        assertEquals(at("2026-12-01T15:30"), v.from());
        assertEquals(at("2026-12-16T00:00"), v.until());
        assertEquals(LocalDate.parse("2026-12-15"), v.lastDay(ALMATY));
        assertTrue(v.validAt(at("2026-12-15T23:59:59.999")), "the last millisecond of day 14");
        assertFalse(v.validAt(at("2026-12-16T00:00")), "midnight after day 14");
        assertFalse(v.validAt(at("2026-12-01T15:29:59")), "not before the issue");
    }

    @Test
    void theIssueDayCountsFromTheMomentOfIssueWhateverTheHour() {
        assertEquals(
                at("2026-12-16T00:00"),
                Validity.issued(at("2026-12-01T00:00"), ALMATY).until());
        assertEquals(
                at("2026-12-16T00:00"),
                Validity.issued(at("2026-12-01T23:59:59"), ALMATY).until());
        assertEquals(
                at("2026-12-17T00:00"),
                Validity.issued(at("2026-12-02T00:00"), ALMATY).until());
    }

    @Test
    void theDayIsTheCalendarsNotUtcs() {
        // 20:00 UTC on 1 December is already 2 December in Almaty (UTC+5)
        Validity v = Validity.issued(Instant.parse("2026-12-01T20:00:00Z"), ALMATY);
        assertEquals(at("2026-12-17T00:00"), v.until());
        assertEquals(Instant.parse("2026-12-16T19:00:00Z"), v.until());
    }

    @Test
    void acrossTheNewYearTheDaysAreCalendarDays() {
        assertEquals(
                at("2027-01-08T00:00"),
                Validity.issued(at("2026-12-24T09:00"), ALMATY).until());
    }
}
