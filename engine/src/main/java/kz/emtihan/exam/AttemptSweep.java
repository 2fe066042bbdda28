package kz.emtihan.exam;

import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import kz.emtihan.config.Regulation;
import kz.emtihan.exam.model.SweepRule;
import kz.emtihan.store.RedisStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * DESIGN.md "Time": attempts end at deadline + grace on the store's clock even when the student has vanished, and
 * whatever was finalised but not graded (a node died between the two) is graded. Run by {@link SweeperVerticle}.
 *
 * <p>Issue 14 (9): one call drains everything due, batch after batch while a batch comes back full ({@link SweepRule}),
 * with at most {@code lanes} attempts in flight. Several nodes may sweep at once: finalise-attempt.lua closes an
 * attempt once (it acts only on an attempt still in progress), and only the node whose call closed it grades it; an
 * attempt closed by a node that died before grading stays in the to-grade set, which every sweep ends with. Each node
 * works through its batch in its own random order, so two nodes mostly close different attempts.
 */
final class AttemptSweep {
    private static final Logger log = LoggerFactory.getLogger(AttemptSweep.class);
    private final RedisStore redis;
    private final AttemptStore store;
    private final AttemptGrading grading;
    private final Regulation regulation;

    AttemptSweep(RedisStore redis, AttemptStore store, AttemptGrading grading, Regulation regulation) {
        this.redis = redis;
        this.store = store;
        this.grading = grading;
        this.regulation = regulation;
    }

    /** Times out every attempt whose deadline + grace has passed and grades what is left ungraded; how many it closed. */
    Future<Integer> finaliseDue(int batch, int lanes) {
        long grace = regulation.answerGrace().toMillis();
        return redis.time()
                .compose(now -> drain(now.toEpochMilli() - grace, grace, batch, lanes, 0))
                .compose(closed -> store.ungraded(batch)
                        .compose(ids -> SweepLanes.run(
                                ids, lanes, id -> grading.grade(id).map(SweepLanes.Outcome.LEFT)))
                        .map(t -> {
                            if (t.failed() > 0) warn("grading", t);
                            return closed;
                        }));
    }

    private Future<Integer> drain(long dueBefore, long grace, int batch, int lanes, int closedSoFar) {
        return store.due(dueBefore, batch).compose(due -> {
            List<String> ids = new ArrayList<>(due);
            Collections.shuffle(ids); // several nodes read the same batch: each starts elsewhere in it
            return SweepLanes.run(ids, lanes, id -> timeOut(id, grace)).compose(t -> {
                if (t.failed() > 0) warn("timing out", t);
                int closed = closedSoFar + t.closedHere();
                return SweepRule.another(due.size(), batch, t.progressed())
                        ? drain(dueBefore, grace, batch, lanes, closed)
                        : Future.succeededFuture(closed);
            });
        });
    }

    /**
     * Closes the attempt if it is still open and grades it if this call closed it. A grading failure leaves the attempt
     * in the to-grade set, which the end of the sweep (and every later one) grades again.
     */
    private Future<SweepLanes.Outcome> timeOut(String id, long grace) {
        return store.finalise(id, true, grace, "server").compose(r -> switch (r[0]) {
            case "finalised" ->
                grading.grade(id).map(SweepLanes.Outcome.CLOSED_HERE).otherwise(SweepLanes.Outcome.CLOSED_HERE);
            case "already" -> Future.succeededFuture(SweepLanes.Outcome.LEFT);
            default -> Future.succeededFuture(SweepLanes.Outcome.STAYED);
        });
    }

    private static void warn(String what, SweepLanes.Tally t) {
        log.warn(
                "deadline sweep: {} failed for {} attempt(s), retried next tick: {}",
                what,
                t.failed(),
                t.firstFailure() == null ? "" : t.firstFailure().getMessage());
    }
}
