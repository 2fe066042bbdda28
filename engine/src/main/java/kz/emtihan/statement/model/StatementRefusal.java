package kz.emtihan.statement.model;

import kz.emtihan.refusal.Kind;
import kz.emtihan.refusal.RefusalCode;

/**
 * Refusals of extensions, individual statements (5.34-5.35) and per-student accommodations. Sentences: {@code
 * kz/emtihan/statement/model/refusals_<lang>.properties}; each rule's refusal names its clause in {@code rule} and in
 * the sentence. The words of its arguments (signers, statuses) are {@link StatementWords}.
 */
public enum StatementRefusal implements RefusalCode {
    /** 5.34: the student already has an application for this exam awaiting signatures, approved or issued. */
    STATEMENT_OPEN("statement-open", Kind.CONFLICT, "rule", "status"),
    /** 5.34: the signatures go dean, director, vice-rector; {@code awaited} is the signer awaited now. */
    STATEMENT_WRONG_SIGNER("statement-wrong-signer", Kind.CONFLICT, "rule", "awaited"),
    /** 5.34: the application is no longer awaiting a signature ({@code status} says where it stands). */
    STATEMENT_NOT_AWAITING("statement-not-awaiting", Kind.CONFLICT, "rule", "status"),
    /** 5.34: three different people sign; this caller has signed it already. */
    STATEMENT_SIGNED_ALREADY("statement-signed-already", Kind.CONFLICT, "rule"),
    /** 5.34: the dean's office issues the statement only once all three have approved, and only once. */
    STATEMENT_NOT_APPROVED("statement-not-approved", Kind.CONFLICT, "rule", "status"),
    /** 5.34: the student has an attempt at the exam already; the statement is for a student who did not sit. */
    STATEMENT_ATTEMPT_EXISTS("statement-attempt-exists", Kind.CONFLICT, "rule", "status"),
    /** 5.35: the individual statement's 14 days are over; a grade after that does not count. */
    STATEMENT_EXPIRED("statement-expired", Kind.CONFLICT, "rule", "until"),
    /** The scanned document is not a PDF, JPEG or PNG by its own bytes, or is empty or too large. */
    BAD_SCAN("bad-scan", Kind.INVALID, "maxKb");

    private final Declared declared;

    StatementRefusal(String code, Kind kind, String... args) {
        this.declared = new Declared(code, kind, args);
    }

    @Override
    public Declared declared() {
        return declared;
    }
}
