package kz.emtihan.proctor.model;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import kz.emtihan.text.Text;

/**
 * The credibility score of an attempt, 0..100, from its flags and from how much of the evidence it owed arrived:
 * <pre>
 *   flags    = max(0, 100 − Σ over kinds min(count, 3) × penalty(severity))      penalties: low 2, medium 6, high 15
 *   evidence = Π over recording coverage r, snapshots received/expected s, identity photos i of (1 + x) / 2
 *   score    = round(evidence × (50 + flags / 2))
 * </pre>
 * Each share is 1 when the exam does not ask for that evidence. Flags of insufficient evidence take nothing off
 * (they say the camera could not judge, not that the student did something), and a kind counts at most three
 * times, so one restless student is not ruined by fifty window switches. Missing evidence is a factor, not a
 * penalty among others: a fully evidenced attempt scores at least 50 whatever its flags, and one with no recording
 * (r = 0) at most 50 whatever else, so a student with no recording never rates above one fully recorded (issue 10, 4).
 * It orders the reviewer's work; the verdict is always a person's. The reasons and the formula are {@link Text}s
 * ({@link ProctorTexts}), said in the reviewer's language; the JSON form is {@code proctor.CredibilityJson}.
 */
public final class Credibility {
    public static final int MAX_COUNTED_PER_KIND = 3;

    /** The formula above, in words, with its numbers as arguments. */
    public static Text formula() {
        return Text.of(
                ProctorTexts.BUNDLE,
                "credibility.formula",
                "maxPerKind",
                MAX_COUNTED_PER_KIND,
                "low",
                Severity.LOW.penalty(),
                "medium",
                Severity.MEDIUM.penalty(),
                "high",
                Severity.HIGH.penalty());
    }

    private Credibility() {}

    /**
     * How much of the owed evidence arrived, each 0..1 (1 when the exam does not ask for it): the recordings' coverage
     * of the attempt, camera snapshots received of those expected, and the identity photos (1 sent, 0 not).
     */
    public record Evidence(double recording, double snapshots, double identity) {
        public static final Evidence ALL = new Evidence(1, 1, 1);

        public Evidence {
            for (double x : new double[] {recording, snapshots, identity}) {
                if (!(x >= 0 && x <= 1)) throw new IllegalArgumentException("evidence shares are 0..1, was " + x);
            }
        }

        double factor() {
            return (1 + recording) / 2 * (1 + snapshots) / 2 * (1 + identity) / 2;
        }
    }

    /** The score and what took points off it. */
    public record Score(int score, List<Penalty> penalties) {}

    /** What took {@code points} off, and why. */
    public record Penalty(Text reason, int points) {}

    /** Only the recording's coverage is known: every other evidence counts as there. */
    public static Score of(List<Flag> flags, double coverage) {
        if (coverage < 0 || coverage > 1) throw new IllegalArgumentException("coverage must be 0..1, was " + coverage);
        return of(flags, new Evidence(coverage, 1, 1));
    }

    public static Score of(List<Flag> flags, Evidence evidence) {
        List<Penalty> penalties = new ArrayList<>(flagPenalties(flags));
        int flagPoints = penalties.stream().mapToInt(Penalty::points).sum();
        return combine(flagPoints, evidence, penalties);
    }

    /** Risk for sorting a live dashboard: the flag penalties alone, uncapped by count. */
    public static int risk(Map<FlagKind, Integer> counts) {
        int risk = 0;
        for (var e : counts.entrySet())
            risk += e.getValue() * e.getKey().severity().penalty();
        return risk;
    }

    /** The live dashboard's score: flag counts (each kind capped) and what evidence is there now. */
    public static int ofCounts(Map<FlagKind, Integer> counts, Evidence evidence) {
        int total = 0;
        for (var e : counts.entrySet())
            total += Math.min(e.getValue(), MAX_COUNTED_PER_KIND)
                    * e.getKey().severity().penalty();
        return combine(total, evidence, new ArrayList<>()).score();
    }

    /** The score from flag counts alone, all evidence there. */
    public static int ofCounts(Map<FlagKind, Integer> counts) {
        return ofCounts(counts, Evidence.ALL);
    }

    private static Score combine(int flagPoints, Evidence e, List<Penalty> penalties) {
        double flagScore = Math.max(0, 100 - flagPoints);
        double base = 50 + flagScore / 2;
        double score = base * e.factor();
        // what each missing share took off, in the order applied (for the reviewer; the score is the product)
        double running = base;
        String[] keys = {"credibility.recording", "credibility.snapshots", "credibility.identity"};
        double[] shares = {e.recording(), e.snapshots(), e.identity()};
        for (int i = 0; i < shares.length; i++) {
            double next = running * (1 + shares[i]) / 2;
            int taken = (int) Math.round(running - next);
            if (taken > 0)
                penalties.add(new Penalty(
                        Text.of(ProctorTexts.BUNDLE, keys[i], "percent", Math.round(shares[i] * 100)), taken));
            running = next;
        }
        return new Score((int) Math.round(score), penalties);
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
            Text reason = Text.of(
                    ProctorTexts.BUNDLE,
                    "credibility.flags",
                    "n",
                    n,
                    "kind",
                    kind.code(),
                    "kindName",
                    ProctorTexts.flagKind(kind));
            out.add(new Penalty(reason, counted * severities.get(kind).penalty()));
        });
        return out;
    }
}
