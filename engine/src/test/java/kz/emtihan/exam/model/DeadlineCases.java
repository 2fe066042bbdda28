package kz.emtihan.exam.model;

import java.util.List;

/**
 * The one case table of the deadline rule (5.20.3, 5.17.2): {@link DeadlineRuleTest} holds {@link Deadline} to it;
 * {@code StartAttemptContractTest} and {@code ReleaseHoldContractTest} hold start-attempt.lua and release-hold.lua,
 * run on a real Redis, to the same rows. The window's close is given relative to the moment the questions are first
 * served; rows are at least a minute from any tie, so the store's clock moving on during a run changes no row.
 */
public final class DeadlineCases {
    private DeadlineCases() {}

    /** Which bound ends the attempt. */
    public enum Bound {
        /** first served + duration */
        DURATION,
        /** the window's close */
        WINDOW_CLOSE
    }

    /**
     * @param held the attempt waits for its identity step: its clock has not started (start-attempt.lua only; a
     *     release always starts the clock)
     */
    public record Case(String name, long durationMillis, long closesAfterServed, boolean held, Bound expected) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static final long MINUTE = 60_000;

    public static List<Case> all() {
        return List.of(
                new Case("50 minutes well inside the window", 50 * MINUTE, 6 * 60 * MINUTE, false, Bound.DURATION),
                new Case(
                        "a start near the close gets only what is left",
                        50 * MINUTE,
                        20 * MINUTE,
                        false,
                        Bound.WINDOW_CLOSE),
                new Case(
                        "one minute short of the close: the duration still ends it",
                        50 * MINUTE,
                        51 * MINUTE,
                        false,
                        Bound.DURATION),
                new Case(
                        "one minute past the close: the close ends it",
                        50 * MINUTE,
                        49 * MINUTE,
                        false,
                        Bound.WINDOW_CLOSE),
                new Case(
                        "a held attempt is bounded by the close only",
                        50 * MINUTE,
                        6 * 60 * MINUTE,
                        true,
                        Bound.WINDOW_CLOSE),
                new Case(
                        "a held attempt near the close: the close",
                        50 * MINUTE,
                        20 * MINUTE,
                        true,
                        Bound.WINDOW_CLOSE));
    }

    /** The rows where the clock starts at once (start-attempt.lua unheld, release-hold.lua). */
    public static List<Case> clockStarted() {
        return all().stream().filter(c -> !c.held()).toList();
    }
}
