package kz.emtihan.bank.model;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;

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

    public List<String> problems() {
        List<String> out = new ArrayList<>();
        if (text == null || text.isBlank()) out.add("text is empty");
        else if (text.length() > MAX_TEXT) out.add("text is longer than " + MAX_TEXT + " characters");
        if (options.size() < 2 || options.size() > MAX_OPTIONS) {
            out.add("needs 2 to " + MAX_OPTIONS + " options, has " + options.size());
        }
        for (int i = 0; i < options.size(); i++) {
            if (options.get(i) == null || options.get(i).isBlank()) out.add("option " + i + " is empty");
        }
        if (correct.isEmpty()) out.add("no correct option (7.6: one or more)");
        if (new HashSet<>(correct).size() != correct.size()) out.add("a correct index is repeated");
        for (int c : correct) if (c < 0 || c >= options.size()) out.add("correct index " + c + " is not an option");
        if (difficulty.isEmpty()) out.add("no difficulty: easy, medium or hard (5.23.3)");
        id.ifPresent(v -> {
            if (!v.matches("[A-Za-z0-9._-]{1,64}")) out.add("id must be 1-64 letters, digits or . _ -");
        });
        return out;
    }
}
