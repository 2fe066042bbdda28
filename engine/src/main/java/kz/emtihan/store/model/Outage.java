package kz.emtihan.store.model;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Issue 14 (4): whether the store answers, fed by every failed or successful Redis call and a periodic PING. It
 * reports a change only when the state changes, so the log says once that the store is down and once that it is
 * back (with how long it was away), however many requests met the outage in between.
 */
public final class Outage {
    private Instant downSince;

    /** What a report changed: nothing, the store went down, or it came back after {@code away}. */
    public sealed interface Change {}

    public record WentDown(Instant at) implements Change {}

    public record CameBack(Instant at, Duration away) implements Change {}

    /** A call could not reach the store. */
    public synchronized Optional<Change> unreachable(Instant now) {
        if (downSince != null) return Optional.empty();
        downSince = now;
        return Optional.of(new WentDown(now));
    }

    /** A call reached the store. */
    public synchronized Optional<Change> reachable(Instant now) {
        if (downSince == null) return Optional.empty();
        Duration away = Duration.between(downSince, now);
        downSince = null;
        return Optional.of(new CameBack(now, away.isNegative() ? Duration.ZERO : away));
    }

    public synchronized boolean down() {
        return downSince != null;
    }

    /** How a duration reads in the log: {@code 2.4 s}, {@code 3 min 5 s}. */
    public static String describe(Duration d) {
        long millis = d.toMillis();
        if (millis < 60_000) return String.format(java.util.Locale.ROOT, "%.1f s", millis / 1000.0);
        long seconds = d.toSeconds();
        if (seconds < 3600) return seconds / 60 + " min " + seconds % 60 + " s";
        return seconds / 3600 + " h " + (seconds % 3600) / 60 + " min";
    }
}
