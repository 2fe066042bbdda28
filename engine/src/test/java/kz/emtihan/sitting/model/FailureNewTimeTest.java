package kz.emtihan.sitting.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * 6.15.2: "by the collegial decision of the commission members the student may be given another time (this or another
 * day of the commission's sittings in the current academic period)": which new time fits which decision.
 */
class FailureNewTimeTest {
    static final ZoneId ALMATY = ZoneId.of("Asia/Almaty");
    static final LocalDate DAY = LocalDate.of(2026, 12, 7);
    static final LocalDate PERIOD_ENDS = LocalDate.of(2027, 1, 24);
    static final Instant ACT = at(DAY, 11, 42);
    static final Instant NOW = at(DAY, 12, 0);

    static Instant at(LocalDate day, int hour, int minute) {
        return day.atTime(hour, minute).atZone(ALMATY).toInstant();
    }

    static Optional<FailureDecision.NewTimeProblem> problem(FailureDecision.Choice choice, Instant newTime) {
        FailureDecision d = new FailureDecision(
                choice,
                choice == FailureDecision.Choice.REFUSE
                        ? FailureDecision.TicketOnRetry.NONE
                        : FailureDecision.TicketOnRetry.DRAW,
                false);
        return d.newTimeProblem(ACT, newTime, ALMATY, PERIOD_ENDS, NOW);
    }

    @Test
    void theSameDayMeansLaterThatDayInTheSittingsZone() {
        assertEquals(Optional.empty(), problem(FailureDecision.Choice.SAME_DAY, at(DAY, 15, 30)));
        assertEquals(Optional.empty(), problem(FailureDecision.Choice.SAME_DAY, at(DAY, 23, 59)));
        assertEquals(
                Optional.of(FailureDecision.NewTimeProblem.NOT_SAME_DAY),
                problem(FailureDecision.Choice.SAME_DAY, at(DAY.plusDays(1), 0, 0)),
                "midnight in Almaty is the next day");
        assertEquals(
                Optional.of(FailureDecision.NewTimeProblem.PAST),
                problem(FailureDecision.Choice.SAME_DAY, at(DAY, 11, 50)),
                "after the act but before now");
        assertEquals(Optional.of(FailureDecision.NewTimeProblem.PAST), problem(FailureDecision.Choice.SAME_DAY, NOW));
    }

    @Test
    void anotherSittingIsALaterDayOfTheCurrentPeriod() {
        assertEquals(Optional.empty(), problem(FailureDecision.Choice.ANOTHER_SITTING, at(DAY.plusDays(1), 9, 0)));
        assertEquals(Optional.empty(), problem(FailureDecision.Choice.ANOTHER_SITTING, at(PERIOD_ENDS, 18, 0)));
        assertEquals(
                Optional.of(FailureDecision.NewTimeProblem.NOT_LATER_DAY),
                problem(FailureDecision.Choice.ANOTHER_SITTING, at(DAY, 16, 0)));
        assertEquals(
                Optional.of(FailureDecision.NewTimeProblem.AFTER_PERIOD),
                problem(FailureDecision.Choice.ANOTHER_SITTING, at(PERIOD_ENDS.plusDays(1), 9, 0)));
    }

    @Test
    void aRefusalGivesNoTime() {
        assertEquals(
                Optional.of(FailureDecision.NewTimeProblem.NONE_GIVEN),
                problem(FailureDecision.Choice.REFUSE, at(DAY, 15, 30)));
    }
}
