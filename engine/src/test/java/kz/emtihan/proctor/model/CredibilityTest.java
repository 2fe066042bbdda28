package kz.emtihan.proctor.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CredibilityTest {
    static final Instant T = Instant.parse("2026-06-01T09:00:00Z");

    static Flag flag(FlagKind kind) {
        return Flag.of(kind, T, Optional.empty(), ProctorTexts.pageReported());
    }

    @Test
    void aCleanFullyRecordedAttemptScoresAHundred() {
        assertEquals(100, Credibility.of(List.of(), 1.0).score());
        assertEquals(100, Credibility.of(List.of(), Credibility.Evidence.ALL).score());
    }

    @Test
    void eachKindCountsAtMostThreeTimes() {
        List<Flag> flags = new ArrayList<>();
        for (int i = 0; i < 50; i++) flags.add(flag(FlagKind.WINDOW_BLUR));
        flags.add(flag(FlagKind.MULTIPLE_FACES));
        Credibility.Score s = Credibility.of(flags, 1.0);
        assertEquals(Math.round(50 + (100 - 3 * 2 - 15) / 2.0), s.score());
        assertEquals(2, s.penalties().size());
    }

    @Test
    void insufficientEvidenceTakesNothingOffButMissingRecordingDoes() {
        List<Flag> unclear = List.of(
                Flag.unclear(T, Optional.of("s1"), ProctorTexts.cannotJudge(3, 1)),
                Flag.unclear(T, Optional.of("s2"), ProctorTexts.cannotJudge(3, 1)));
        assertEquals(100, Credibility.of(unclear, 1.0).score());
        assertEquals(75, Credibility.of(unclear, 0.5).score(), "half the attempt unrecorded: × (1 + 0.5) / 2");
        Credibility.Score none = Credibility.of(unclear, new Credibility.Evidence(0, 0, 0));
        assertEquals(Math.round(100 / 8.0), none.score(), "no recording, no snapshot, no photos: " + none);
        assertEquals(3, none.penalties().size(), "each missing evidence says what it took: " + none.penalties());
    }

    @Test
    void theScoreStaysWithinZeroToAHundred() {
        List<Flag> flags = new ArrayList<>();
        for (FlagKind k : FlagKind.values()) for (int i = 0; i < 3; i++) flags.add(flag(k));
        assertEquals(
                0,
                Credibility.of(flags, new Credibility.Evidence(0, 1, 1)).score() - 25,
                "every flag, no recording: half of 50");
        assertThrows(IllegalArgumentException.class, () -> Credibility.of(List.of(), 1.5));
        assertThrows(IllegalArgumentException.class, () -> new Credibility.Evidence(1, -0.1, 1));
    }

    /** Issue 10, 4: a student with no recording can never rate above one fully recorded, whatever either's flags. */
    @Test
    void noRecordingNeverRatesAboveFullyRecordedWhateverTheFlags() {
        Random random = new Random(10_4);
        FlagKind[] kinds = FlagKind.values();
        for (int trial = 0; trial < 5_000; trial++) {
            List<Flag> mine = new ArrayList<>();
            List<Flag> theirs = new ArrayList<>();
            for (int i = random.nextInt(4); i > 0; i--) mine.add(flag(kinds[random.nextInt(kinds.length)]));
            for (int i = random.nextInt(40); i > 0; i--) theirs.add(flag(kinds[random.nextInt(kinds.length)]));
            Credibility.Evidence unrecorded = new Credibility.Evidence(0, random.nextDouble(), random.nextInt(2));
            int noRecording = Credibility.of(mine, unrecorded).score();
            int fullyRecorded = Credibility.of(theirs, Credibility.Evidence.ALL).score();
            assertTrue(
                    noRecording <= fullyRecorded,
                    "unrecorded " + noRecording + " with " + mine.size() + " flags above fully recorded "
                            + fullyRecorded + " with " + theirs.size());
        }
        // the extremes: no flag and no recording against every flag and a full recording
        List<Flag> all = new ArrayList<>();
        for (FlagKind k : FlagKind.values()) for (int i = 0; i < 3; i++) all.add(flag(k));
        assertTrue(Credibility.of(List.of(), new Credibility.Evidence(0, 1, 1)).score()
                <= Credibility.of(all, Credibility.Evidence.ALL).score());
    }

    @Test
    void moreEvidenceNeverLowersTheScore() {
        Random random = new Random(7);
        for (int trial = 0; trial < 2_000; trial++) {
            double r = random.nextDouble();
            double s = random.nextDouble();
            double more = r + (1 - r) * random.nextDouble();
            List<Flag> flags = List.of(flag(FlagKind.TAB_HIDDEN));
            assertTrue(Credibility.of(flags, new Credibility.Evidence(more, s, 1))
                            .score()
                    >= Credibility.of(flags, new Credibility.Evidence(r, s, 1)).score());
        }
    }

    @Test
    void riskOrdersTheDashboardByEveryFlagWhileTheLiveScoreCapsEachKind() {
        assertEquals(10 * 6 + 15, Credibility.risk(Map.of(FlagKind.TAB_HIDDEN, 10, FlagKind.CAMERA_ENDED, 1)));
        assertEquals(
                Math.round(50 + (100 - 3 * 6 - 15) / 2.0),
                Credibility.ofCounts(Map.of(FlagKind.TAB_HIDDEN, 10, FlagKind.CAMERA_ENDED, 1)));
        assertEquals(
                Math.round((50 + (100 - 15) / 2.0) / 4),
                Credibility.ofCounts(Map.of(FlagKind.EVIDENCE_MISSING, 1), new Credibility.Evidence(0, 1, 0)),
                "live: recording missing now, no identity photos");
    }
}
