package kz.emtihan.bank.model;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import kz.emtihan.text.Text;

/**
 * A question as a teacher sends it or a file holds it (options by position), before the bank gives its options
 * ids. {@link #problems()} lists what makes it unusable; the bank-level rules of 7.6 (exactly five options) are
 * checked by {@link BankValidation}, so a 4-option import still lands and is reported.
 *
 * <p>The options marked correct follow from the fractions: on a single-answer question those worth 100%, on a
 * multiple-answer one those worth more than 0 ({@link #correct()}).
 */
public record QuestionDraft(
        Optional<String> id,
        String text,
        List<DraftOption> options,
        boolean single,
        Optional<Difficulty> difficulty,
        String topic,
        boolean shuffle,
        Authored authored) {
    public static final int MAX_TEXT = 20_000;
    public static final int MAX_OPTIONS = 10;

    /** One option as written: its text, its fraction in percent, the author's feedback, whether it stays in place. */
    public record DraftOption(String text, double fraction, String feedback, boolean fixed) {
        public DraftOption {
            text = text == null ? "" : text;
            feedback = feedback == null ? "" : feedback;
        }
    }

    public QuestionDraft {
        options = List.copyOf(options);
        topic = topic == null ? "" : topic;
        authored = authored == null ? Authored.NONE : authored;
    }

    /**
     * The plain draft of the API's first shape: options and the indexes of the correct ones, single-answer when
     * one is correct, fractions as {@link Question#plainFraction} gives them. Indexes out of range are kept for
     * {@link #problems()} to report through {@code correctIndexes}.
     */
    public static QuestionDraft plain(
            Optional<String> id,
            String text,
            List<String> options,
            List<Integer> correct,
            Optional<Difficulty> difficulty,
            String topic) {
        boolean single = correct.size() == 1;
        List<DraftOption> drafted = new ArrayList<>();
        for (int i = 0; i < options.size(); i++) {
            double f = Question.plainFraction(single, new HashSet<>(correct).size(), correct.contains(i));
            drafted.add(new DraftOption(options.get(i), f, "", false));
        }
        return new QuestionDraft(id, text, drafted, single, difficulty, topic, true, Authored.NONE);
    }

    /** The indexes of the options marked correct, ascending. */
    public List<Integer> correct() {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < options.size(); i++) {
            double f = options.get(i).fraction();
            if (single ? f >= 99.999 : f > 0) out.add(i);
        }
        return out;
    }

    /**
     * What makes the draft unusable, each said in the caller's language at the edge ({@code rules_<lang>}). A
     * missing difficulty is a problem only when {@code difficultyRequired}; an imported question may arrive
     * unclassified (5.23.3).
     */
    public List<Text> problems(boolean difficultyRequired) {
        List<Text> out = new ArrayList<>();
        if (text == null || text.isBlank()) out.add(rule("draft.text-empty"));
        else if (text.length() > MAX_TEXT) out.add(rule("draft.text-long", "max", MAX_TEXT));
        if (options.size() < 2 || options.size() > MAX_OPTIONS) {
            out.add(rule("draft.options", "max", MAX_OPTIONS, "count", options.size()));
        }
        for (int i = 0; i < options.size(); i++) {
            if (options.get(i).text().isBlank()) out.add(rule("draft.option-empty", "index", i));
            double f = options.get(i).fraction();
            if (!Double.isFinite(f) || f < -100 || f > 100) out.add(rule("draft.fraction", "index", i));
        }
        if (correct().isEmpty()) out.add(rule("draft.no-correct"));
        if (difficultyRequired && difficulty.isEmpty()) out.add(rule("draft.no-difficulty"));
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
