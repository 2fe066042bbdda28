package kz.emtihan.sitting.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.MonthDay;
import java.time.ZoneId;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PostponementDeadlineTest {
    static final ZoneId ALMATY = ZoneId.of("Asia/Almaty");
    /** 6.15.2: a master's applicant must finish by 10 July (configuration). */
    static final MonthDay TENTH_OF_JULY = MonthDay.of(7, 10);

    static LocalDate day(String iso) {
        return LocalDate.parse(iso);
    }

    static Instant almaty(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(ALMATY).toInstant();
    }

    @Test
    void fromTheDayOfTheDecisionThroughTenthOfJuly() { // 6.15.2-6.15.3
        PostponementDeadline range = PostponementDeadline.on(day("2026-06-19"), TENTH_OF_JULY);
        assertEquals(new PostponementDeadline(day("2026-06-19"), day("2026-07-10")), range);
        assertTrue(range.allows(day("2026-06-19")), "today is allowed");
        assertFalse(range.allows(day("2026-06-18")), "not before today");
        assertTrue(range.allows(day("2026-07-10")), "the configured day is allowed");
        assertFalse(range.allows(day("2026-07-11")), "the day after it is not");
    }

    @Test
    void decidedOnTheConfiguredDayOnlyThatDayIsLeft() { // 6.15.2
        PostponementDeadline range = PostponementDeadline.on(day("2026-07-10"), TENTH_OF_JULY);
        assertTrue(range.allows(day("2026-07-10")));
        assertFalse(range.allows(day("2026-07-11")));
        assertFalse(range.allows(day("2026-07-09")));
        assertEquals(
                day("2027-07-10"),
                PostponementDeadline.on(day("2026-07-11"), TENTH_OF_JULY).latest(),
                "decided the day after: through 10 July of the next year");
    }

    @Test
    void theRangeRunsAcrossTheYearEnd() { // 6.15.3: another day in the current period
        PostponementDeadline range = PostponementDeadline.on(day("2026-12-20"), TENTH_OF_JULY);
        assertEquals(day("2027-07-10"), range.latest());
        assertTrue(range.allows(day("2026-12-31")));
        assertTrue(range.allows(day("2027-01-01")));
        assertTrue(range.allows(day("2027-07-10")));
        assertFalse(range.allows(day("2027-07-11")));
        assertFalse(range.allows(day("2026-12-19")));
        assertEquals(
                almaty("2027-01-01T00:00"),
                range.grade("s-1", Optional.of(day("2026-12-31")), ALMATY).deadline(),
                "I through the end of 31 December in Almaty");
    }

    @Test
    void theChosenDayEndsTheGradeIAndNoneMeansTheConfiguredDay() { // 6.15.2-6.15.3
        PostponementDeadline range = PostponementDeadline.on(day("2026-06-19"), TENTH_OF_JULY);
        IncompleteGrade chosen = range.grade("s-1", Optional.of(day("2026-06-19")), ALMATY);
        assertEquals(almaty("2026-06-20T00:00"), chosen.deadline(), "today: I to its end");
        assertEquals("I", chosen.at(almaty("2026-06-19T23:59:59")).letter());
        assertEquals("F", chosen.at(almaty("2026-06-20T00:00")).letter());
        assertEquals(
                almaty("2026-07-11T00:00"),
                range.grade("s-1", Optional.empty(), ALMATY).deadline());
        assertEquals(
                IncompleteGrade.forMastersApplicant("s-1", day("2026-06-19"), TENTH_OF_JULY, ALMATY),
                range.grade("s-1", Optional.empty(), ALMATY),
                "the default is the master's applicant's deadline");
    }

    @Test
    void aDayOutsideTheRangeIsRefusedNamingIt() { // 6.15.2-6.15.3
        PostponementDeadline range = PostponementDeadline.on(day("2026-06-19"), TENTH_OF_JULY);
        for (String bad : new String[] {"2026-06-18", "2026-07-11"}) {
            var e = assertThrows(
                    IllegalArgumentException.class, () -> range.grade("s-1", Optional.of(day(bad)), ALMATY));
            assertTrue(e.getMessage().contains("from 2026-06-19 to 2026-07-10"), e.getMessage());
        }
        assertThrows(
                IllegalArgumentException.class, () -> new PostponementDeadline(day("2026-07-11"), day("2026-07-10")));
    }
}
