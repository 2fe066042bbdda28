package kz.emtihan.bank.imports;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import kz.emtihan.bank.model.Difficulty;

/**
 * One multiple-choice question as found in an imported file, before it becomes a bank
 * {@link kz.emtihan.bank.model.Question}.
 *
 * <p>Guarantees: {@code position} is the 1-based index of the question among the file's questions (category
 * markers are not questions; skipped questions keep their number); {@code line} is the 1-based line where the
 * question starts, 0 if unknown. {@code name} is plain text, never HTML, and never blank. {@code text} and every
 * option are HTML fragments that already passed {@code HtmlText}'s safelist (no scripts, event attributes,
 * styles, iframes or images); plain-text sources arrive escaped, so they are safe to render as HTML too.
 * {@code text} and every option have visible text. {@code correct} holds 0-based indexes into {@code options},
 * ascending, at least one. {@code difficulty} is empty when the file names none (the caller reports it, 5.23.3);
 * {@code topic} is the category path joined with " / ", possibly empty, never null. The number of options is
 * not checked here (7.6 asks for five; the bank validation reports it).
 */
public record ImportedQuestion(
        int position,
        int line,
        String name,
        String text,
        List<String> options,
        List<Integer> correct,
        Optional<Difficulty> difficulty,
        String topic) {
    public ImportedQuestion {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(difficulty, "difficulty");
        options = List.copyOf(options);
        correct = List.copyOf(correct);
        topic = topic == null ? "" : topic;
    }

    /** Whether more than one option is correct (the student may tick several). */
    public boolean multiple() {
        return correct.size() > 1;
    }
}
