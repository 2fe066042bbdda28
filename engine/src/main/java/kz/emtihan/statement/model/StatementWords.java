package kz.emtihan.statement.model;

import kz.emtihan.text.Text;

/**
 * The words of statements' refusals and fields, rendered in the reader's language at the edge. Sentences: {@code
 * kz/emtihan/statement/model/words_<lang>.properties}.
 */
public final class StatementWords {
    static final String BUNDLE = "kz.emtihan.statement.model.words";

    private StatementWords() {}

    /** Who signs: dean, director, vice-rector. */
    public static Text signer(Signer s) {
        return Text.of(BUNDLE, "signer." + s.role().code());
    }

    /** Where an application stands ({@link Statement.Status}). */
    public static Text status(Statement.Status s) {
        return Text.of(BUNDLE, "status." + s.code());
    }

    /** How the student's attempt stands: in-progress, submitted, timed-out, terminated. */
    public static Text attempt(String status) {
        return Text.of(BUNDLE, "attempt." + status);
    }

    /** What is wrong with a field (the {@code problem} of bad-field). */
    public static Text field(String key, Object... namedArgs) {
        return Text.of(BUNDLE, "field." + key, namedArgs);
    }

    /** A kind of thing, for not-found: statement. */
    public static Text thing(String key) {
        return Text.of(BUNDLE, "thing." + key);
    }
}
