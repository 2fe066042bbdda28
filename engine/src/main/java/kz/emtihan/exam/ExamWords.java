package kz.emtihan.exam;

import kz.emtihan.exam.model.AttemptStatus;
import kz.emtihan.text.Text;

/**
 * The words the exam context's refusals use: the things that may not be found, what is wrong with a field, what is
 * wrong with a roster entry or an exam plan, and how an attempt ended. Sentences: {@code words_<lang>.properties}
 * in this package.
 */
final class ExamWords {
    static final String BUNDLE = "kz.emtihan.exam.words";

    private ExamWords() {}

    static Text attempt() {
        return Text.of(BUNDLE, "attempt");
    }

    static Text exam() {
        return Text.of(BUNDLE, "exam");
    }

    /** How the attempt ended (submitted, timed out, terminated), or that it is still in progress. */
    static Text status(AttemptStatus status) {
        return Text.of(BUNDLE, "status." + status.code());
    }

    /** A field problem of this context: {@code field.<key>} with its arguments as name, value pairs. */
    static Text field(String key, Object... args) {
        return Text.of(BUNDLE, "field." + key, args);
    }

    /** A problem of one roster entry or one limit of an exam plan: {@code <key>} with its arguments. */
    static Text problem(String key, Object... args) {
        return Text.of(BUNDLE, key, args);
    }
}
