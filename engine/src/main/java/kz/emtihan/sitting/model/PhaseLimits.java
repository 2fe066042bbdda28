package kz.emtihan.sitting.model;

import java.time.Duration;

/**
 * 6.15.6: "preparation up to 20 minutes, answer 10-15 minutes". The numbers are configuration
 * (20, 10, 15 in the regulation); the rules that use them are in {@link PhaseClock}.
 *
 * @param preparationMax the preparation phase ends by itself after this long; the student may finish sooner
 * @param answerMin      ending an answer sooner than this needs a stated reason (the student has finished)
 * @param answerMax      the answer phase ends by itself after this long
 */
public record PhaseLimits(Duration preparationMax, Duration answerMin, Duration answerMax) {
    public PhaseLimits {
        if (preparationMax.isNegative() || preparationMax.isZero()) {
            throw new IllegalArgumentException("preparation time must be positive, was " + preparationMax);
        }
        if (answerMin.isNegative()) throw new IllegalArgumentException("the answer minimum cannot be negative");
        if (answerMax.isZero() || answerMax.compareTo(answerMin) < 0) {
            throw new IllegalArgumentException("the answer maximum (" + answerMax
                    + ") must be positive and at least the minimum (" + answerMin + ")");
        }
    }

    /** The limits in whole minutes, as regulation.yaml would give them. */
    public static PhaseLimits ofMinutes(int preparationMax, int answerMin, int answerMax) {
        return new PhaseLimits(
                Duration.ofMinutes(preparationMax), Duration.ofMinutes(answerMin), Duration.ofMinutes(answerMax));
    }
}
