package kz.emtihan.statement.model;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import kz.emtihan.auth.model.Role;
import kz.emtihan.refusal.Refusal;

/**
 * A student's application to extend the deadline of one exam (5.34) and, once it is signed, the individual statement
 * the dean's office issues on it (5.35). A typed state machine: signatures are added in the order of {@link Signer}
 * only, a refusal at any step ends it, and the statement is issued once, after the third approval. Each step returns a
 * new value or throws a {@link Refusal} naming its clause; nothing is changed by a refused step.
 *
 * @param documentType the scan's type as read from its bytes (application/pdf, image/jpeg, image/png)
 * @param issued the individual statement, once issued
 */
public record Statement(
        String id,
        String studentId,
        String examId,
        Reason reason,
        String reasonText,
        String documentType,
        Instant appliedAt,
        List<Signature> signatures,
        Optional<Issue> issued) {

    private static final String RULE = "5.34";

    /** One signer's decision: approved, or refused with a reason. */
    public record Signature(Signer signer, String by, boolean approved, String reason, Instant at) {}

    /** The individual statement: who issued it, when, and its validity (5.35). */
    public record Issue(String by, Validity validity) {}

    /** Where an application stands. EXPIRED is an issued statement whose 14 days are over (5.35). */
    public enum Status {
        AWAITING_DEAN,
        AWAITING_DIRECTOR,
        AWAITING_VICE_RECTOR,
        REFUSED,
        APPROVED,
        ISSUED,
        EXPIRED;

        public String code() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    public Statement {
        signatures = List.copyOf(signatures);
    }

    /** A new application, awaiting the dean. */
    public static Statement apply(
            String id, String studentId, String examId, Reason reason, String text, String type, Instant at) {
        return new Statement(id, studentId, examId, reason, text, type, at, List.of(), Optional.empty());
    }

    public Status status(Instant now) {
        if (issued.isPresent())
            return issued.get().validity().validAt(now)
                            || now.isBefore(issued.get().validity().from())
                    ? Status.ISSUED
                    : Status.EXPIRED;
        if (signatures.stream().anyMatch(s -> !s.approved())) return Status.REFUSED;
        return awaited().map(Statement::awaiting).orElse(Status.APPROVED);
    }

    private static Status awaiting(Signer s) {
        return switch (s) {
            case DEAN -> Status.AWAITING_DEAN;
            case DIRECTOR -> Status.AWAITING_DIRECTOR;
            case VICE_RECTOR -> Status.AWAITING_VICE_RECTOR;
        };
    }

    /** 5.34: a student has one open application per exam; after a refusal they may apply again. */
    public boolean open(Instant now) {
        return status(now) != Status.REFUSED;
    }

    /** The signer whose signature is awaited, if the application awaits one. */
    public Optional<Signer> awaited() {
        if (issued.isPresent() || signatures.stream().anyMatch(s -> !s.approved())) return Optional.empty();
        return signatures.size() < Signer.ORDER.size()
                ? Optional.of(Signer.ORDER.get(signatures.size()))
                : Optional.empty();
    }

    /**
     * 5.34: the awaited signer approves or refuses. The caller must hold the awaited signer's role (a caller holding
     * only another signer's role is refused with the signer awaited), and may not sign twice.
     */
    public Statement sign(String by, Set<Role> roles, boolean approve, String why, Instant now) {
        Signer next = awaited()
                .orElseThrow(() ->
                        Refusal.of(StatementRefusal.STATEMENT_NOT_AWAITING, RULE, StatementWords.status(status(now))));
        if (!roles.contains(next.role()))
            throw Refusal.of(StatementRefusal.STATEMENT_WRONG_SIGNER, RULE, StatementWords.signer(next));
        if (signatures.stream().anyMatch(s -> s.by().equals(by)))
            throw Refusal.of(StatementRefusal.STATEMENT_SIGNED_ALREADY, RULE);
        List<Signature> more = new ArrayList<>(signatures);
        more.add(new Signature(next, by, approve, approve ? "" : why, now));
        return new Statement(id, studentId, examId, reason, reasonText, documentType, appliedAt, more, issued);
    }

    /**
     * 5.34-5.35: the dean's office issues the individual statement once all three approved; valid from now for the
     * days of {@link Validity}. {@code attemptStatus} is the student's attempt at the exam, if any: a student who sat
     * (or is sitting) the exam gets no statement, their result stands.
     */
    public Statement issue(String by, Instant now, java.time.ZoneId zone, Optional<String> attemptStatus) {
        Status s = status(now);
        if (s != Status.APPROVED)
            throw Refusal.of(StatementRefusal.STATEMENT_NOT_APPROVED, RULE, StatementWords.status(s));
        if (attemptStatus.isPresent())
            throw Refusal.of(
                    StatementRefusal.STATEMENT_ATTEMPT_EXISTS, RULE, StatementWords.attempt(attemptStatus.get()));
        return new Statement(
                id,
                studentId,
                examId,
                reason,
                reasonText,
                documentType,
                appliedAt,
                signatures,
                Optional.of(new Issue(by, Validity.issued(now, zone))));
    }
}
