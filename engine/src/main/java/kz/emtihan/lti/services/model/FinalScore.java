package kz.emtihan.lti.services.model;

import java.time.Instant;
import java.util.Locale;

/**
 * Issue 16 (3): a student's final result of one exam or oral sitting as it goes to the platform's line item (an AGS Score): points
 * out of the maximum, the regulation's letter for the comment, and when the result was made.
 *
 * @param target what it is a result of: {@link GradeTarget#key()}
 * @param source {@code attempt} (a test submitted, timed out or terminated), {@code sitting} (a result confirmed),
 *     {@code appeal} (an appeal decided)
 */
public record FinalScore(
        String target,
        String studentId,
        double scoreGiven,
        double scoreMaximum,
        String letter,
        Instant timestamp,
        String source) {
    public FinalScore {
        if (scoreMaximum <= 0) throw new IllegalArgumentException("scoreMaximum must be positive");
        if (scoreGiven < 0 || scoreGiven > scoreMaximum)
            throw new IllegalArgumentException("scoreGiven out of 0.." + scoreMaximum + ": " + scoreGiven);
    }

    /**
     * What the platform is told, without the time: a re-grade giving the same points and letter (a repeated submit,
     * the sweeper grading again) is not sent twice.
     */
    public String digest() {
        return String.format(Locale.ROOT, "%.4f/%.4f/%s", scoreGiven, scoreMaximum, letter);
    }
}
