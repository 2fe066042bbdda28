package kz.emtihan.bank.model;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * An expert's conclusion on a bank (5.25-5.26): fit to the standards and the syllabus, difficulty, and wording
 * (ambiguity, several meanings, vagueness), each assessed with a comment, and whether the bank may be used for
 * testing. {@code number} is its place among the bank's conclusions (1-based; a re-review is a new one), {@code
 * round} the approval it reviewed (a conclusion on a version sent back to draft no longer counts).
 */
public record Conclusion(
        int number,
        String expert,
        String academicYear,
        int round,
        Assessment standards,
        Assessment difficulty,
        Assessment wording,
        Decision decision,
        Instant at) {

    /** The three aspects 5.25 names, in the order the conclusion states them. */
    public static final List<String> ASPECTS = List.of("standards", "difficulty", "wording");

    /** How well the bank meets one aspect. */
    public enum Grade {
        SATISFACTORY("satisfactory"),
        NEEDS_WORK("needs-work"),
        UNSATISFACTORY("unsatisfactory");

        private final String code;

        Grade(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }

        public static Optional<Grade> fromCode(String code) {
            for (Grade g : values()) if (g.code.equals(code)) return Optional.of(g);
            return Optional.empty();
        }
    }

    /** 5.26: the bank may, or may not, be used for computer or written testing. */
    public enum Decision {
        MAY_BE_USED("may-be-used"),
        MAY_NOT_BE_USED("may-not-be-used");

        private final String code;

        Decision(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }

        public static Optional<Decision> fromCode(String code) {
            for (Decision d : values()) if (d.code.equals(code)) return Optional.of(d);
            return Optional.empty();
        }
    }

    /** One aspect's assessment and the expert's comment on it. */
    public record Assessment(Grade grade, String comment) {}

    public List<Assessment> assessments() {
        return List.of(standards, difficulty, wording);
    }

    /** A "may be used" beside an aspect found unsatisfactory says two things at once (5.26). */
    public boolean contradicts() {
        return decision == Decision.MAY_BE_USED
                && assessments().stream().anyMatch(a -> a.grade() == Grade.UNSATISFACTORY);
    }
}
