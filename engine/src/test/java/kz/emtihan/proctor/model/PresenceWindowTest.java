package kz.emtihan.proctor.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import kz.emtihan.media.vision.PresenceRule;
import org.junit.jupiter.api.Test;

/** Issue 4, 3: a flag when a condition begins (k, m, u snapshots in a row), not on every snapshot while it lasts. */
class PresenceWindowTest {
    final PresenceWindow window = new PresenceWindow(3, 2, 3);

    static PresenceRule.Observation faces(int n) {
        return new PresenceRule.Observation(n, true);
    }

    static final PresenceRule.Observation UNCLEAR = new PresenceRule.Observation(0, false);

    /** Feeds snapshots one by one through a window of the configured size, as the store keeps them. */
    List<Optional<PresenceRule.Flag>> feed(PresenceRule.Observation... seq) {
        List<PresenceRule.Observation> kept = new ArrayList<>();
        List<Optional<PresenceRule.Flag>> out = new ArrayList<>();
        for (PresenceRule.Observation o : seq) {
            kept.add(o);
            if (kept.size() > window.size()) kept.remove(0);
            out.add(window.raisedBy(kept));
        }
        return out;
    }

    @Test
    void noFaceIsRaisedOnTheThirdEmptySnapshotAndNotAgainWhileItLasts() {
        var out = feed(faces(1), faces(0), faces(0), faces(0), faces(0), faces(0), faces(0));
        assertEquals(
                List.of(
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.of(PresenceRule.Flag.NO_FACE),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty()),
                out);
        assertEquals(4, window.size());
    }

    @Test
    void aFaceBreaksTheRunAndANewRunRaisesAgain() {
        var out = feed(faces(0), faces(0), faces(0), faces(1), faces(0), faces(0), faces(0));
        assertEquals(Optional.of(PresenceRule.Flag.NO_FACE), out.get(2));
        assertEquals(Optional.of(PresenceRule.Flag.NO_FACE), out.get(6));
        assertEquals(2, out.stream().filter(Optional::isPresent).count());
    }

    @Test
    void oneFrameWithTwoFacesAccusesNoOne() {
        var out = feed(faces(2), faces(1), faces(2), faces(2));
        assertEquals(
                List.of(
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.of(PresenceRule.Flag.MULTIPLE_FACES)),
                out);
    }

    @Test
    void aCameraThatCannotSeeIsInsufficientEvidenceNeverNoFace() {
        var out = feed(UNCLEAR, UNCLEAR, UNCLEAR, UNCLEAR);
        assertEquals(Optional.of(PresenceRule.Flag.INSUFFICIENT_EVIDENCE), out.get(2));
        assertEquals(1, out.stream().filter(Optional::isPresent).count());
    }
}
