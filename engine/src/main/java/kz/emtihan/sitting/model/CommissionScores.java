package kz.emtihan.sitting.model;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import kz.emtihan.grade.model.Grade;
import kz.emtihan.grade.model.GradeScale;

/**
 * 6.15.6: "every member scores". One student's scores at an oral exam. Immutable: each step returns a new value.
 * <ul>
 *   <li>Each member scores independently, in whole points from 0 to {@code maxScore} (a configured scale).</li>
 *   <li>Until every member has scored, a member sees only his or her own score; everyone may see <em>who</em> has
 *       scored, never the values. Until then a member may change his or her own score.</li>
 *   <li>Once every member has scored the scores are sealed (nobody changes a score after seeing the others') and
 *       visible to the whole commission and the secretary; the result is the {@link Aggregation} of the scores,
 *       as a percent of {@code maxScore}, placed on the credit system's {@link GradeScale} (5.28).</li>
 *   <li>The chair confirms the result; only then is it final.</li>
 * </ul>
 */
public record CommissionScores(
        Commission commission, int maxScore, Map<String, Integer> scores, Optional<String> confirmedBy) {

    public CommissionScores {
        if (maxScore < 1) throw new IllegalArgumentException("the score scale needs a maximum of at least 1");
        scores = Map.copyOf(scores);
        for (Map.Entry<String, Integer> e : scores.entrySet()) {
            if (!commission.isMember(e.getKey()))
                throw new IllegalArgumentException(e.getKey() + " is not a commission member");
            requireInScale(e.getValue(), maxScore);
        }
        if (confirmedBy.isPresent()
                && (!confirmedBy.get().equals(commission.chair())
                        || scores.size() != commission.members().size())) {
            throw new IllegalArgumentException("only the chair confirms, and only when every member has scored");
        }
    }

    /** No scores yet. */
    public static CommissionScores open(Commission commission, int maxScore) {
        return new CommissionScores(commission, maxScore, Map.of(), Optional.empty());
    }

    /**
     * Records (or, before everyone has scored, replaces) the member's own score.
     *
     * @throws IllegalArgumentException for someone who is not a member, or a score outside 0..maxScore
     * @throws IllegalStateException    once every member has scored
     */
    public CommissionScores score(String member, int points) {
        if (!commission.isMember(member)) throw new IllegalArgumentException(member + " is not a commission member");
        requireInScale(points, maxScore);
        if (allScored()) throw new IllegalStateException("every member has scored; the scores are sealed");
        Map<String, Integer> next = new HashMap<>(scores);
        next.put(member, points);
        return new CommissionScores(commission, maxScore, next, confirmedBy);
    }

    public boolean allScored() {
        return scores.size() == commission.members().size();
    }

    /** Who has scored so far (no values): anyone at the sitting may see this. */
    public Set<String> scoredMembers() {
        return new TreeSet<>(scores.keySet());
    }

    /** Who still has to score. */
    public Set<String> waitingFor() {
        Set<String> out = new TreeSet<>(commission.members());
        out.removeAll(scores.keySet());
        return out;
    }

    /**
     * The scores {@code viewer} may see: all of them once every member has scored; before that only the viewer's own
     * (nothing for the secretary or anyone else who does not score).
     */
    public Map<String, Integer> visibleTo(String viewer) {
        if (allScored()) return new TreeMap<>(scores);
        Integer own = scores.get(viewer);
        return own == null ? Map.of() : Map.of(viewer, own);
    }

    /**
     * The aggregated score in points, rounded half up to two decimals.
     *
     * @throws IllegalStateException until every member has scored
     */
    public BigDecimal aggregate(Aggregation rule) {
        if (!allScored()) throw new IllegalStateException("waiting for scores from " + waitingFor());
        return rule.of(scores.values());
    }

    /**
     * The result on the letter scale: the aggregate out of {@code maxScore}, through {@link GradeScale#grade}.
     *
     * @throws IllegalStateException until every member has scored
     */
    public Grade grade(Aggregation rule, GradeScale scale) {
        return scale.grade(aggregate(rule).doubleValue(), maxScore);
    }

    /**
     * The chair confirms the result.
     *
     * @throws IllegalArgumentException when {@code who} is not the chair
     * @throws IllegalStateException    before every member has scored, or when already confirmed
     */
    public CommissionScores confirm(String who) {
        if (!commission.chair().equals(who))
            throw new IllegalArgumentException("only the chair confirms the result, not " + who);
        if (!allScored()) throw new IllegalStateException("waiting for scores from " + waitingFor());
        if (confirmedBy.isPresent()) throw new IllegalStateException("the result is already confirmed");
        return new CommissionScores(commission, maxScore, scores, Optional.of(who));
    }

    public boolean confirmed() {
        return confirmedBy.isPresent();
    }

    private static void requireInScale(Integer points, int maxScore) {
        if (points == null || points < 0 || points > maxScore) {
            throw new IllegalArgumentException("a score is 0.." + maxScore + ", was " + points);
        }
    }
}
