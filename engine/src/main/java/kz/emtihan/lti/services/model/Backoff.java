package kz.emtihan.lti.services.model;

import java.time.Duration;
import java.util.List;

/**
 * Issue 16 (3): how long a grade the platform did not accept waits before the next try, and when the tool stops
 * trying. The n-th retry waits {@code steps[n-1]}; past the list the last step repeats (the cap). A job first queued
 * more than {@code giveUpAfter} ago is given up (state failed) at its next failure.
 */
public record Backoff(List<Duration> steps, Duration giveUpAfter) {
    /** 10 s, 1 min, 5 min, 30 min, then every hour; given up after a day. */
    public static final Backoff DEFAULT = new Backoff(
            List.of(
                    Duration.ofSeconds(10),
                    Duration.ofMinutes(1),
                    Duration.ofMinutes(5),
                    Duration.ofMinutes(30),
                    Duration.ofHours(1)),
            Duration.ofDays(1));

    public Backoff {
        if (steps.isEmpty()) throw new IllegalArgumentException("at least one step");
        steps = List.copyOf(steps);
        for (Duration d : steps)
            if (d.isNegative() || d.isZero()) throw new IllegalArgumentException("steps must be positive: " + d);
    }

    /** How long to wait after the {@code failures}-th failed try (1 = the first). */
    public Duration delayAfter(int failures) {
        int i = Math.max(0, Math.min(failures, steps.size()) - 1);
        return steps.get(i);
    }

    /** Whether a job queued at {@code queuedAtMs} that failed again at {@code nowMs} is given up. */
    public boolean givesUp(long queuedAtMs, long nowMs) {
        return nowMs - queuedAtMs >= giveUpAfter.toMillis();
    }
}
