package kz.emtihan.grade.statistics;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import kz.emtihan.auth.Caller;
import kz.emtihan.bank.Banks;
import kz.emtihan.bank.model.Difficulty;
import kz.emtihan.bank.model.Option;
import kz.emtihan.bank.model.Question;
import kz.emtihan.config.Regulation;
import kz.emtihan.exam.ExamOutcomes;
import kz.emtihan.exam.model.Attempt;
import kz.emtihan.exam.model.AttemptStatus;
import kz.emtihan.exam.model.Paper;
import kz.emtihan.grade.statistics.model.ExamReport;
import kz.emtihan.grade.statistics.model.ScoredAttempt;
import kz.emtihan.refusal.CommonRefusal;
import kz.emtihan.refusal.FieldProblem;
import kz.emtihan.refusal.Refusal;

/**
 * Item statistics of an exam (issue 12, 6) and the teacher's acceptance of the proposed difficulty classes. Read by
 * whoever manages the exam ({@link ExamOutcomes}: its teacher, admins); an accepted class is written to the bank
 * through {@link Banks#classify}, which lets only the bank's owner, co-authors and admins edit it. The exam itself
 * keeps the questions it froze at creation: an accepted class counts for exams created after.
 */
public final class ExamStatistics {
    private final ExamOutcomes outcomes;
    private final Banks banks;
    private final Regulation regulation;

    public ExamStatistics(ExamOutcomes outcomes, Banks banks, Regulation regulation) {
        this.outcomes = outcomes;
        this.banks = banks;
        this.regulation = regulation;
    }

    /** The report, with the exam it is of. */
    record Computed(ExamOutcomes.Outcome outcome, ExamReport report, int counted, int terminated) {}

    Future<Computed> compute(Caller caller, String examId) {
        return outcomes.of(caller, examId).compose(o -> {
            // in bank order, as the bank page lists them (the files they came from, then later additions), ties by id
            List<Question> pool = o.pool().stream()
                    .sorted(java.util.Comparator.comparingLong(
                                    (Question q) -> q.authored().order())
                            .thenComparing(Question::id))
                    .toList();
            List<String> ids = pool.stream().map(Question::id).toList();
            return banks.store().questions(o.exam().bankId(), ids).map(now -> {
                Map<String, Question> byId = new HashMap<>();
                for (Question q : pool) byId.put(q.id(), q);
                List<ScoredAttempt> scored = new ArrayList<>();
                int terminated = 0;
                for (Attempt a : o.finished()) {
                    // 6.14: a terminated attempt scores 0 whatever was answered; it measures no question, so it is left
                    // out
                    if (a.status() == AttemptStatus.TERMINATED) terminated++;
                    else scored.add(scored(a, byId));
                }
                ExamReport report = ExamReport.of(pool, scored, o.exam().questionCount(), now, regulation.statistics());
                return new Computed(o, report, scored.size(), terminated);
            });
        });
    }

    /** Each paper question's mark by the exam's scoring rule (as Marking grades it), in the student's order. */
    ScoredAttempt scored(Attempt a, Map<String, Question> pool) {
        List<ScoredAttempt.Mark> marks = new ArrayList<>();
        for (Paper.Item item : a.paper().items()) {
            Question q = pool.get(item.questionId());
            Set<String> chosen = a.answers().containsKey(item.questionId())
                    ? new LinkedHashSet<>(a.answers().get(item.questionId()).choices())
                    : Set.of();
            Map<String, Double> fractions = new HashMap<>();
            for (Option o : q.options()) fractions.put(o.id(), o.fraction());
            double mark = regulation.scoring().points(q.single(), fractions, q.correct(), chosen);
            marks.add(new ScoredAttempt.Mark(q.id(), mark, chosen));
        }
        return new ScoredAttempt(marks);
    }

    public Future<JsonObject> json(Caller caller, String examId) {
        return compute(caller, examId).map(c -> StatisticsJson.of(c, regulation));
    }

    public Future<String> csv(Caller caller, String examId) {
        return compute(caller, examId).map(c -> StatisticsCsv.of(c.report()));
    }

    /**
     * Applies the proposed class of each named question to the bank. The proposals are computed afresh; a question
     * not proposed now refuses the whole request and nothing changes.
     */
    public Future<JsonObject> accept(Caller caller, String examId, JsonObject body) {
        return compute(caller, examId).compose(c -> {
            List<String> chosen = chosenIds(body);
            if (c.counted() == 0) throw Refusal.of(StatisticsRefusal.NO_FINISHED_ATTEMPTS);
            Map<String, ExamReport.Row> proposed = c.report().proposals();
            Map<Difficulty, List<String>> byClass = new EnumMap<>(Difficulty.class);
            JsonArray changed = new JsonArray();
            for (String id : chosen) {
                ExamReport.Row row = proposed.get(id);
                if (row == null) throw Refusal.of(StatisticsRefusal.NOT_PROPOSED, id);
                Difficulty to = row.proposal().orElseThrow();
                byClass.computeIfAbsent(to, d -> new ArrayList<>()).add(id);
                changed.add(new JsonObject()
                        .put("questionId", id)
                        .put("from", row.current().map(Difficulty::code).orElse(null))
                        .put("to", to.code()));
            }
            String bankId = c.outcome().exam().bankId();
            // every class is one classify call; each asks the bank's edit right first, so a refused caller changes
            // nothing
            Future<Integer> done = Future.succeededFuture(0);
            for (Map.Entry<Difficulty, List<String>> e : byClass.entrySet()) {
                done = done.compose(n -> banks.classify(caller, bankId, e.getValue(), Optional.of(e.getKey()))
                        .map(m -> n + m));
            }
            return done.map(n ->
                    new JsonObject().put("bankId", bankId).put("classified", n).put("questions", changed));
        });
    }

    private static List<String> chosenIds(JsonObject body) {
        Object v = body.getValue("questionIds");
        if (v != null && !(v instanceof JsonArray))
            throw Refusal.of(CommonRefusal.BAD_FIELD, "questionIds", FieldProblem.required());
        Set<String> ids = new LinkedHashSet<>();
        if (v instanceof JsonArray a) {
            for (Object o : a) {
                if (!(o instanceof String s) || s.isBlank())
                    throw Refusal.of(CommonRefusal.BAD_FIELD, "questionIds", FieldProblem.required());
                ids.add(s);
            }
        }
        if (ids.isEmpty()) throw Refusal.of(StatisticsRefusal.NO_QUESTIONS_CHOSEN);
        return List.copyOf(ids);
    }
}
