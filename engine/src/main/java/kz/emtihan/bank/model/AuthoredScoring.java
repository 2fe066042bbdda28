package kz.emtihan.bank.model;

import java.util.Optional;
import kz.emtihan.grade.model.ScoringRule;
import kz.emtihan.text.Text;

/**
 * 7.6: whether the configured scoring rule reads a question as its author wrote it. Under all-or-nothing the
 * author's partial credit is lost: a single-answer question with an option worth part of the point, a
 * multiple-answer question whose correct options weigh differently, or whose wrong options cost nothing (picking
 * everything would earn the full point in Moodle, and nothing here). Under fractions a question is read as
 * written unless no choice can earn the whole point.
 */
public final class AuthoredScoring {
    private static final double EPSILON = 0.01;

    private AuthoredScoring() {}

    /** Why the rule scores {@code q} otherwise than its author wrote it, or empty when it does not. */
    public static Optional<Text> difference(Question q, ScoringRule rule) {
        if (rule == ScoringRule.ALL_OR_NOTHING) return allOrNothing(q);
        double best = q.single()
                ? q.options().stream().mapToDouble(Option::fraction).max().orElse(0)
                : q.options().stream()
                        .mapToDouble(Option::fraction)
                        .filter(f -> f > 0)
                        .sum();
        if (best < 100 - EPSILON) return Optional.of(text("scoring.no-full-point", "best", round(best)));
        return Optional.empty();
    }

    private static Optional<Text> allOrNothing(Question q) {
        if (q.single()) {
            for (Option o : q.options()) {
                if (o.fraction() > EPSILON && o.fraction() < 100 - EPSILON) {
                    return Optional.of(text("scoring.partial-lost", "fraction", round(o.fraction())));
                }
            }
            return Optional.empty();
        }
        double share = 100.0 / Math.max(1, q.correct().size());
        for (Option o : q.options()) {
            boolean correct = q.correct().contains(o.id());
            if (correct && Math.abs(o.fraction() - share) > 0.5) {
                return Optional.of(text("scoring.weights-lost", "fraction", round(o.fraction())));
            }
            if (!correct && o.fraction() > -EPSILON) return Optional.of(text("scoring.wrong-costs-nothing"));
        }
        return Optional.empty();
    }

    private static String round(double fraction) {
        return java.math.BigDecimal.valueOf(Math.round(fraction * 100) / 100.0)
                .stripTrailingZeros()
                .toPlainString();
    }

    private static Text text(String key, Object... namedArgs) {
        return QuestionDraft.rule(key, namedArgs);
    }
}
