package kz.emtihan.proctor.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CredibilityTest {
  static final Instant T = Instant.parse("2026-12-01T09:00:00Z");

  static Flag flag(FlagKind kind) {
    return Flag.of(kind, T, Optional.empty(), "");
  }

  @Test
  void aCleanFullyRecordedAttemptScoresAHundred() {
    assertEquals(100, Credibility.of(List.of(), 1.0).score());
  }

  @Test
  void eachKindCountsAtMostThreeTimes() {
    List<Flag> flags = new ArrayList<>();
    for (int i = 0; i < 50; i++) flags.add(flag(FlagKind.WINDOW_BLUR));
    flags.add(flag(FlagKind.MULTIPLE_FACES));
    Credibility.Score s = Credibility.of(flags, 1.0);
    assertEquals(100 - 3 * 2 - 15, s.score());
    assertEquals(2, s.penalties().size());
  }

  @Test
  void insufficientEvidenceTakesNothingOffButMissingRecordingDoes() {
    List<Flag> unclear = List.of(Flag.unclear(T, Optional.of("s1"), "dark"), Flag.unclear(T, Optional.of("s2"), "dark"));
    assertEquals(100, Credibility.of(unclear, 1.0).score());
    assertEquals(100 - 15, Credibility.of(unclear, 0.5).score(), "half the attempt unrecorded: 30 × 0.5");
  }

  @Test
  void theScoreNeverGoesBelowZero() {
    List<Flag> flags = new ArrayList<>();
    for (FlagKind k : FlagKind.values()) for (int i = 0; i < 3; i++) flags.add(flag(k));
    assertEquals(0, Credibility.of(flags, 0.0).score());
    assertThrows(IllegalArgumentException.class, () -> Credibility.of(List.of(), 1.5));
  }

  @Test
  void riskOrdersTheDashboardByEveryFlagWhileTheLiveScoreCapsEachKind() {
    assertEquals(10 * 6 + 15, Credibility.risk(Map.of(FlagKind.TAB_HIDDEN, 10, FlagKind.CAMERA_ENDED, 1)));
    assertEquals(100 - 3 * 6 - 15, Credibility.ofCounts(Map.of(FlagKind.TAB_HIDDEN, 10, FlagKind.CAMERA_ENDED, 1)));
  }
}
