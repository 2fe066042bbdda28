package kz.emtihan.grade.statistics.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import kz.emtihan.bank.model.Difficulty;
import kz.emtihan.bank.model.Question;

/**
 * The item statistics of one exam (issue 12, 6): the test as a whole, and each question of its frozen pool with its
 * statistics, option frequencies, the class its facility measures and, where that differs from the bank's class now,
 * the proposal.
 */
public record ExamReport(TestStatistics test, List<Row> questions) {
    /**
     * One question of the pool.
     *
     * @param frozen its class when the exam was created (the exam's copy)
     * @param current its class in the bank now; empty when unclassified or no longer in the bank
     * @param inBank whether the bank still has it (a proposal needs it)
     * @param measured the class its facility falls in, once enough attempts had it
     */
    public record Row(
            Question question,
            Optional<Difficulty> frozen,
            Optional<Difficulty> current,
            boolean inBank,
            QuestionStatistics statistics,
            OptionFrequencies options,
            Optional<Difficulty> measured,
            Optional<Difficulty> proposal) {}

    public ExamReport {
        questions = List.copyOf(questions);
    }

    /**
     * @param pool the exam's frozen questions, in the order to list them
     * @param attempts the finished attempts counted
     * @param positions the number of questions on a paper
     * @param bankNow the pool's questions as the bank has them now, by id (a deleted one is absent)
     */
    public static ExamReport of(
            List<Question> pool,
            List<ScoredAttempt> attempts,
            int positions,
            Map<String, Question> bankNow,
            Reclassification rules) {
        Map<String, QuestionStatistics> stats = ItemAnalysis.questions(attempts);
        Map<String, List<Set<String>>> choicesOf = new HashMap<>();
        for (ScoredAttempt a : attempts) {
            for (ScoredAttempt.Mark m : a.marks())
                choicesOf
                        .computeIfAbsent(m.questionId(), id -> new ArrayList<>())
                        .add(m.chosen());
        }
        List<Row> rows = new ArrayList<>();
        for (Question q : pool) {
            List<Set<String>> choices = choicesOf.getOrDefault(q.id(), List.of());
            QuestionStatistics s = stats.getOrDefault(
                    q.id(),
                    new QuestionStatistics(
                            q.id(),
                            0,
                            OptionalDouble.empty(),
                            OptionalDouble.empty(),
                            OptionalDouble.empty(),
                            OptionalDouble.empty()));
            Question now = bankNow.get(q.id());
            Optional<Difficulty> current = now == null ? Optional.empty() : now.difficulty();
            Optional<Difficulty> measured =
                    s.attempts() >= rules.minAttempts() && s.facility().isPresent()
                            ? Optional.of(rules.measured(s.facility().getAsDouble()))
                            : Optional.empty();
            Optional<Difficulty> proposal = now == null ? Optional.empty() : rules.propose(current, s);
            rows.add(new Row(
                    q, q.difficulty(), current, now != null, s, OptionFrequencies.of(q, choices), measured, proposal));
        }
        return new ExamReport(ItemAnalysis.test(attempts, positions), rows);
    }

    /** The rows with a proposal, by question id. */
    public Map<String, Row> proposals() {
        Map<String, Row> out = new java.util.LinkedHashMap<>();
        for (Row r : questions)
            if (r.proposal().isPresent()) out.put(r.question().id(), r);
        return out;
    }
}
