package kz.emtihan.bank.model;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import kz.emtihan.text.Text;

/** Checks a bank against the regulation and returns every problem with the clause it breaks. */
public final class BankValidation {
    /** The sentences of the rules and of {@link QuestionDraft#problems()}, in kk, ru and en. */
    public static final String RULES = "kz.emtihan.bank.model.rules";

    /** One broken rule: the clause, and what is wrong, said in the caller's language at the edge. */
    public record Problem(String rule, Text text) {}

    private static final int LISTED = 10;

    private BankValidation() {}

    public static List<Problem> validate(Passport passport, List<Question> questions, BankRules rules) {
        List<Problem> out = new ArrayList<>();
        if (!passport.missing().isEmpty()) {
            out.add(new Problem("5.22", rule("validation.passport", "missing", String.join(", ", passport.missing()))));
        }
        if (questions.size() < rules.minQuestions()) {
            out.add(new Problem(
                    "7.6", rule("validation.too-few", "count", questions.size(), "min", rules.minQuestions())));
        }
        List<String> wrongOptions = questions.stream()
                .filter(q -> q.options().size() != rules.optionsPerQuestion())
                .map(Question::id)
                .toList();
        if (!wrongOptions.isEmpty()) {
            out.add(new Problem(
                    "7.6",
                    rule(
                            "validation.options",
                            "count",
                            wrongOptions.size(),
                            "options",
                            rules.optionsPerQuestion(),
                            "ids",
                            listed(wrongOptions))));
        }
        List<String> noCorrect = questions.stream()
                .filter(q -> q.correct().isEmpty())
                .map(Question::id)
                .toList();
        if (!noCorrect.isEmpty())
            out.add(new Problem(
                    "7.6", rule("validation.no-correct", "count", noCorrect.size(), "ids", listed(noCorrect))));
        List<String> unclassified = questions.stream()
                .filter(q -> q.difficulty().isEmpty())
                .map(Question::id)
                .toList();
        if (!unclassified.isEmpty()) {
            out.add(new Problem(
                    "5.23.3",
                    rule("validation.unclassified", "count", unclassified.size(), "ids", listed(unclassified))));
        }
        List<String> scoredOtherwise = questions.stream()
                .filter(q -> AuthoredScoring.difference(q, rules.scoring()).isPresent())
                .map(Question::id)
                .toList();
        if (!scoredOtherwise.isEmpty()) {
            out.add(new Problem(
                    "7.6",
                    rule(
                            "validation.scoring",
                            "rule",
                            rule("rule." + rules.scoring().code()),
                            "count",
                            scoredOtherwise.size(),
                            "ids",
                            listed(scoredOtherwise))));
        }
        mix(questions, rules).ifPresent(out::add);
        duplicates(questions).forEach(out::add);
        return out;
    }

    /** 5.23.3: the mix of the classified questions stays within the tolerance of the configured percentages. */
    static java.util.Optional<Problem> mix(List<Question> questions, BankRules rules) {
        Map<Difficulty, Integer> counts = counts(questions);
        int classified = counts.values().stream().mapToInt(Integer::intValue).sum();
        if (classified == 0) return java.util.Optional.empty();
        List<String> off = new ArrayList<>();
        for (Difficulty d : Difficulty.values()) {
            double actual = counts.get(d) * 100.0 / classified;
            int target = rules.mixPercent().getOrDefault(d, 0);
            if (Math.abs(actual - target) > rules.mixTolerancePercent()) {
                off.add(String.format(Locale.ROOT, "%s %.1f%% (%d%%)", d.code(), actual, target));
            }
        }
        return off.isEmpty()
                ? java.util.Optional.empty()
                : java.util.Optional.of(new Problem(
                        "5.23.3",
                        rule(
                                "validation.mix",
                                "tolerance",
                                rules.mixTolerancePercent(),
                                "off",
                                String.join(", ", off))));
    }

    /** 7.6: each student's test is a random selection, so the same question must not stand twice. */
    static List<Problem> duplicates(List<Question> questions) {
        Map<String, String> firstByText = new HashMap<>();
        List<Problem> out = new ArrayList<>();
        for (Question q : questions) {
            String key = q.text().strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
            String first = firstByText.putIfAbsent(key, q.id());
            if (first != null) out.add(new Problem("7.6", rule("validation.duplicate", "id", q.id(), "first", first)));
        }
        return out;
    }

    /** How many questions of each difficulty; unclassified ones are not counted. */
    public static Map<Difficulty, Integer> counts(List<Question> questions) {
        Map<Difficulty, Integer> counts = new EnumMap<>(Difficulty.class);
        for (Difficulty d : Difficulty.values()) counts.put(d, 0);
        for (Question q : questions) q.difficulty().ifPresent(d -> counts.merge(d, 1, Integer::sum));
        return counts;
    }

    private static Text rule(String key, Object... namedArgs) {
        return QuestionDraft.rule(key, namedArgs);
    }

    private static String listed(List<String> ids) {
        return String.join(", ", ids.subList(0, Math.min(LISTED, ids.size()))) + (ids.size() > LISTED ? ", …" : "");
    }
}
