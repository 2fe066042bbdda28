package kz.emtihan.exam.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import kz.emtihan.calendar.model.AcademicCalendar;
import kz.emtihan.calendar.model.AcademicCalendar.Period;
import org.junit.jupiter.api.Test;

/** 5.16, 5.20.1-5.20.3 as pure rules over a fixed calendar: no test here depends on today. */
class ScheduleRulesTest {
    static final ZoneId ZONE = ZoneId.of("Asia/Almaty");
    static final AcademicCalendar CALENDAR = new AcademicCalendar(
            ZONE,
            List.of(
                    new AcademicCalendar.PeriodRule("autumn", MonthDay.of(9, 1), 15, MonthDay.of(12, 31), false),
                    new AcademicCalendar.PeriodRule("spring", MonthDay.of(1, 25), 15, MonthDay.of(6, 7), false),
                    new AcademicCalendar.PeriodRule("summer", MonthDay.of(6, 8), 6, MonthDay.of(8, 31), true)),
            Set.of());
    static final ScheduleLimits LIMITS = new ScheduleLimits(6, 1, List.of(6, 14), 1);
    static final Instant NOW = at(LocalDate.of(2026, 9, 1));

    static Instant at(LocalDate day) {
        return day.atTime(10, 0).atZone(ZONE).toInstant();
    }

    /** Week {@code n} of the autumn of 2026 (it starts on 2026-09-01), its Wednesday. */
    static Instant week(int n) {
        return at(LocalDate.of(2026, 9, 1).plusDays(7L * (n - 1) + 1));
    }

    static ScheduleRules.Placed place(ExamKind kind, Instant opens) {
        return ScheduleRules.place(CALENDAR, LIMITS, kind, opens, opens.plus(Duration.ofDays(1)), NOW);
    }

    static List<String> rules(List<ExamPlan.Problem> problems) {
        return problems.stream().map(ExamPlan.Problem::rule).toList();
    }

    @Test
    void aWindowBelongsToThePeriodAndWeekItOpensIn() {
        ScheduleRules.Placed p = place(ExamKind.INTERMEDIATE_ATTESTATION, week(6));
        assertEquals("2026-2027/autumn", p.period().orElseThrow().key());
        assertEquals(6, p.week());
        assertEquals(List.of(), p.problems());
    }

    @Test
    void aWindowOverBeforeNowIsRefusedButOneOpenedAnHourAgoIsNot() {
        Instant now = week(3);
        // 5.16: closesAt not after now
        assertEquals(
                List.of("5.16"),
                rules(ScheduleRules.place(
                                CALENDAR, LIMITS, ExamKind.INTERMEDIATE_ATTESTATION, now.minusSeconds(7200), now, now)
                        .problems()));
        assertEquals(
                List.of(),
                ScheduleRules.place(
                                CALENDAR,
                                LIMITS,
                                ExamKind.INTERMEDIATE_ATTESTATION,
                                now.minusSeconds(3600),
                                now.plusSeconds(3600),
                                now)
                        .problems());
    }

    @Test
    void nothingIsScheduledInAVacation() {
        // this calendar has a vacation from 1 to 24 January
        ScheduleRules.Placed p = place(ExamKind.INTERMEDIATE_ATTESTATION, at(LocalDate.of(2027, 1, 10)));
        assertEquals(List.of("5.16"), rules(p.problems()));
        assertTrue(p.period().isEmpty());
        ScheduleRules.Placed closing = ScheduleRules.place(
                CALENDAR,
                LIMITS,
                ExamKind.INTERMEDIATE_ATTESTATION,
                at(LocalDate.of(2026, 12, 30)),
                at(LocalDate.of(2027, 1, 3)),
                NOW);
        assertEquals(List.of("5.16"), rules(closing.problems()), "closing in the vacation");
    }

    @Test
    void currentControlOpensInATeachingWeek() {
        assertEquals(List.of(), place(ExamKind.CURRENT_CONTROL, week(15)).problems());
        // 5.20.1: week 16 is the session
        assertEquals(
                List.of("5.20.1"),
                rules(place(ExamKind.CURRENT_CONTROL, week(16)).problems()));
    }

    @Test
    void midtermsOpenInWeeksSixAndFourteenOnly() {
        assertEquals(List.of(), place(ExamKind.MIDTERM, week(6)).problems());
        assertEquals(List.of(), place(ExamKind.MIDTERM, week(14)).problems());
        for (int w : new int[] {1, 5, 7, 13, 15})
            assertEquals(
                    List.of("5.20.2"), rules(place(ExamKind.MIDTERM, week(w)).problems()), "week " + w);
    }

    @Test
    void currentControlAtMostSixAndOneAWeek() {
        Period autumn = place(ExamKind.CURRENT_CONTROL, week(1)).period().orElseThrow();
        List<ScheduleRules.Scheduled> five = List.of(
                new ScheduleRules.Scheduled("e1", 1),
                new ScheduleRules.Scheduled("e2", 2),
                new ScheduleRules.Scheduled("e3", 3),
                new ScheduleRules.Scheduled("e4", 4),
                new ScheduleRules.Scheduled("e5", 5));
        assertEquals(List.of(), ScheduleRules.count(LIMITS, ExamKind.CURRENT_CONTROL, autumn, 6, five));
        assertEquals(
                List.of("5.20.1"),
                rules(ScheduleRules.count(LIMITS, ExamKind.CURRENT_CONTROL, autumn, 5, five)),
                "a second one in week 5");
        List<ScheduleRules.Scheduled> six = new java.util.ArrayList<>(five);
        six.add(new ScheduleRules.Scheduled("e6", 6));
        assertEquals(
                List.of("5.20.1"),
                rules(ScheduleRules.count(LIMITS, ExamKind.CURRENT_CONTROL, autumn, 9, six)),
                "a seventh");
    }

    @Test
    void oneMidtermPerWeekAndOneAttestationPerPeriod() {
        Period autumn = place(ExamKind.MIDTERM, week(6)).period().orElseThrow();
        List<ScheduleRules.Scheduled> first = List.of(new ScheduleRules.Scheduled("m1", 6));
        assertEquals(List.of(), ScheduleRules.count(LIMITS, ExamKind.MIDTERM, autumn, 14, first));
        assertEquals(List.of("5.20.2"), rules(ScheduleRules.count(LIMITS, ExamKind.MIDTERM, autumn, 6, first)));
        assertEquals(List.of(), ScheduleRules.count(LIMITS, ExamKind.INTERMEDIATE_ATTESTATION, autumn, 16, List.of()));
        assertEquals(
                List.of("5.20.3"),
                rules(ScheduleRules.count(
                        LIMITS,
                        ExamKind.INTERMEDIATE_ATTESTATION,
                        autumn,
                        17,
                        List.of(new ScheduleRules.Scheduled("a1", 16)))));
    }

    @Test
    void aDisciplineIsItsNameProgrammeAndLanguageNormalised() {
        assertEquals(
                ScheduleRules.discipline("Algebra", "6B01501", "kk"),
                ScheduleRules.discipline("  ALGEBRA ", "6b01501", " KK"));
        assertEquals(
                ScheduleRules.discipline("Linear  algebra", "6B01501", "kk"),
                ScheduleRules.discipline("Linear algebra", "6B01501", "kk"));
        assertTrue(!ScheduleRules.discipline("Algebra", "6B01501", "kk")
                .equals(ScheduleRules.discipline("Algebra", "6B01502", "kk")));
        assertTrue(!ScheduleRules.discipline("Algebra", "6B01501", "kk")
                .equals(ScheduleRules.discipline("Algebra", "6B01501", "ru")));
    }
}
