package kz.emtihan.lti.services.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Issue 16 (1): what a Learner's launch does to the roster of the exam its link opens. */
class LaunchAdmissionTest {
    static final Instant CLOSES = Instant.parse("2026-12-20T12:00:00Z");

    @Test
    void aStudentNotOnTheRosterIsAddedUntilTheExamEnds() {
        assertEquals(LaunchAdmission.ADD, LaunchAdmission.of(false, CLOSES, CLOSES.minusMillis(1)));
        // 5.16: the window has closed at its close, not a moment later
        assertEquals(LaunchAdmission.ENDED, LaunchAdmission.of(false, CLOSES, CLOSES));
        assertEquals(LaunchAdmission.ENDED, LaunchAdmission.of(false, CLOSES, CLOSES.plusSeconds(3600)));
    }

    @Test
    void aStudentOnTheRosterIsLetThroughUntouchedEvenAfterTheEnd() {
        assertEquals(LaunchAdmission.ALREADY, LaunchAdmission.of(true, CLOSES, CLOSES.minusSeconds(60)));
        assertEquals(LaunchAdmission.ALREADY, LaunchAdmission.of(true, CLOSES, CLOSES.plusSeconds(86_400)));
    }
}
