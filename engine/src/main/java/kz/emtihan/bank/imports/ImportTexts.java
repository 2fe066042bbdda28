package kz.emtihan.bank.imports;

import kz.emtihan.text.Text;

/**
 * What the importers say of a file: faults that stop it ({@code fault.*}), questions skipped ({@code skip.*}), notes
 * on questions kept ({@code kept.*}) and positions. Sentences: {@code notes_<lang>.properties} in this package.
 */
public final class ImportTexts {
    static final String BUNDLE = "kz.emtihan.bank.imports.notes";

    private ImportTexts() {}

    static Text of(String key, Object... namedArgs) {
        return Text.of(BUNDLE, key, namedArgs);
    }

    /** "question 7 (line 120)", or "question 7" when the line is unknown (0); "the file" for question 0. */
    public static Text position(int question, int line) {
        if (question <= 0) return of("position.file");
        return line > 0 ? of("position.line", "n", question, "line", line) : of("position", "n", question);
    }

    /** Where a fault stopped the file, followed by the fault: "line 3, column 7: ...". */
    public static Text at(int line, int column, Text fault) {
        if (line <= 0) return fault;
        return column > 0
                ? of("at.line-column", "line", line, "column", column, "fault", fault)
                : of("at.line", "line", line, "fault", fault);
    }
}
