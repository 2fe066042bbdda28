package kz.emtihan.exam.model;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import kz.emtihan.bank.model.Option;
import kz.emtihan.bank.model.Question;
import kz.emtihan.grade.model.ScoringRule;

/** 5.20.3: graded automatically. One point per question at most, by the configured scoring rule. */
public final class Marking {
    private Marking() {}

    public static double points(
            Paper paper, Map<String, Question> questions, Map<String, List<String>> answers, ScoringRule rule) {
        double total = 0;
        for (Paper.Item item : paper.items()) {
            Question q = questions.get(item.questionId());
            List<String> chosen = answers.getOrDefault(item.questionId(), List.of());
            total += rule.points(q.single(), fractions(q), q.correct(), new HashSet<>(chosen));
        }
        return Math.round(total * 100) / 100.0;
    }

    private static Map<String, Double> fractions(Question q) {
        Map<String, Double> out = new HashMap<>();
        for (Option o : q.options()) out.put(o.id(), o.fraction());
        return out;
    }
}
