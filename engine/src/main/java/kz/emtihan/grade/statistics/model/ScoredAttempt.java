package kz.emtihan.grade.statistics.model;

import java.util.List;

/**
 * One finished attempt as item statistics read it: its paper's questions in the order the student had them, each with
 * the mark it earned (0 to 1 point, by the exam's scoring rule) and the options chosen.
 */
public record ScoredAttempt(List<Mark> marks) {
    /** A question of the paper: its id, its mark (0..1), the ids of the options the student picked (maybe none). */
    public record Mark(String questionId, double mark, java.util.Set<String> chosen) {
        public Mark {
            chosen = java.util.Set.copyOf(chosen);
        }
    }

    public ScoredAttempt {
        marks = List.copyOf(marks);
    }

    /** The attempt's total, the sum of its marks unrounded (Moodle's {@code sumgrades}). */
    public double total() {
        double t = 0;
        for (Mark m : marks) t += m.mark();
        return t;
    }
}
