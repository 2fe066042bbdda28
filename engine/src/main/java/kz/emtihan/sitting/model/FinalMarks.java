package kz.emtihan.sitting.model;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Issue 16 (3): the results of a sitting that are final for the student's record elsewhere (an LMS's gradebook): every
 * published result (the chair's confirmation, 6.15.6; a removal, 6.14) as it stands now, after any appeal that changed
 * it (6.15.5). A student whose record cannot be read, or whose result is not published, has none.
 */
public final class FinalMarks {
    private FinalMarks() {}

    /**
     * One student's final result: points out of the sitting's maximum, the letter, when it was published, and
     * whether an appeal's decision gave it.
     */
    public record Mark(String studentId, double points, int maxScore, String letter, Instant at, boolean byAppeal) {}

    public static List<Mark> of(Sitting sitting, int maxScore) {
        List<Mark> out = new ArrayList<>();
        for (String student : sitting.parts().students()) {
            if (sitting.unreadable().containsKey(student)) continue;
            of(sitting, student, maxScore).ifPresent(out::add);
        }
        return out;
    }

    /** The student's final result, if it is published. */
    public static java.util.Optional<Mark> of(Sitting sitting, String student, int maxScore) {
        StudentRecord r = sitting.records().get(student);
        if (r == null || r.result().isEmpty() || r.publishedAt().isEmpty() || maxScore <= 0)
            return java.util.Optional.empty();
        StudentRecord.Result result = r.result().get();
        double points = Math.max(0, Math.min(result.points(), maxScore));
        Instant at = r.updatedAt().orElse(r.publishedAt().get());
        return java.util.Optional.of(new Mark(
                student,
                points,
                maxScore,
                result.letter(),
                at,
                result.changedByAppeal().isPresent()));
    }
}
