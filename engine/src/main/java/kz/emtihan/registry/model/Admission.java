package kz.emtihan.registry.model;

import java.util.List;
import java.util.Optional;
import kz.emtihan.grade.model.RatingFormula;

/**
 * A student's admission rating (5.30, 6.10) and where it came from. In this order: the two midterm ratings the roster
 * gave (the rating is their mean); else the admission rating the roster gave (no midterms known); else the student's
 * results on the engine's two midterm exams of the discipline in the same academic period (a midterm not taken counts
 * 0); else none.
 *
 * @param midterms the two midterm ratings, or empty when they are not known
 */
public record Admission(List<Double> midterms, Optional<Double> rating, Source source) {
    /** Where the rating came from. */
    public enum Source {
        ROSTER_MIDTERMS,
        ROSTER_RATING,
        MIDTERM_EXAMS,
        NONE
    }

    public Admission {
        midterms = List.copyOf(midterms);
        if (!midterms.isEmpty() && midterms.size() != 2)
            throw new IllegalArgumentException("two midterm ratings, not " + midterms.size());
    }

    public static final Admission NONE = new Admission(List.of(), Optional.empty(), Source.NONE);

    /** 6.10: the two ratings and their mean. */
    static Admission ofMidterms(List<Double> two, Source source) {
        return new Admission(two, Optional.of(RatingFormula.admissionRating(two.get(0), two.get(1))), source);
    }

    /**
     * The rating by the order above.
     *
     * @param rosterMidterms  the roster's two midterm ratings for the student, if any
     * @param rosterRating    the roster's admission rating, if any
     * @param examMidterms    the percents on the two midterm exams found (null for one not taken), or empty when the
     *                        engine does not hold two midterm exams of the discipline in the period
     */
    public static Admission decide(
            Optional<List<Double>> rosterMidterms, Optional<Double> rosterRating, List<Optional<Double>> examMidterms) {
        if (rosterMidterms.isPresent()) return ofMidterms(rosterMidterms.get(), Source.ROSTER_MIDTERMS);
        if (rosterRating.isPresent()) return new Admission(List.of(), rosterRating, Source.ROSTER_RATING);
        if (examMidterms.size() == 2)
            return ofMidterms(examMidterms.stream().map(p -> p.orElse(0.0)).toList(), Source.MIDTERM_EXAMS);
        return NONE;
    }
}
