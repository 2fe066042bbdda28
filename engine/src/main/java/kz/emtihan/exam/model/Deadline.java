package kz.emtihan.exam.model;

import java.time.Duration;
import java.time.Instant;

/**
 * 5.20.3: 50 minutes, enforced. One rule: the clock starts when the attempt's questions are first served, and
 * the window's close also ends the attempt, whichever comes first. An unproctored attempt is served at its start;
 * a proctored one that waits for its identity step (5.17.2) is served when that step releases it, so the step
 * uses up none of the student's time. Until then only the window's close bounds the attempt ({@link #whileHeld}).
 * The same rule runs inside {@code start-attempt.lua} and {@code release-hold.lua} against the store's clock, and
 * only there at run time; {@code DeadlineRuleTest}, {@code StartAttemptContractTest} and {@code
 * ReleaseHoldContractTest} hold this class and both scripts to one case table ({@code DeadlineCases}).
 */
public final class Deadline {
    private Deadline() {}

    public static Instant of(Instant firstServed, Duration duration, Instant windowCloses) {
        Instant byDuration = firstServed.plus(duration);
        return byDuration.isBefore(windowCloses) ? byDuration : windowCloses;
    }

    /** The bound of an attempt whose clock has not started: the sweeper closes it at the window's close. */
    public static Instant whileHeld(Instant windowCloses) {
        return windowCloses;
    }
}
