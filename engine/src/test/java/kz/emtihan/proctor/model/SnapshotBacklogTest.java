package kz.emtihan.proctor.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** Issue 14 (8): the bound on snapshots waiting for face analysis, and the skip of a stale one. */
class SnapshotBacklogTest {

    @Test
    void aBurstBeyondTheCapacityIsShedAndTheRestAnalysed() {
        SnapshotBacklog b = new SnapshotBacklog(3);
        long a1 = b.arrive("a1").orElseThrow();
        long a2 = b.arrive("a2").orElseThrow();
        long a3 = b.arrive("a3").orElseThrow();
        assertEquals(OptionalLong.empty(), b.arrive("a4"), "the fourth waiting snapshot is not analysed");
        assertEquals(3, b.waiting());
        assertTrue(b.turn("a1", a1));
        assertEquals(2, b.waiting());
        assertTrue(b.arrive("a4").isPresent(), "room again once one's turn came");
        assertTrue(b.turn("a2", a2));
        assertTrue(b.turn("a3", a3));
    }

    @Test
    void aWaitingSnapshotIsStaleWhenANewerOneOfTheSameAttemptArrives() {
        SnapshotBacklog b = new SnapshotBacklog(10);
        long old = b.arrive("a").orElseThrow();
        long other = b.arrive("b").orElseThrow();
        long fresh = b.arrive("a").orElseThrow();
        assertFalse(b.turn("a", old), "the newer one tells the present");
        assertTrue(b.turn("b", other), "another attempt's snapshot is not affected");
        assertTrue(b.turn("a", fresh));
        assertEquals(0, b.waiting());
    }

    @Test
    void anOlderSnapshotWhoseTurnComesAfterTheNewerOnesIsStaleToo() {
        SnapshotBacklog b = new SnapshotBacklog(10);
        long old = b.arrive("a").orElseThrow();
        long fresh = b.arrive("a").orElseThrow();
        assertTrue(b.turn("a", fresh), "two workers: the newer one may start first");
        assertFalse(b.turn("a", old));
        long next = b.arrive("a").orElseThrow();
        assertTrue(b.turn("a", next), "nothing left behind for the attempt");
    }

    @Test
    void capacityMustBePositive() {
        assertThrows(IllegalArgumentException.class, () -> new SnapshotBacklog(0));
    }
}
