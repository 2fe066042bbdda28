package kz.emtihan.refusal;

import kz.emtihan.text.Text;

/**
 * What is wrong with one field, said the same way everywhere (the {@code problem} of {@link CommonRefusal#BAD_FIELD}
 * and of {@link Problem}s). Sentences: {@code fields_<lang>.properties} in this package.
 */
public final class FieldProblem {
    static final String BUNDLE = "kz.emtihan.refusal.fields";

    private FieldProblem() {}

    public static Text required() {
        return Text.of(BUNDLE, "required");
    }

    public static Text tooLong(int max) {
        return Text.of(BUNDLE, "too-long", "max", max);
    }

    public static Text between(Object min, Object max) {
        return Text.of(BUNDLE, "between", "min", min, "max", max);
    }

    public static Text oneOf(String choices) {
        return Text.of(BUNDLE, "one-of", "choices", choices);
    }
}
