package kz.emtihan.calendar.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.MonthDay;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** 5.16, 5.20: the recurring periods of regulation.yaml's {@code calendar}, their weeks and academic years. */
class AcademicCalendarTest {
    private static final AcademicCalendar CALENDAR = new AcademicCalendar(
            ZoneId.of("Asia/Almaty"),
            List.of(
                    new AcademicCalendar.PeriodRule("autumn", MonthDay.of(9, 1), 15, MonthDay.of(1, 24), false),
                    new AcademicCalendar.PeriodRule("spring", MonthDay.of(1, 25), 15, MonthDay.of(6, 7), false),
                    new AcademicCalendar.PeriodRule("summer", MonthDay.of(6, 14), 6, MonthDay.of(8, 15), true)),
            Set.of());

    @Test
    void an_autumn_period_runs_over_new_year_in_one_academic_year() {
        var december = CALENDAR.periodOn(LocalDate.of(2026, 12, 6)).orElseThrow();
        var january = CALENDAR.periodOn(LocalDate.of(2027, 1, 24)).orElseThrow();
        assertEquals("2026-2027/autumn", december.key());
        assertEquals(december, january);
        assertEquals(LocalDate.of(2026, 9, 1), december.starts());
        assertEquals(LocalDate.of(2027, 1, 24), december.ends());
        assertEquals(
                "2026-2027/spring",
                CALENDAR.periodOn(LocalDate.of(2027, 1, 25)).orElseThrow().key());
    }

    @Test
    void weeks_count_from_the_first_day_of_the_period() {
        var autumn = CALENDAR.periodOn(LocalDate.of(2026, 9, 1)).orElseThrow();
        assertEquals(1, autumn.week(LocalDate.of(2026, 9, 7)));
        assertEquals(2, autumn.week(LocalDate.of(2026, 9, 8)));
        // 5.20.2: the first midterm in week 6, 6-12 October 2026
        assertEquals(6, autumn.week(LocalDate.of(2026, 10, 6)));
        assertEquals(LocalDate.of(2026, 10, 6), autumn.weekStarts(6));
        assertEquals(14, autumn.week(LocalDate.of(2026, 12, 6)));
        assertTrue(autumn.teaching(LocalDate.of(2026, 12, 14)));
        assertFalse(autumn.teaching(LocalDate.of(2026, 12, 15)), "week 16 is the session, not teaching");
        assertEquals(0, autumn.week(LocalDate.of(2026, 8, 31)));
    }

    @Test
    void a_gap_between_periods_is_a_vacation_and_still_has_an_academic_year() {
        assertTrue(CALENDAR.periodOn(LocalDate.of(2027, 6, 10)).isEmpty());
        assertTrue(CALENDAR.periodOn(LocalDate.of(2027, 8, 20)).isEmpty());
        assertEquals("2026-2027", CALENDAR.academicYearOf(LocalDate.of(2027, 8, 20)));
        assertEquals("2027-2028", CALENDAR.academicYearOf(LocalDate.of(2027, 9, 1)));
        var summer = CALENDAR.periodOn(LocalDate.of(2027, 7, 1)).orElseThrow();
        assertTrue(summer.rule().summer());
        assertEquals("2026-2027/summer", summer.key());
    }

    @Test
    void the_same_rules_hold_in_any_year() {
        assertEquals(
                "2031-2032/autumn",
                CALENDAR.periodOn(LocalDate.of(2032, 1, 10)).orElseThrow().key());
        // a leap day in the spring
        assertEquals(
                "2027-2028/spring",
                CALENDAR.periodOn(LocalDate.of(2028, 2, 29)).orElseThrow().key());
    }
}
