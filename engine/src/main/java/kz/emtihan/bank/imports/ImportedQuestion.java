package kz.emtihan.bank.imports;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import kz.emtihan.bank.model.Difficulty;
import kz.emtihan.bank.model.QuestionDraft;

/**
 * One multiple-choice question as found in an imported file, before it becomes a bank
 * {@link kz.emtihan.bank.model.Question}.
 *
 * <p>Guarantees: {@code position} is the 1-based index of the question among the file's questions (category
 * markers are not questions; skipped questions keep their number); {@code line} is the 1-based line where the
 * question starts, 0 if unknown. The draft holds everything its author wrote: text, options with their fractions
 * (negative ones included) and feedback, single or multiple answer, shuffle, name (plain text, never blank),
 * idnumber, tags and general feedback. Text, options and feedback are HTML fragments that already passed {@code
 * HtmlText}'s safelist; plain-text sources arrive escaped, so they are safe to render as HTML too. Pictures and
 * sounds stay as {@code @@PLUGINFILE@@/<name>} references, each with its bytes in {@code files}. The difficulty is
 * empty when the file names none (the question is then unclassified, 5.23.3); the topic is the category path
 * joined with " / ", possibly empty. The number of options is not checked here (7.6 asks for five; the bank
 * validation reports it).
 */
public record ImportedQuestion(int position, int line, QuestionDraft draft, List<EmbeddedFile> files) {
    public ImportedQuestion {
        Objects.requireNonNull(draft, "draft");
        files = List.copyOf(files);
    }

    public String name() {
        return draft.authored().name();
    }

    public String text() {
        return draft.text();
    }

    public List<String> options() {
        return draft.options().stream().map(QuestionDraft.DraftOption::text).toList();
    }

    public List<Double> fractions() {
        return draft.options().stream().map(QuestionDraft.DraftOption::fraction).toList();
    }

    /** The indexes of the options marked correct, ascending. */
    public List<Integer> correct() {
        return draft.correct();
    }

    /** Whether the author let the student tick several options. */
    public boolean multiple() {
        return !draft.single();
    }

    public Optional<Difficulty> difficulty() {
        return draft.difficulty();
    }

    public String topic() {
        return draft.topic();
    }
}
