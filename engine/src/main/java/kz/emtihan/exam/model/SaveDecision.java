package kz.emtihan.exam.model;

/**
 * Whether an answer may be stored: the rule {@code save-answer.lua} applies atomically against the store's clock (the
 * script alone decides at run time; this is the rule stated in Java for reading and for unit tests). 5.20.3: time is
 * enforced; a resend after a lost acknowledgement must not store an older answer over a newer one. {@code
 * SaveDecisionTest} and {@code SaveAnswerContractTest} hold this enum and the script to one case table
 * ({@code SaveDecisionCases}), so they cannot drift apart.
 */
public enum SaveDecision {
    STORE,
    ALREADY_STORED,
    CLOSED;

    /** @param graceMillis answers reaching the server this long after the deadline are still taken (regulation.yaml) */
    public static SaveDecision of(
            long storedSeq,
            long incomingSeq,
            boolean inProgress,
            long nowMillis,
            long deadlineMillis,
            long graceMillis) {
        if (!inProgress || nowMillis >= deadlineMillis + graceMillis) return CLOSED;
        return incomingSeq <= storedSeq ? ALREADY_STORED : STORE;
    }
}
