package kz.emtihan.registry.model;

import java.util.Optional;
import kz.emtihan.grade.model.GradeBand;
import kz.emtihan.grade.model.GradeScale;
import kz.emtihan.grade.model.RatingFormula;

/**
 * 6.10: the final rating, {@code admissionPercent} % of the admission rating plus {@code examPercent} % of the exam's
 * percent (regulation.yaml {@code rating}), and its place on the grade scale (5.28): letter, GPA, traditional grade.
 */
public record FinalRating(double rating, GradeBand band) {
    /** None while either part is missing: no admission rating, or no graded exam. */
    public static Optional<FinalRating> of(
            RatingFormula formula, GradeScale scale, Optional<Double> admission, Optional<Double> examPercent) {
        if (admission.isEmpty() || examPercent.isEmpty()) return Optional.empty();
        double rating = formula.finalRating(admission.get(), examPercent.get());
        return Optional.of(new FinalRating(rating, scale.bandOf(Math.min(100, Math.max(0, rating)))));
    }
}
