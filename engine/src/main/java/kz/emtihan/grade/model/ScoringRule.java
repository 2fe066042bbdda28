package kz.emtihan.grade.model;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * How an intermediate attestation scores one question (regulation.yaml {@code scoring.rule}); a question is
 * worth one point at most and never less than 0.
 *
 * <ul>
 *   <li>ALL_OR_NOTHING (the default): one point when the student picked exactly the options marked correct; on a
 *       single-answer question, when the one option picked is marked correct. Partial credit the author wrote is
 *       not given (validation says so, 7.6).
 *   <li>FRACTIONS: the fractions the author wrote: on a single-answer question the picked option's fraction, on a
 *       multiple-answer one the sum of the picked options' fractions, negative ones included, floored at 0 and
 *       capped at one point, as Moodle scores them. A question whose author marked only which options are
 *       correct carries fractions that give 1/k per correct option and take 1/k per wrong one ({@code partial},
 *       the former name of this rule, is read as this one).
 * </ul>
 */
public enum ScoringRule {
    ALL_OR_NOTHING("all-or-nothing"),
    FRACTIONS("fractions");

    private final String code;

    ScoringRule(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static Optional<ScoringRule> fromCode(String code) {
        if ("partial".equals(code)) return Optional.of(FRACTIONS);
        for (ScoringRule r : values()) if (r.code.equals(code)) return Optional.of(r);
        return Optional.empty();
    }

    /**
     * @param fractions each option's fraction in percent, by option id
     * @param correct the ids of the options marked correct
     * @param chosen the ids the student picked
     */
    public double points(boolean single, Map<String, Double> fractions, Set<String> correct, Set<String> chosen) {
        if (chosen.isEmpty()) return 0;
        if (single && chosen.size() > 1) return 0;
        if (this == ALL_OR_NOTHING) {
            return (single ? correct.containsAll(chosen) : chosen.equals(correct)) ? 1 : 0;
        }
        double sum = 0;
        for (String id : chosen) sum += fractions.getOrDefault(id, 0.0);
        double points = Math.round(sum * 100) / 10_000.0; // 3 × 33.33333% is a whole point
        return Math.min(1, Math.max(0, points));
    }
}
