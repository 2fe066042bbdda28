package kz.emtihan.bank;

import kz.emtihan.refusal.Kind;
import kz.emtihan.refusal.RefusalCode;

/**
 * Refusals of question banks (5.21-5.23, 7.6). Sentences: {@code refusals_<lang>.properties} in this package; the
 * problems they carry are {@link BankTexts}, {@code bank.model} rules and {@code bank.imports} faults.
 */
public enum BankRefusal implements RefusalCode {
    /** {@code count} problems of a list of questions, each with its index; nothing was added. */
    INVALID_QUESTIONS("invalid-questions", Kind.INVALID, "count"),
    /** An import names no format, or one other than moodle-xml, gift and qti. */
    BAD_FORMAT("bad-format", Kind.INVALID),
    BAD_DIFFICULTY("bad-difficulty", Kind.INVALID),
    /** The whole file cannot be read; {@code fault} says why, with its line and column as a problem. */
    UNPARSEABLE_FILE("unparseable-file", Kind.INVALID, "fault"),
    /** The passport lacks what 5.22 asks for; each problem names its field. */
    INVALID_PASSPORT("invalid-passport", Kind.INVALID),
    /** {@code count} problems of an edit of one question (PATCH), each naming its field; nothing was changed. */
    INVALID_EDIT("invalid-edit", Kind.INVALID, "count"),
    /** {@code count} problems of the people named on a bank or an exam; nothing was changed. */
    INVALID_PEOPLE("invalid-people", Kind.INVALID, "count"),
    /** An export names no format, or one other than moodle-xml and qti3. */
    BAD_EXPORT_FORMAT("bad-export-format", Kind.INVALID);

    private final Declared declared;

    BankRefusal(String code, Kind kind, String... args) {
        this.declared = new Declared(code, kind, args);
    }

    @Override
    public Declared declared() {
        return declared;
    }
}
