package kz.emtihan.grade.model;

/**
 * The final grade of the credit system: admission rating (mean of the two midterm ratings) weighted
 * {@code admissionPercent}, exam weighted {@code examPercent}; below {@code minAdmissionRating} a student may not sit (5.30).
 */
public record RatingFormula(int admissionPercent, int examPercent, int minAdmissionRating) {
    public RatingFormula {
        if (admissionPercent + examPercent != 100) {
            throw new IllegalArgumentException("admission and exam percents must add up to 100");
        }
    }

    /** 6.10: the admission rating is the mean of the two midterm ratings, to two decimals. */
    public static double admissionRating(double firstMidterm, double secondMidterm) {
        return Math.round((firstMidterm + secondMidterm) * 50.0) / 100.0;
    }

    /** 6.10: admission weighted {@code admissionPercent}, the exam's percent {@code examPercent}, to two decimals. */
    public double finalRating(double admissionRating, double examPercentScore) {
        return Math.round((admissionRating * admissionPercent + examPercentScore * examPercent)) / 100.0;
    }

    public boolean admitted(double admissionRating) {
        return admissionRating >= minAdmissionRating;
    }
}
