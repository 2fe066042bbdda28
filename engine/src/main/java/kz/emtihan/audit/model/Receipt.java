package kz.emtihan.audit.model;

/**
 * What was submitted, signed: anyone holding the public key can check that the engine issued it, and the
 * engine can check that the stored log and answers still hash to {@code chainHead} and {@code answersDigest}.
 */
public record Receipt(
        String attemptId,
        String studentId,
        String examId,
        String status,
        String answersDigest,
        int events,
        String chainHead,
        String submittedAt) {
    /** The exact bytes the signature covers. */
    public String signedText() {
        return String.join(
                "\n",
                "emtihan-receipt-v1",
                attemptId,
                studentId,
                examId,
                status,
                answersDigest,
                Integer.toString(events),
                chainHead,
                submittedAt);
    }
}
