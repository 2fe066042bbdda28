package kz.emtihan.sitting.model;

import java.time.Instant;
import java.util.Optional;

/**
 * A student's application to postpone the exam (6.15.2-6.15.3) and the chair's decision on it. The scanned document
 * is kept apart from the sitting; {@code documentType} is the type it was sent as. A text the document lacks (a record
 * edited by hand) is empty.
 *
 * @param allowed empty while the application awaits the chair
 */
public record Postponement(
        String id,
        String studentId,
        String reason,
        Optional<Instant> appliedAt,
        String documentType,
        String to,
        Optional<Boolean> allowed,
        String decisionReason,
        Optional<Instant> decidedAt,
        String decidedBy) {

    public boolean awaiting() {
        return allowed.isEmpty();
    }

    Postponement decided(boolean allow, String why, Instant at, String by) {
        return new Postponement(
                id, studentId, reason, appliedAt, documentType, to, Optional.of(allow), why, Optional.of(at), by);
    }
}
