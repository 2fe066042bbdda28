package kz.emtihan.sitting.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.MonthDay;
import java.time.ZoneId;
import kz.emtihan.grade.model.Grade;
import org.junit.jupiter.api.Test;

class IncompleteGradeTest {
    static final ZoneId ALMATY = ZoneId.of("Asia/Almaty");
    /** 6.15.2: a master's applicant must finish by 10 July (configuration). */
    static final MonthDay TENTH_OF_JULY = MonthDay.of(7, 10);

    static final Grade B_PLUS = new Grade(86, 100, 86.0, "B+", 3.33, "good");

    static Instant almaty(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(ALMATY).toInstant();
    }

    static IncompleteGrade postponedOn(String date) {
        return IncompleteGrade.forMastersApplicant("s-1", LocalDate.parse(date), TENTH_OF_JULY, ALMATY);
    }

    @Test
    void iTurnsIntoFWhenTenthOfJulyEndsWithoutAResult() { // 6.15.2
        IncompleteGrade g = postponedOn("2026-06-19");
        assertEquals(almaty("2026-07-11T00:00"), g.deadline());
        assertEquals(
                new IncompleteGrade.Standing(IncompleteGrade.Status.INCOMPLETE, "I"), g.at(almaty("2026-06-19T12:00")));
        assertEquals("I", g.at(almaty("2026-07-10T23:59:59")).letter(), "10 July is still allowed");
        assertEquals(
                new IncompleteGrade.Standing(IncompleteGrade.Status.FAILED, "F"), g.at(almaty("2026-07-11T00:00")));
        assertEquals("F", g.at(almaty("2027-01-01T00:00")).letter());
    }

    @Test
    void theDeadlineIsTheNextTenthOfJulyOnOrAfterThePostponement() { // 6.15.2
        assertEquals(almaty("2026-07-11T00:00"), postponedOn("2026-07-10").deadline(), "postponed on the day itself");
        assertEquals(almaty("2027-07-11T00:00"), postponedOn("2026-07-11").deadline(), "a day later: next year's");
        assertEquals(
                almaty("2026-07-10T00:00"),
                IncompleteGrade.forMastersApplicant("s-1", LocalDate.parse("2026-06-01"), MonthDay.of(7, 9), ALMATY)
                        .deadline(),
                "configured 07-09: the stricter reading 'before 10 July'");
    }

    @Test
    void aResultInTimeReplacesTheI() { // 6.15.2
        IncompleteGrade g = postponedOn("2026-06-19").graded(B_PLUS, almaty("2026-07-10T15:00"));
        assertEquals("I", g.at(almaty("2026-07-10T14:59")).letter(), "before the result is recorded");
        assertEquals(
                new IncompleteGrade.Standing(IncompleteGrade.Status.GRADED, "B+"), g.at(almaty("2026-07-10T15:00")));
        assertEquals("B+", g.at(almaty("2026-08-01T00:00")).letter(), "the deadline no longer matters");
    }

    @Test
    void aResultAtOrAfterTheDeadlineDoesNotCount() { // 6.15.2, as 5.35
        IncompleteGrade g = postponedOn("2026-06-19");
        assertThrows(IllegalStateException.class, () -> g.graded(B_PLUS, almaty("2026-07-11T00:00")));
        IncompleteGrade graded = g.graded(B_PLUS, almaty("2026-07-01T10:00"));
        assertThrows(IllegalStateException.class, () -> graded.graded(B_PLUS, almaty("2026-07-02T10:00")), "only once");
    }

    @Test
    void otherStudentsHoldIUntilTheEndOfTheAcademicPeriod() { // 6.15.2-6.15.3
        IncompleteGrade g = IncompleteGrade.throughDay("s-2", LocalDate.parse("2026-08-31"), ALMATY);
        assertEquals("I", g.at(almaty("2026-08-31T23:59:59")).letter());
        assertEquals("F", g.at(almaty("2026-09-01T00:00")).letter());
        Instant exact = Instant.parse("2026-08-01T00:00:00Z");
        assertEquals("F", IncompleteGrade.until("s-3", exact).at(exact).letter(), "the deadline instant is already F");
    }
}
