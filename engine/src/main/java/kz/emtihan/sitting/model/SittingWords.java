package kz.emtihan.sitting.model;

import kz.emtihan.text.Text;

/**
 * The words a sitting's refusals are made of, as {@link Text}s rendered in the reader's language at the edge: the
 * steps and states of {@link StudentFlow}, the things a sitting holds, and the rules of 6.15-6.15.6 a step may break.
 * Sentences: {@code kz/emtihan/sitting/words_<lang>.properties}.
 */
public final class SittingWords {
    static final String BUNDLE = "kz.emtihan.sitting.words";

    private SittingWords() {}

    /** The step in words ("draw the ticket"). */
    public static Text step(StudentStep step) {
        return Text.of(BUNDLE, "step." + step.code());
    }

    /** Where the student stands, in words ("admitted"). */
    public static Text state(StudentState state) {
        return Text.of(BUNDLE, "state." + state.code());
    }

    /** A kind of thing of a sitting, for not-found: sitting, student, act, appeal, postponement, photo, photo-kind. */
    public static Text thing(String key) {
        return Text.of(BUNDLE, "thing." + key);
    }

    /** A rule of 6.15-6.15.6 a step broke, with its arguments (name, value, ...). */
    public static Text rule(String key, Object... namedArgs) {
        return Text.of(BUNDLE, "rule." + key, namedArgs);
    }

    /** What is wrong with a field of a request (the {@code problem} of bad-field). */
    public static Text field(String key, Object... namedArgs) {
        return Text.of(BUNDLE, "field." + key, namedArgs);
    }
}
