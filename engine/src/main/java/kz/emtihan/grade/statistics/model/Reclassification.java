package kz.emtihan.grade.statistics.model;

import java.util.Optional;
import kz.emtihan.bank.model.Difficulty;

/**
 * Beyond Moodle (issue 12, 6): the difficulty a question's measured facility says it has, so the 40/40/20 draw
 * (5.23.3) can rest on measurement rather than the author's guess. regulation.yaml {@code statistics}: a question is
 * easy when its facility is at least {@code easyMinFacility} percent, hard when at most {@code hardMaxFacility}, medium
 * between; nothing is proposed from fewer than {@code minAttempts} attempts.
 */
public record Reclassification(int easyMinFacility, int hardMaxFacility, int minAttempts) {
    public Reclassification {
        if (hardMaxFacility < 0 || easyMinFacility > 100 || hardMaxFacility >= easyMinFacility)
            throw new IllegalArgumentException("need 0 <= hardMaxFacility < easyMinFacility <= 100, have "
                    + hardMaxFacility + " and " + easyMinFacility);
        if (minAttempts < 2) throw new IllegalArgumentException("minAttempts must be at least 2, is " + minAttempts);
    }

    /** The class a facility (percent) falls in. */
    public Difficulty measured(double facility) {
        if (facility >= easyMinFacility) return Difficulty.EASY;
        if (facility <= hardMaxFacility) return Difficulty.HARD;
        return Difficulty.MEDIUM;
    }

    /**
     * The class to propose for a question now classified {@code current}: the measured one, when there are enough
     * attempts and it differs; empty otherwise.
     */
    public Optional<Difficulty> propose(Optional<Difficulty> current, QuestionStatistics s) {
        if (s.attempts() < minAttempts || s.facility().isEmpty()) return Optional.empty();
        Difficulty measured = measured(s.facility().getAsDouble());
        return current.equals(Optional.of(measured)) ? Optional.empty() : Optional.of(measured);
    }
}
