package kz.emtihan.bank.model;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import kz.emtihan.text.Text;

/**
 * A question as a teacher sends it (options by position, correct by index), before the bank gives its
 * options ids. {@link #problems()} lists what makes it unusable; the bank-level rules of 7.6 (exactly
 * five options) are checked by {@link BankValidation}, so a 4-option import still lands and is reported.
 */
public record QuestionDraft(
        Optional<String> id,
        String text,
        List<String> options,
        List<Integer> correct,
        Optional<Difficulty> difficulty,
        String topic) {
    public static final int MAX_TEXT = 20_000;
    public static final int MAX_OPTIONS = 10;

    /** What makes the draft unusable, each said in the caller's language at the edge ({@code rules_<lang>}). */
    public List<Text> problems() {
        List<Text> out = new ArrayList<>();
        if (text == null || text.isBlank()) out.add(rule("draft.text-empty"));
        else if (text.length() > MAX_TEXT) out.add(rule("draft.text-long", "max", MAX_TEXT));
        if (options.size() < 2 || options.size() > MAX_OPTIONS) {
            out.add(rule("draft.options", "max", MAX_OPTIONS, "count", options.size()));
        }
        for (int i = 0; i < options.size(); i++) {
            if (options.get(i) == null || options.get(i).isBlank()) out.add(rule("draft.option-empty", "index", i));
        }
        if (correct.isEmpty()) out.add(rule("draft.no-correct"));
        if (new HashSet<>(correct).size() != correct.size()) out.add(rule("draft.correct-repeated"));
        for (int c : correct) if (c < 0 || c >= options.size()) out.add(rule("draft.correct-not-option", "index", c));
        if (difficulty.isEmpty()) out.add(rule("draft.no-difficulty"));
        id.ifPresent(v -> {
            if (!v.matches("[A-Za-z0-9._-]{1,64}")) out.add(rule("draft.id"));
        });
        return out;
    }

    /** A sentence of {@code rules_<lang>.properties} beside this class. */
    static Text rule(String key, Object... namedArgs) {
        return Text.of(BankValidation.RULES, key, namedArgs);
    }
}
