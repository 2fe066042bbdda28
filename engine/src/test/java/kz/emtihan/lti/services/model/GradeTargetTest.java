package kz.emtihan.lti.services.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Issue 16 (3): a sitting's grades and an exam's are keyed apart in the queue, whatever their ids. */
class GradeTargetTest {
    @Test
    void aSittingAndAnExamNeverShareAKeyAndEachKeyReadsBack() {
        assertEquals("e123", GradeTarget.exam("e123").key(), "an exam keeps the key it had before sittings");
        assertEquals("sitting:s123", GradeTarget.ofSitting("s123").key());
        assertNotEquals(
                GradeTarget.exam("x1").key(), GradeTarget.ofSitting("x1").key(), "the same id, two keys");
        assertEquals(
                GradeTarget.ofSitting("x1"),
                GradeTarget.of(GradeTarget.ofSitting("x1").key()));
        assertEquals(GradeTarget.exam("x1"), GradeTarget.of("x1"));
        assertThrows(IllegalArgumentException.class, () -> GradeTarget.exam("sitting:x1"), "no exam poses as one");
        assertThrows(
                IllegalArgumentException.class, () -> GradeTarget.exam("a b"), "the queue member splits at a space");
    }
}
