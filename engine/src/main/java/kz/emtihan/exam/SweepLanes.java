package kz.emtihan.exam;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.List;
import java.util.function.Function;

/**
 * Issue 14 (9): runs one job per attempt with at most {@code lanes} in flight, so a sweep of 10,000 attempts neither
 * queues 10,000 scripts ahead of the students' saves in the Redis pool nor idles between batches. Each job answers
 * whether the attempt left the work list; a failed job is counted, not fatal, and the others go on.
 */
final class SweepLanes<T> {
    /** How many jobs moved their attempt off the work list, how many of those this node closed, and how many failed. */
    record Tally(int progressed, int closedHere, int failed, Throwable firstFailure) {}

    /** What a job found: the attempt left the work list; this node closed it. */
    enum Outcome {
        STAYED,
        LEFT,
        CLOSED_HERE
    }

    private final List<T> ids;
    private final Function<T, Future<Outcome>> job;
    private final int lanes;
    private final Promise<Tally> done = Promise.promise();
    private int next;
    private int inFlight;
    private int progressed;
    private int closedHere;
    private int failed;
    private Throwable firstFailure;

    private SweepLanes(List<T> ids, int lanes, Function<T, Future<Outcome>> job) {
        this.ids = ids;
        this.lanes = Math.max(1, lanes);
        this.job = job;
    }

    static <T> Future<Tally> run(List<T> ids, int lanes, Function<T, Future<Outcome>> job) {
        SweepLanes<T> l = new SweepLanes<>(ids, lanes, job);
        l.pump();
        return l.done.future();
    }

    // synchronized: completions may arrive on another thread when the caller is not on a Vert.x context (tests)
    private synchronized void pump() {
        while (inFlight < lanes && next < ids.size()) {
            T id = ids.get(next++);
            inFlight++;
            Future<Outcome> f;
            try {
                f = job.apply(id);
            } catch (RuntimeException e) {
                f = Future.failedFuture(e);
            }
            f.onComplete(ar -> finished(ar.succeeded() ? ar.result() : null, ar.cause()));
        }
        if (inFlight == 0 && next >= ids.size())
            done.tryComplete(new Tally(progressed, closedHere, failed, firstFailure));
    }

    private synchronized void finished(Outcome o, Throwable err) {
        inFlight--;
        if (o == null) {
            failed++;
            if (firstFailure == null) firstFailure = err;
        } else if (o != Outcome.STAYED) {
            progressed++;
            if (o == Outcome.CLOSED_HERE) closedHere++;
        }
        pump();
    }
}
