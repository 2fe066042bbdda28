package kz.emtihan.exam;

import kz.emtihan.refusal.Kind;
import kz.emtihan.refusal.RefusalCode;

/**
 * The exam context's refusals (exams, rosters, attempts, receipts). Sentences: {@code refusals_<lang>.properties} in
 * this package; the words they use (what was not found, what is wrong with a field) are {@link ExamWords}.
 */
public enum ExamRefusal implements RefusalCode {
    /** 5.20.3 and 7.6: the plan breaks a limit of its kind; {@code rule} the clause, {@code problem} the first one. */
    EXAM_BEYOND_LIMITS("exam-beyond-limits", Kind.INVALID, "rule", "problem"),
    /** 5.16, 5.20.1-5.20.3: the window breaks a schedule rule; {@code rule} the clause, {@code problem} the first one. */
    SCHEDULE_RULE("schedule-rule", Kind.CONFLICT, "rule", "problem"),
    /** 5.36-5.38: the exam cannot be a retake of the one it names; {@code rule} the clause, {@code problem} the first. */
    RETAKE_REFUSED("retake-refused", Kind.CONFLICT, "rule", "problem"),
    /** 5.36-5.38: {@code count} students of a retake's roster may not retake; each is a problem with its index. */
    RETAKE_ROSTER("retake-roster", Kind.CONFLICT, "count"),
    /** {@code count} roster entries are wrong; each is a problem with its index (its line in a CSV upload). */
    INVALID_ROSTER("invalid-roster", Kind.INVALID, "count"),
    /** 5.30: the student's admission rating is below the regulation's minimum. */
    NOT_ADMITTED("not-admitted", Kind.FORBIDDEN, "rating", "minimum"),
    EXAM_NOT_OPEN("exam-not-open", Kind.CONFLICT, "opensAt", "closesAt"),
    /** 5.20.3: one attempt per exam, and it is used; {@code status} names how it ended. */
    ATTEMPT_FINISHED("attempt-finished", Kind.CONFLICT, "status"),
    ATTEMPT_CLOSED("attempt-closed", Kind.CONFLICT),
    ATTEMPT_OPEN("attempt-open", Kind.CONFLICT),
    NO_RECEIPT("no-receipt", Kind.CONFLICT),
    /** 5.17.2: a proctored attempt takes no answer and shows no question before the identity photos are in. */
    IDENTITY_REQUIRED("identity-required", Kind.CONFLICT),
    IDENTITY_PENDING("identity-pending", Kind.CONFLICT),
    UNKNOWN_QUESTION("unknown-question", Kind.INVALID, "question"),
    UNKNOWN_OPTION("unknown-option", Kind.INVALID, "option", "question"),
    SINGLE_ANSWER("single-answer", Kind.INVALID, "question");

    private final Declared declared;

    ExamRefusal(String code, Kind kind, String... args) {
        this.declared = new Declared(code, kind, args);
    }

    @Override
    public Declared declared() {
        return declared;
    }
}
