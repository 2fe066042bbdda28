package kz.emtihan.proctor.model;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The credibility score of an attempt, 0..100, from its flags and its recording coverage:
 * <pre>
 *   score = 100 − Σ over kinds min(count, 3) × penalty(severity) − 30 × (1 − coverage)
 * </pre>
 * clamped to 0..100; penalties are low 2, medium 6, high 15. Flags of insufficient evidence take nothing off
 * (they say the camera could not judge, not that the student did something), and a kind counts at most three
 * times, so one restless student is not ruined by fifty window switches. It orders the reviewer's work; the
 * verdict is always a person's.
 */
public final class Credibility {
  public static final int MAX_COUNTED_PER_KIND = 3;
  public static final int COVERAGE_WEIGHT = 30;
  public static final String FORMULA = "100 − Σ min(count per kind, 3) × penalty (low 2, medium 6, high 15) − 30 × (1 − coverage);"
      + " flags of insufficient evidence count 0";

  private Credibility() {}

  /** The score and what took points off it. */
  public record Score(int score, List<Penalty> penalties) {
    public JsonObject toJson() {
      JsonArray list = new JsonArray();
      for (Penalty p : penalties) list.add(new JsonObject().put("reason", p.reason()).put("points", p.points()));
      return new JsonObject().put("score", score).put("penalties", list).put("formula", FORMULA);
    }
  }

  public record Penalty(String reason, int points) {}

  public static Score of(List<Flag> flags, double coverage) {
    if (coverage < 0 || coverage > 1) throw new IllegalArgumentException("coverage must be 0..1, was " + coverage);
    List<Penalty> penalties = new ArrayList<>(flagPenalties(flags));
    int gap = (int) Math.round(COVERAGE_WEIGHT * (1 - coverage));
    if (gap > 0) penalties.add(new Penalty("recording covers " + Math.round(coverage * 100) + " % of the attempt", gap));
    int total = penalties.stream().mapToInt(Penalty::points).sum();
    return new Score(Math.max(0, 100 - total), penalties);
  }

  /** Risk for sorting a live dashboard: the flag penalties alone, uncapped by count. */
  public static int risk(Map<FlagKind, Integer> counts) {
    int risk = 0;
    for (var e : counts.entrySet()) risk += e.getValue() * e.getKey().severity().penalty();
    return risk;
  }

  /** The score from flag counts alone (no coverage yet): what a live dashboard shows. */
  public static int ofCounts(Map<FlagKind, Integer> counts) {
    int total = 0;
    for (var e : counts.entrySet()) total += Math.min(e.getValue(), MAX_COUNTED_PER_KIND) * e.getKey().severity().penalty();
    return Math.max(0, 100 - total);
  }

  private static List<Penalty> flagPenalties(List<Flag> flags) {
    Map<FlagKind, Integer> counts = new EnumMap<>(FlagKind.class);
    Map<FlagKind, Severity> severities = new EnumMap<>(FlagKind.class);
    for (Flag f : flags) {
      if (f.insufficientEvidence()) continue;
      counts.merge(f.kind(), 1, Integer::sum);
      severities.merge(f.kind(), f.severity(), (a, b) -> a.penalty() >= b.penalty() ? a : b);
    }
    List<Penalty> out = new ArrayList<>();
    counts.forEach((kind, n) -> {
      int counted = Math.min(n, MAX_COUNTED_PER_KIND);
      out.add(new Penalty(n + " × " + kind.code(), counted * severities.get(kind).penalty()));
    });
    return out;
  }
}
