package kz.emtihan.exam.model;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A teacher's request to schedule an exam, before the limits of its kind are applied. {@link #check}
 * fills the defaults from regulation.yaml and lists every limit it breaks with the clause.
 */
public record ExamPlan(
        String bankId,
        String title,
        ExamKind kind,
        Instant opensAt,
        Instant closesAt,
        Optional<Integer> durationMinutes,
        Optional<Integer> questionCount) {

    /** One broken limit. */
    public record Problem(String rule, String message) {}

    /** The settled values, or the problems. */
    public record Checked(int durationMinutes, int questionCount, List<Problem> problems) {}

    /**
     * @param bankSize questions in the bank
     * @param bankProblems the bank's validation problems (only matter when the kind requires a valid bank)
     */
    public Checked check(ExamLimits limits, int bankSize, List<String> bankProblems) {
        List<Problem> out = new ArrayList<>();
        String clause = limits.clause();
        int duration = durationMinutes.orElse(limits.defaultDurationMinutes());
        if (duration < limits.minDurationMinutes() || duration > limits.maxDurationMinutes()) {
            out.add(new Problem(
                    clause,
                    limits.minDurationMinutes() == limits.maxDurationMinutes()
                            ? "a " + kind.code() + " lasts exactly " + limits.minDurationMinutes() + " minutes, not "
                                    + duration
                            : "duration must be " + limits.minDurationMinutes() + "-" + limits.maxDurationMinutes()
                                    + " minutes, not " + duration));
        }
        int count = questionCount.orElse(limits.defaultQuestions());
        if (count < 1 || count > limits.maxQuestions()) {
            out.add(new Problem(
                    clause, "a " + kind.code() + " has 1-" + limits.maxQuestions() + " questions, not " + count));
        }
        if (count > bankSize) {
            out.add(new Problem(
                    "7.6", "the bank has " + bankSize + " questions, fewer than the " + count + " to draw"));
        }
        if (!closesAt.isAfter(opensAt)) out.add(new Problem(clause, "closesAt must be after opensAt"));
        if (limits.requireValidBank()) {
            for (String p : bankProblems) out.add(new Problem("7.6", "the bank does not pass validation: " + p));
        }
        return new Checked(duration, count, out);
    }
}
