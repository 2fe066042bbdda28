package kz.emtihan.bank.imports;

import java.util.Objects;
import kz.emtihan.text.Text;

/**
 * Something in the file that was not imported as it stands: a whole question (not multiple choice, no text, no
 * correct option...), or a part dropped from a question that was {@code kept}. {@code question} is the question's
 * number in the file and {@code line} its first line (0 when unknown), so a teacher can find it; {@link
 * ImportTexts#position} says both in words.
 */
public record ImportSkip(int question, int line, Text reason, boolean kept) {
    public ImportSkip {
        Objects.requireNonNull(reason, "reason");
    }

    /** A question not imported. */
    public static ImportSkip of(int question, int line, Text reason) {
        return new ImportSkip(question, line, reason, false);
    }

    /** A note on a question that was imported with a change. */
    public static ImportSkip kept(int question, int line, Text reason) {
        return new ImportSkip(question, line, reason, true);
    }

    /** The question and line in words. */
    public Text position() {
        return ImportTexts.position(question, line);
    }
}
