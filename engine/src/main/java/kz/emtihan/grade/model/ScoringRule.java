package kz.emtihan.grade.model;

import java.util.Optional;
import java.util.Set;

/**
 * How one question is scored (regulation.yaml {@code scoring.rule}). ALL_OR_NOTHING: one point when the
 * chosen options are exactly the correct ones. PARTIAL: on a multiple-answer question, each correct option
 * chosen earns 1/k, each wrong one costs 1/k (k = number of correct options), never below 0; a
 * single-answer question is all or nothing either way.
 */
public enum ScoringRule {
    ALL_OR_NOTHING("all-or-nothing"),
    PARTIAL("partial");

    private final String code;

    ScoringRule(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static Optional<ScoringRule> fromCode(String code) {
        for (ScoringRule r : values()) if (r.code.equals(code)) return Optional.of(r);
        return Optional.empty();
    }

    public double points(Set<String> correct, Set<String> chosen) {
        if (chosen.equals(correct)) return 1.0;
        if (this == ALL_OR_NOTHING || correct.size() < 2) return 0.0;
        long right = chosen.stream().filter(correct::contains).count();
        long wrong = chosen.size() - right;
        return Math.max(0.0, (right - wrong) / (double) correct.size());
    }
}
