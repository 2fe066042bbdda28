package kz.emtihan.bank.imports;

import java.util.Objects;

/**
 * Something in the file that was not imported as it stands: a whole question (not multiple choice, no text, no
 * correct option...), or a part dropped from a question that was kept, in which case the reason ends with
 * "(question kept)". {@code position} is human-readable, "question 7 (line 120)", so a teacher can find it.
 */
public record ImportSkip(String position, String reason) {
    public ImportSkip {
        Objects.requireNonNull(position, "position");
        Objects.requireNonNull(reason, "reason");
    }

    /** {@code "question N (line L)"}, or {@code "question N"} when the line is unknown (0). */
    public static ImportSkip of(int question, int line, String reason) {
        String where = line > 0 ? "question " + question + " (line " + line + ")" : "question " + question;
        return new ImportSkip(where, reason);
    }
}
