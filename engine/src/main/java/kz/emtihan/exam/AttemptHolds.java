package kz.emtihan.exam;

import io.vertx.core.Future;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The hold of a proctored attempt's identity step and the start of its clock (5.17.2, issue 10, 4;
 * release-hold.lua). While held, no question is served and no answer taken; released, the questions are first
 * served and the clock starts: deadline = min(now + duration, window close) ({@code Deadline.of}).
 */
public final class AttemptHolds {
    private final AttemptReads attempts;
    private final Exams exams;
    private final AttemptStore store;
    private final Supplier<AttemptExtras> extras;

    AttemptHolds(AttemptReads attempts, Exams exams, AttemptStore store, Supplier<AttemptExtras> extras) {
        this.attempts = attempts;
        this.exams = exams;
        this.store = store;
        this.extras = extras;
    }

    /** Releases a held attempt: its questions are served and its clock starts now. The new deadline, if it was held. */
    public Future<Optional<Instant>> release(String attemptId, String actor) {
        return attempts.facts(attemptId)
                .compose(f -> exams.snapshot(f.examId()))
                .compose(snap -> store.hold(
                        attemptId, "release", snap.exam(), actor, extras.get().watchFromClock(snap.exam())))
                .map(r -> "released".equals(r[0])
                        ? Optional.of(Instant.ofEpochMilli(Long.parseLong(r[1])))
                        : Optional.empty());
    }

    /** What the hold of a held attempt now waits for: {@code identity} (the photos) or {@code approval} (a proctor's). */
    public Future<Void> waitFor(String attemptId, String what, String actor) {
        if (!what.equals("identity") && !what.equals("approval")) throw new IllegalArgumentException(what);
        return attempts.facts(attemptId)
                .compose(f -> exams.snapshot(f.examId()))
                .compose(snap -> store.hold(attemptId, what, snap.exam(), actor, List.of()))
                .mapEmpty();
    }

    /** When the attempt's clock started (its questions were first served); empty while it is held. */
    public Future<Optional<Instant>> clockStartedAt(String attemptId) {
        return store.clockStartedAt(attemptId);
    }
}
