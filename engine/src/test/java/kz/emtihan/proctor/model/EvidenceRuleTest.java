package kz.emtihan.proctor.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import org.junit.jupiter.api.Test;

/** Issue 10, 4: when the server counts evidence as missing, and which an attempt owes from when. */
class EvidenceRuleTest {
    @Test
    void missingIsLongerThanTheConfiguredMultipleOfTheInterval() {
        long limit = EvidenceRule.limitMillis(10_000, 3);
        assertEquals(30_000, limit);
        assertFalse(EvidenceRule.missing(130_000, 100_000, limit), "exactly the limit is not yet missing");
        assertTrue(EvidenceRule.missing(130_001, 100_000, limit));
        assertThrows(IllegalArgumentException.class, () -> EvidenceRule.limitMillis(0, 3));
    }

    @Test
    void anOpenSocketIsSeenNowUnlessItsNodeStoppedRefreshingIt() {
        assertEquals(500, EvidenceRule.socketLastSeen(null, 500, 90_000, 30_000), "never opened: since it was watched");
        assertEquals(90_000, EvidenceRule.socketLastSeen("1|80000", 500, 90_000, 30_000));
        assertEquals(50_000, EvidenceRule.socketLastSeen("1|50000", 500, 90_000, 30_000), "a dead node's leftover");
        assertEquals(70_000, EvidenceRule.socketLastSeen("0|70000", 500, 90_000, 30_000), "closed at 70 s");
        assertEquals(
                80_000, EvidenceRule.socketLastSeen("0|70000", 80_000, 90_000, 30_000), "closed before it was watched");
    }

    @Test
    void theSocketAndRecordingsAreOwedFromTheStartAndSnapshotsFromTheClock() {
        assertEquals(
                EnumSet.of(EvidenceKind.SOCKET, EvidenceKind.CAMERA_RECORDING, EvidenceKind.SCREEN_RECORDING),
                EvidenceRule.fromStart(true, true));
        // issue 17 (4): with a media server too (its recorder's video is the evidence), so a dead server is flagged
        assertEquals(
                EnumSet.of(EvidenceKind.SOCKET, EvidenceKind.SCREEN_RECORDING), EvidenceRule.fromStart(false, true));
        assertEquals(EnumSet.of(EvidenceKind.SNAPSHOTS), EvidenceRule.fromClock(true));
        assertEquals(EnumSet.noneOf(EvidenceKind.class), EvidenceRule.fromClock(false));
    }

    @Test
    void snapshotsReceivedOfThoseExpectedAllowTheStartUpSlack() {
        assertEquals(1.0, EvidenceRule.received(0, 25_000, 10_000, 3), "none expected yet");
        assertEquals(0.0, EvidenceRule.received(0, 600_000, 10_000, 3));
        assertEquals(0.5, EvidenceRule.received(5, 130_000, 10_000, 3));
        assertEquals(1.0, EvidenceRule.received(500, 130_000, 10_000, 3), "never above 1");
    }

    @Test
    void studentsStuckBeforeTheirQuestionsAreTold() {
        assertEquals(Stage.IDENTITY_MISSING, Stage.of("in-progress", true, "none", true, false));
        assertEquals(Stage.IDENTITY_REJECTED, Stage.of("in-progress", true, "rejected", true, false));
        assertEquals(Stage.IDENTITY_PENDING, Stage.of("in-progress", true, "pending", true, false));
        assertEquals(Stage.NO_SNAPSHOT, Stage.of("in-progress", false, "pending", true, false));
        assertEquals(Stage.ANSWERING, Stage.of("in-progress", false, "pending", true, true));
        assertEquals(
                Stage.ANSWERING, Stage.of("in-progress", false, "none", false, false), "no camera: no snapshot owed");
        assertEquals(Stage.FINISHED, Stage.of("submitted", false, "none", true, false));
        assertEquals(Stage.NOT_STARTED, Stage.of("not-started", false, "none", true, false));
        assertTrue(Stage.IDENTITY_MISSING.stuck() && Stage.NO_SNAPSHOT.stuck() && !Stage.ANSWERING.stuck());
    }
}
