package kz.emtihan.exam.model;

import static kz.emtihan.exam.model.ExamCard.Requirement.CAMERA;
import static kz.emtihan.exam.model.ExamCard.Requirement.ID_CARD;
import static kz.emtihan.exam.model.ExamCard.Requirement.MICROPHONE;
import static kz.emtihan.exam.model.ExamCard.Requirement.WHOLE_SCREEN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import kz.emtihan.exam.model.ExamCard.Phase;
import kz.emtihan.exam.model.ExamCard.Timing;
import kz.emtihan.exam.model.ExamCard.Window;
import org.junit.jupiter.api.Test;

/** issue 15 (6): the exam card tells the student before they start what start-attempt.lua will decide. */
class ExamCardTest {
    private static final Window EXAM = new Window(at("09:00"), at("12:00"));
    private static final Duration FIFTY = Duration.ofMinutes(50);

    private static Instant at(String hhmm) {
        return Instant.parse("2026-12-07T" + hhmm + ":00Z");
    }

    @Test
    void aRatingBelowTheMinimumRefusesAndNoRatingAdmits() { // 5.30
        assertFalse(ExamCard.admission(Optional.of(49.5), 50).admitted());
        assertTrue(ExamCard.admission(Optional.of(50.0), 50).admitted(), "the minimum itself admits");
        assertTrue(ExamCard.admission(Optional.empty(), 50).admitted(), "a roster without ratings admits");
        assertEquals(
                Optional.of(49.5), ExamCard.admission(Optional.of(49.5), 50).rating());
    }

    @Test
    void proctoringNamesEverythingTheStudentMustHaveReady() { // 5.17.2
        assertEquals(
                List.of(CAMERA, MICROPHONE, WHOLE_SCREEN, ID_CARD),
                ExamCard.requirements(new Exam.Proctoring(true, true, true)));
        assertEquals(List.of(), ExamCard.requirements(new Exam.Proctoring(false, false, false)));
        assertEquals(
                List.of(CAMERA, ID_CARD),
                ExamCard.requirements(new Exam.Proctoring(false, false, true)),
                "the identity photo needs the camera, not the microphone");
        assertEquals(List.of(WHOLE_SCREEN), ExamCard.requirements(new Exam.Proctoring(false, true, false)));
    }

    @Test
    void beforeTheWindowTheCardCountsDownToTheOpening() {
        Timing t = ExamCard.timing(EXAM, Optional.empty(), FIFTY, at("08:30"));
        assertEquals(Phase.UPCOMING, t.phase());
        assertEquals(30 * 60, t.secondsLeft());
        assertEquals(Optional.empty(), t.minutesIfStarted());
    }

    @Test
    void inTheWindowTheCardSaysTheTimeToTheCloseAndWhatAStartNowGets() { // 5.20.3
        Timing early = ExamCard.timing(EXAM, Optional.empty(), FIFTY, at("09:10"));
        assertEquals(Phase.OPEN, early.phase());
        assertEquals(170 * 60, early.secondsLeft());
        assertEquals(Optional.of(50L), early.minutesIfStarted());
        Timing late = ExamCard.timing(EXAM, Optional.empty(), FIFTY, at("11:40"));
        assertEquals(Optional.of(20L), late.minutesIfStarted(), "the close cuts the duration");
        assertEquals(
                Phase.CLOSED,
                ExamCard.timing(EXAM, Optional.empty(), FIFTY, at("12:00")).phase());
    }

    @Test
    void anIndividualStatementsWindowCountsWhileItHoldsOrIsNext() { // 5.35
        Window own = new Window(at("14:00"), at("16:00"));
        Timing waiting = ExamCard.timing(EXAM, Optional.of(own), FIFTY, at("13:00"));
        assertEquals(Phase.UPCOMING, waiting.phase());
        assertTrue(waiting.personal());
        assertEquals(3600, waiting.secondsLeft());
        Timing in = ExamCard.timing(EXAM, Optional.of(own), FIFTY, at("15:30"));
        assertEquals(Phase.OPEN, in.phase());
        assertEquals(own, in.window());
        assertEquals(Optional.of(30L), in.minutesIfStarted());
        Timing after = ExamCard.timing(EXAM, Optional.of(own), FIFTY, at("16:00"));
        assertEquals(Phase.CLOSED, after.phase());
        assertTrue(after.personal());
        assertEquals(
                Phase.OPEN,
                ExamCard.timing(EXAM, Optional.of(own), FIFTY, at("10:00")).phase(),
                "the exam's own window still holds before the statement's");
        assertFalse(ExamCard.timing(EXAM, Optional.of(own), FIFTY, at("10:00")).personal());
    }
}
