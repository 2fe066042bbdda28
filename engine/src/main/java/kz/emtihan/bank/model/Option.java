package kz.emtihan.bank.model;

/**
 * One answer option. The id is stable for the life of the question and says nothing about correctness.
 *
 * @param fraction the share of the question's point this option is worth, in percent as its author wrote it
 *     (100, 50, 33.33333, 0, -50...); how an attestation uses it is the configured {@code scoring.rule}
 * @param feedback what the author wrote for a student who picks it (safe HTML, possibly empty); never shown
 *     during an attempt
 * @param fixed the option keeps its place when the others are shuffled (QTI {@code fixed}, "all of the above")
 */
public record Option(String id, String text, double fraction, String feedback, boolean fixed) {
    public Option {
        feedback = feedback == null ? "" : feedback;
    }

    /** An option with no fraction of its own yet: {@link Question#plain} gives it one. */
    public Option(String id, String text) {
        this(id, text, 0, "", false);
    }
}
