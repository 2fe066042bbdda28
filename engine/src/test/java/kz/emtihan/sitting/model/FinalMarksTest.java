package kz.emtihan.sitting.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Issue 16 (3): which results of a sitting are final for an LMS's gradebook, and as what. */
class FinalMarksTest {
    static final Instant T0 = SittingTest.T0;

    @Test
    void nothingBeforeTheChairConfirmsThenTheConfirmedResultThenWhatAnAppealMadeOfIt() {
        assertEquals(List.of(), FinalMarks.of(SittingTest.fresh(), 100), "nobody confirmed yet");
        Instant graded = T0.plus(Duration.ofHours(1));
        Sitting confirmed = SittingTest.graded(graded);
        List<FinalMarks.Mark> marks = FinalMarks.of(confirmed, 100);
        assertEquals(1, marks.size(), marks.toString());
        FinalMarks.Mark m = marks.get(0);
        assertEquals("st1", m.studentId());
        assertEquals(80.0, m.points(), 1e-9);
        assertEquals(100, m.maxScore());
        assertEquals(confirmed.records().get("st1").result().orElseThrow().letter(), m.letter());
        assertFalse(m.byAppeal(), "confirmed by the chair");
        assertTrue(FinalMarks.of(confirmed, "st2", 100).isEmpty(), "st2 has no result");

        Instant closed = T0.plus(Duration.ofHours(2));
        Instant met = closed.plus(Duration.ofHours(48));
        Sitting decided = confirmed
                .close(closed)
                .appeal("st1", "unfair", closed.plus(Duration.ofHours(47)))
                .appealMeeting("ap-1", "ad", met)
                .appealDecision("ap-1", "ac", true, "A", "", CommissionScoresTest.SCALE, 100, met.plusSeconds(60));
        FinalMarks.Mark after = FinalMarks.of(decided, "st1", 100).orElseThrow();
        assertEquals("A", after.letter(), "the appeal's grade, not the confirmed one");
        assertTrue(after.byAppeal());
        assertTrue(after.points() > m.points());
        // a maximum that is no maximum gives nothing to send
        assertTrue(FinalMarks.of(decided, "st1", 0).isEmpty());
    }
}
