package kz.emtihan.exam.model;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import kz.emtihan.text.Text;

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

    /** One broken limit: the clause and what is wrong, said in the exam context's words ({@code exam.words}). */
    public record Problem(String rule, Text text) {}

    private static final String WORDS = "kz.emtihan.exam.words";

    /** The settled values, or the problems. */
    public record Checked(int durationMinutes, int questionCount, List<Problem> problems) {}

    /**
     * @param bankSize questions in the bank
     * @param bankProblems the bank's validation problems (only matter when the kind requires a valid bank)
     */
    public Checked check(ExamLimits limits, int bankSize, List<Text> bankProblems) {
        List<Problem> out = new ArrayList<>();
        String clause = limits.clause();
        int duration = durationMinutes.orElse(limits.defaultDurationMinutes());
        Text kindWord = Text.of(WORDS, "kind." + kind.code());
        if (duration < limits.minDurationMinutes() || duration > limits.maxDurationMinutes()) {
            out.add(new Problem(
                    clause,
                    limits.minDurationMinutes() == limits.maxDurationMinutes()
                            ? Text.of(
                                    WORDS,
                                    "plan.exact-duration",
                                    "kind",
                                    kindWord,
                                    "minutes",
                                    limits.minDurationMinutes(),
                                    "given",
                                    duration)
                            : Text.of(
                                    WORDS,
                                    "plan.duration",
                                    "min",
                                    limits.minDurationMinutes(),
                                    "max",
                                    limits.maxDurationMinutes(),
                                    "given",
                                    duration)));
        }
        int count = questionCount.orElse(limits.defaultQuestions());
        if (count < 1 || count > limits.maxQuestions()) {
            out.add(new Problem(
                    clause,
                    Text.of(WORDS, "plan.questions", "kind", kindWord, "max", limits.maxQuestions(), "given", count)));
        }
        if (count > bankSize) {
            out.add(new Problem("7.6", Text.of(WORDS, "plan.bank-too-small", "size", bankSize, "count", count)));
        }
        if (!closesAt.isAfter(opensAt)) out.add(new Problem(clause, Text.of(WORDS, "plan.closes-before-opens")));
        if (limits.requireValidBank()) {
            for (Text p : bankProblems) out.add(new Problem("7.6", Text.of(WORDS, "plan.bank-invalid", "problem", p)));
        }
        return new Checked(duration, count, out);
    }
}
