package kz.emtihan.exam.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import kz.emtihan.calendar.model.AcademicCalendar.Period;
import org.junit.jupiter.api.Test;

/** 5.36-5.38 as pure rules over the fixed calendar of {@link ScheduleRulesTest}. */
class RetakeTest {
    static Exam exam(String id, ExamKind kind, Instant opens) {
        return new Exam(
                id,
                "b",
                "t",
                kind,
                opens,
                opens.plus(Duration.ofDays(1)),
                50,
                30,
                new Exam.Proctoring(false, false, false),
                "teacher",
                Optional.empty());
    }

    static final Instant AUTUMN_WEEK_16 = ScheduleRulesTest.week(16);
    static final Exam FIRST = exam("e1", ExamKind.INTERMEDIATE_ATTESTATION, AUTUMN_WEEK_16);

    static List<String> check(Exam retaken, ExamKind kind, Instant opens, boolean sameDiscipline) {
        return Retake.check(ScheduleRulesTest.CALENDAR, retaken, FIRST, kind, opens, sameDiscipline).stream()
                .map(p -> p.text().key())
                .toList();
    }

    @Test
    void aRetakeOpensAfterTheExamItRetakesInItsPeriodTheNextOrTheSummer() {
        Instant after = FIRST.closesAt().plus(Duration.ofDays(2));
        assertEquals(List.of(), check(FIRST, ExamKind.INTERMEDIATE_ATTESTATION, after, true));
        assertEquals(List.of("retake.before"), check(FIRST, ExamKind.INTERMEDIATE_ATTESTATION, FIRST.opensAt(), true));
        Instant spring = ScheduleRulesTest.at(LocalDate.of(2027, 2, 10));
        Instant summer = ScheduleRulesTest.at(LocalDate.of(2027, 7, 1));
        Instant nextAutumn = ScheduleRulesTest.at(LocalDate.of(2027, 10, 1));
        assertEquals(List.of(), check(FIRST, ExamKind.INTERMEDIATE_ATTESTATION, spring, true));
        assertEquals(List.of(), check(FIRST, ExamKind.INTERMEDIATE_ATTESTATION, summer, true), "5.36: summer");
        assertEquals(List.of("retake.period"), check(FIRST, ExamKind.INTERMEDIATE_ATTESTATION, nextAutumn, true));
    }

    @Test
    void onlyAnAttestationOfTheSameDisciplineIsRetaken() {
        Instant after = FIRST.closesAt().plus(Duration.ofDays(2));
        assertEquals(List.of("retake.kind"), check(FIRST, ExamKind.MIDTERM, after, true));
        assertEquals(List.of("retake.discipline"), check(FIRST, ExamKind.INTERMEDIATE_ATTESTATION, after, false));
        assertTrue(
                Retake.check(ScheduleRulesTest.CALENDAR, FIRST, FIRST, ExamKind.INTERMEDIATE_ATTESTATION, after, false)
                        .stream()
                        .allMatch(p -> p.rule().equals("5.36")));
    }

    @Test
    void theSpringsRetakesAreInSpringOrSummerAndTheSummersInSummerOrAutumn() {
        Period spring =
                ScheduleRulesTest.CALENDAR.periodOn(LocalDate.of(2027, 3, 1)).orElseThrow();
        assertEquals(
                List.of("2026-2027/spring", "2026-2027/summer"),
                Retake.allowedPeriods(ScheduleRulesTest.CALENDAR, spring).stream()
                        .map(Period::key)
                        .toList());
        Period summer =
                ScheduleRulesTest.CALENDAR.periodOn(LocalDate.of(2027, 7, 1)).orElseThrow();
        assertEquals(
                List.of("2026-2027/summer", "2027-2028/autumn"),
                Retake.allowedPeriods(ScheduleRulesTest.CALENDAR, summer).stream()
                        .map(Period::key)
                        .toList());
    }

    @Test
    void theRuleLetsADebtOrAnAbsenceBeRetaken() {
        RetakeRule rule = new RetakeRule(Set.of("FX", "F"), true);
        assertTrue(rule.allows(Optional.of("FX")));
        assertTrue(rule.allows(Optional.of("F")));
        assertTrue(rule.allows(Optional.empty()));
        assertTrue(rule.allows(Optional.of("I")));
        assertFalse(rule.allows(Optional.of("D")));
        assertFalse(rule.allows(Optional.of("A")));
        assertFalse(new RetakeRule(Set.of("F"), false).allows(Optional.empty()));
        assertFalse(new RetakeRule(Set.of("F"), false).allows(Optional.of("FX")));
    }
}
