package kz.emtihan.bank.model;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Checks a bank against the regulation and returns every problem with the clause it breaks. */
public final class BankValidation {
    /** One broken rule. */
    public record Problem(String rule, String message) {}

    private static final int LISTED = 10;

    private BankValidation() {}

    public static List<Problem> validate(Passport passport, List<Question> questions, BankRules rules) {
        List<Problem> out = new ArrayList<>();
        if (!passport.missing().isEmpty()) {
            out.add(new Problem("5.22", "the passport lacks " + String.join(", ", passport.missing())));
        }
        if (questions.size() < rules.minQuestions()) {
            out.add(new Problem(
                    "7.6",
                    "the bank has " + questions.size() + " questions; at least " + rules.minQuestions()
                            + " are required"));
        }
        List<String> wrongOptions = questions.stream()
                .filter(q -> q.options().size() != rules.optionsPerQuestion())
                .map(Question::id)
                .toList();
        if (!wrongOptions.isEmpty()) {
            out.add(new Problem(
                    "7.6",
                    wrongOptions.size() + " question(s) do not have exactly " + rules.optionsPerQuestion()
                            + " options: " + listed(wrongOptions)));
        }
        List<String> noCorrect = questions.stream()
                .filter(q -> q.correct().isEmpty())
                .map(Question::id)
                .toList();
        if (!noCorrect.isEmpty())
            out.add(new Problem("7.6", noCorrect.size() + " question(s) have no correct option: " + listed(noCorrect)));
        mix(questions, rules).ifPresent(out::add);
        duplicates(questions).forEach(out::add);
        return out;
    }

    /** 5.23.3: the mix of difficulties stays within the tolerance of the configured percentages. */
    static java.util.Optional<Problem> mix(List<Question> questions, BankRules rules) {
        if (questions.isEmpty()) return java.util.Optional.empty();
        Map<Difficulty, Integer> counts = counts(questions);
        List<String> off = new ArrayList<>();
        for (Difficulty d : Difficulty.values()) {
            double actual = counts.get(d) * 100.0 / questions.size();
            int target = rules.mixPercent().getOrDefault(d, 0);
            if (Math.abs(actual - target) > rules.mixTolerancePercent()) {
                off.add(String.format(Locale.ROOT, "%s %.1f%% (needs %d%%)", d.code(), actual, target));
            }
        }
        return off.isEmpty()
                ? java.util.Optional.empty()
                : java.util.Optional.of(new Problem(
                        "5.23.3",
                        "difficulty mix is off by more than " + rules.mixTolerancePercent() + " points: "
                                + String.join(", ", off)));
    }

    /** 7.6: each student's test is a random selection, so the same question must not stand twice. */
    static List<Problem> duplicates(List<Question> questions) {
        Map<String, String> firstByText = new HashMap<>();
        List<Problem> out = new ArrayList<>();
        for (Question q : questions) {
            String key = q.text().strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
            String first = firstByText.putIfAbsent(key, q.id());
            if (first != null)
                out.add(new Problem("7.6", "question " + q.id() + " repeats the text of question " + first));
        }
        return out;
    }

    public static Map<Difficulty, Integer> counts(List<Question> questions) {
        Map<Difficulty, Integer> counts = new EnumMap<>(Difficulty.class);
        for (Difficulty d : Difficulty.values()) counts.put(d, 0);
        for (Question q : questions) counts.merge(q.difficulty(), 1, Integer::sum);
        return counts;
    }

    private static String listed(List<String> ids) {
        return String.join(", ", ids.subList(0, Math.min(LISTED, ids.size()))) + (ids.size() > LISTED ? ", …" : "");
    }
}
