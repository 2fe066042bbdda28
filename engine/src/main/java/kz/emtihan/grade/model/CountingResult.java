package kz.emtihan.grade.model;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * 5.36-5.38: which result counts when an exam was retaken. A chain is the exam and its retakes (each retake names the
 * first exam of the chain); a student's result counts from the latest exam of the chain where they have one, so a
 * retake's result replaces the earlier one, in the summer semester too (its results count in the GPA and the
 * transcript). An exam of the chain where the student has no result (not on its roster, absent, not graded yet)
 * changes nothing: missing a retake leaves the earlier result.
 */
public final class CountingResult {
    private CountingResult() {}

    /**
     * One exam of a chain as one student met it.
     *
     * @param examId  the exam
     * @param opensAt when its window opened: the chain's order
     * @param result  the student's result there, if any
     */
    public record Sitting<R>(String examId, Instant opensAt, Optional<R> result) {}

    /** The sitting whose result counts, if the student has a result anywhere in the chain. */
    public static <R> Optional<Sitting<R>> counting(List<Sitting<R>> chain) {
        return chain.stream()
                .filter(s -> s.result().isPresent())
                .max(Comparator.comparing((Sitting<R> s) -> s.opensAt()).thenComparing(Sitting::examId));
    }
}
