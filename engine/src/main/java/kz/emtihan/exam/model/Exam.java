package kz.emtihan.exam.model;

import java.time.Duration;
import java.time.Instant;

/**
 * A scheduled exam: one bank, a window, a duration and a question count within the limits of its kind.
 *
 * @param retakeOf the exam this one retakes (5.36-5.38: a retake, in the summer semester or not), if it is a retake
 */
public record Exam(
        String id,
        String bankId,
        String title,
        ExamKind kind,
        Instant opensAt,
        Instant closesAt,
        int durationMinutes,
        int questionCount,
        Proctoring proctoring,
        String owner,
        java.util.Optional<String> retakeOf) {

    /** What the student's camera, screen and identity check must do (5.17.2). */
    public record Proctoring(boolean camera, boolean screen, boolean identity) {}

    public Duration duration() {
        return Duration.ofMinutes(durationMinutes);
    }

    public boolean openAt(Instant now) {
        return !now.isBefore(opensAt) && now.isBefore(closesAt);
    }
}
