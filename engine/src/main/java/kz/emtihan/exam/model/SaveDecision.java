package kz.emtihan.exam.model;

/**
 * Whether an answer may be stored (the rule {@code save-answer.lua} applies atomically). 5.20.3: time is
 * enforced; a resend after a lost acknowledgement must not store an older answer over a newer one.
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
