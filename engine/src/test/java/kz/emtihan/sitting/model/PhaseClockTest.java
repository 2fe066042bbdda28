package kz.emtihan.sitting.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PhaseClockTest {
    /** 6.15.6: preparation up to 20 minutes, answer 10-15 minutes. */
    static final PhaseLimits LIMITS = PhaseLimits.ofMinutes(20, 10, 15);

    static Instant t(String hhmmss) {
        return Instant.parse("2026-06-15T" + hhmmss + "Z");
    }

    static PhaseClock preparingFrom(String hhmmss) {
        return PhaseClock.waiting(LIMITS).startPreparation(t(hhmmss));
    }

    /** Five minutes of preparation, then the answer from {@code hhmmss}. */
    static PhaseClock answeringFrom(String hhmmss) {
        return PhaseClock.waiting(LIMITS)
                .startPreparation(t(hhmmss).minusSeconds(300))
                .endPreparation(t(hhmmss));
    }

    @Test
    void preparationHasTwentyMinutesFromTheServerClock() { // 6.15.6
        PhaseClock c = preparingFrom("10:00:00");
        assertEquals(Phase.PREPARATION, c.phase());
        assertEquals(Optional.of(t("10:20:00")), c.preparationDeadline());
        assertEquals(Optional.of(Duration.ofMinutes(15)), c.remaining(t("10:05:00")));
        assertEquals(Optional.of(Duration.ofSeconds(1)), c.remaining(t("10:19:59")));
    }

    @Test
    void atTheTwentiethMinuteTheAnswerStartsByItself() { // 6.15.6
        PhaseClock c = preparingFrom("10:00:00");
        assertEquals(Phase.PREPARATION, c.at(t("10:19:59")).phase());
        PhaseClock answer = c.at(t("10:20:00"));
        assertEquals(Phase.ANSWER, answer.phase());
        assertEquals(Optional.of(t("10:20:00")), answer.answerStarted());
        assertEquals(Optional.of(t("10:35:00")), answer.answerDeadline());
        assertEquals(
                t("10:20:00"), c.at(t("10:27:00")).answerStarted().orElseThrow(), "starts at the deadline, not at now");
    }

    @Test
    void theStudentMayFinishPreparingEarly() { // 6.15.6: "up to" 20 minutes
        PhaseClock c = preparingFrom("10:00:00").endPreparation(t("10:07:00"));
        assertEquals(Phase.ANSWER, c.phase());
        assertEquals(Optional.of(t("10:22:00")), c.answerDeadline());
        assertEquals(Optional.of(Duration.ofMinutes(15)), c.remaining(t("10:07:00")));
    }

    @Test
    void theAnswerEndsByItselfAfterFifteenMinutes() { // 6.15.6
        PhaseClock c = answeringFrom("10:00:00");
        assertEquals(Phase.ANSWER, c.at(t("10:14:59")).phase());
        PhaseClock done = c.at(t("10:15:00"));
        assertEquals(Phase.DONE, done.phase());
        assertEquals(Optional.of(t("10:15:00")), done.answerEnded());
        assertEquals(Optional.empty(), done.remaining(t("10:15:00")));
        assertFalse(done.endedBeforeMinimum());
    }

    @Test
    void aForgottenClockIsSettledThroughBothDeadlines() {
        PhaseClock done = preparingFrom("10:00:00").at(t("11:00:00"));
        assertEquals(Phase.DONE, done.phase());
        assertEquals(Optional.of(t("10:20:00")), done.answerStarted());
        assertEquals(Optional.of(t("10:35:00")), done.answerEnded());
    }

    @Test
    void anAnswerShorterThanTenMinutesNeedsAReason() { // 6.15.6: 10-15 minutes
        PhaseClock c = answeringFrom("10:00:00");
        var refused = assertThrows(PhaseClock.IllegalTransition.class, () -> c.endAnswer(t("10:09:59"), null));
        assertEquals(Phase.ANSWER, refused.from());
        assertThrows(PhaseClock.IllegalTransition.class, () -> c.endAnswer(t("10:05:00"), "   "), "blank is no reason");

        PhaseClock early = c.endAnswer(t("10:05:00"), " the student has answered every question ");
        assertEquals(Phase.DONE, early.phase());
        assertEquals(Optional.of("the student has answered every question"), early.earlyEndReason());
        assertTrue(early.endedBeforeMinimum());
    }

    @Test
    void fromTheTenthMinuteTheSecretaryMayEndTheAnswerWithoutAReason() { // 6.15.6
        PhaseClock done = answeringFrom("10:00:00").endAnswer(t("10:10:00"), null);
        assertEquals(Optional.of(t("10:10:00")), done.answerEnded());
        assertEquals(Optional.empty(), done.earlyEndReason());
        assertFalse(done.endedBeforeMinimum());
    }

    @Test
    void phasesOnlyMoveForward() {
        PhaseClock waiting = PhaseClock.waiting(LIMITS);
        assertEquals(Optional.empty(), waiting.remaining(t("10:00:00")));
        assertThrows(PhaseClock.IllegalTransition.class, () -> waiting.endPreparation(t("10:00:00")));
        assertThrows(PhaseClock.IllegalTransition.class, () -> waiting.endAnswer(t("10:00:00"), "x"));

        PhaseClock preparing = preparingFrom("10:00:00");
        assertThrows(PhaseClock.IllegalTransition.class, () -> preparing.startPreparation(t("10:01:00")));
        assertThrows(PhaseClock.IllegalTransition.class, () -> preparing.endAnswer(t("10:01:00"), "x"));
        assertThrows(
                PhaseClock.IllegalTransition.class,
                () -> preparing.endPreparation(t("10:20:00")),
                "at its deadline preparation has already ended");

        PhaseClock answering = answeringFrom("10:00:00");
        assertThrows(
                PhaseClock.IllegalTransition.class,
                () -> answering.endAnswer(t("10:15:00"), null),
                "at its deadline the answer has already ended");
        PhaseClock done = answering.endAnswer(t("10:12:00"), null);
        assertThrows(PhaseClock.IllegalTransition.class, () -> done.endAnswer(t("10:13:00"), null));
        assertThrows(PhaseClock.IllegalTransition.class, () -> done.startPreparation(t("10:13:00")));
    }

    @Test
    void theServerClockDoesNotGoBack() {
        PhaseClock c = preparingFrom("10:00:00");
        assertThrows(IllegalArgumentException.class, () -> c.endPreparation(t("09:59:59")));
        assertThrows(IllegalArgumentException.class, () -> c.remaining(t("09:00:00")));
    }

    @Test
    void limitsMustMakeSense() {
        assertThrows(IllegalArgumentException.class, () -> PhaseLimits.ofMinutes(0, 10, 15));
        assertThrows(IllegalArgumentException.class, () -> PhaseLimits.ofMinutes(20, 16, 15));
        assertThrows(IllegalArgumentException.class, () -> PhaseLimits.ofMinutes(20, -1, 15));
        assertEquals(
                Duration.ofMinutes(10), PhaseLimits.ofMinutes(20, 10, 10).answerMax(), "a fixed length is allowed");
        assertThrows(
                IllegalArgumentException.class,
                () -> new PhaseClock(
                        LIMITS,
                        Phase.ANSWER,
                        Optional.of(t("10:00:00")),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty()));
        assertThrows(
                IllegalArgumentException.class,
                () -> new PhaseClock(
                        LIMITS,
                        Phase.ANSWER,
                        Optional.of(t("10:00:00")),
                        Optional.of(t("09:59:00")),
                        Optional.empty(),
                        Optional.empty()),
                "a stored clock out of order");
    }
}
