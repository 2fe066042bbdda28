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
 *
 * <p>Issue 14 (2): the work lists are per exam (in the exam's Cluster slot); a sweep reads those of every exam in the
 * {@link SweepIndex}, first moving what the global lists of an older store still hold ({@link LegacySets}), and ends
 * by letting idle exams leave the index.
 */
final class AttemptSweep {
    private static final Logger log = LoggerFactory.getLogger(AttemptSweep.class);
    private final RedisStore redis;
    private final AttemptStore store;
    private final AttemptGrading grading;
    private final Regulation regulation;
    private final SweepIndex index;
    private final LegacySets legacy;

    /** One attempt of one exam on the work list. */
    private record Due(String examId, String attemptId) {}

    AttemptSweep(
            RedisStore redis, AttemptStore store, AttemptGrading grading, Regulation regulation, SweepIndex index) {
        this.redis = redis;
        this.store = store;
        this.grading = grading;
        this.regulation = regulation;
        this.index = index;
        this.legacy = new LegacySets(redis.redis(), index);
    }

    /** Times out every attempt whose deadline + grace has passed and grades what is left ungraded; how many it closed. */
    Future<Integer> finaliseDue(int batch, int lanes) {
        long grace = regulation.answerGrace().toMillis();
        return legacy.untilEmpty(batch)
                .recover(err -> {
                    log.warn("deadline sweep: moving the global work lists of before failed: {}", err.getMessage());
                    return Future.succeededFuture(0);
                })
                .compose(x -> Future.all(redis.time(), SweepIndex.exams(redis.redis())))
                .compose(both -> {
                    long now = both.<java.time.Instant>resultAt(0).toEpochMilli();
                    List<String> exams = both.resultAt(1);
                    return drain(exams, now - grace, grace, batch, lanes, 0)
                            .compose(closed -> gradeLeft(exams, batch, lanes).map(closed))
                            .compose(closed -> index.prune(now)
                                    .otherwise(err -> {
                                        log.warn("deadline sweep: pruning the exam index failed: {}", err.getMessage());
                                        return 0;
                                    })
                                    .map(closed));
                });
    }

    private Future<Integer> drain(
            List<String> exams, long dueBefore, long grace, int batch, int lanes, int closedSoFar) {
        List<Future<List<String>>> reads =
                exams.stream().map(e -> index.due(e, dueBefore, batch)).toList();
        return Future.all(reads).compose(read -> {
            List<Due> due = new ArrayList<>();
            List<String> full = new ArrayList<>(); // exams whose read came back full: more may be due there
            for (int i = 0; i < exams.size(); i++) {
                List<String> ids = read.resultAt(i);
                for (String id : ids) due.add(new Due(exams.get(i), id));
                if (ids.size() >= batch) full.add(exams.get(i));
            }
            Collections.shuffle(due); // several nodes read the same batch: each starts elsewhere in it
            return SweepLanes.run(due, lanes, d -> timeOut(d, grace)).compose(t -> {
                if (t.failed() > 0) warn("timing out", t);
                int closed = closedSoFar + t.closedHere();
                return SweepRule.another(full.isEmpty() ? 0 : batch, batch, t.progressed())
                        ? drain(full, dueBefore, grace, batch, lanes, closed)
                        : Future.succeededFuture(closed);
            });
        });
    }

    /** Grades what is finalised and not graded (a node died between the two), up to a batch per exam. */
    private Future<Void> gradeLeft(List<String> exams, int batch, int lanes) {
        List<Future<List<String>>> reads =
                exams.stream().map(e -> index.ungraded(e, batch)).toList();
        return Future.all(reads).compose(read -> {
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < exams.size(); i++) ids.addAll(read.<List<String>>resultAt(i));
            return SweepLanes.run(ids, lanes, id -> grading.grade(id).map(SweepLanes.Outcome.LEFT))
                    .map(t -> {
                        if (t.failed() > 0) warn("grading", t);
                        return (Void) null;
                    });
        });
    }

    /**
     * Closes the attempt if it is still open and grades it if this call closed it. A grading failure leaves the attempt
     * in the to-grade set, which the end of the sweep (and every later one) grades again.
     */
    private Future<SweepLanes.Outcome> timeOut(Due d, long grace) {
        return store.finalise(d.examId(), d.attemptId(), true, grace, "server").compose(r -> switch (r[0]) {
            case "finalised" ->
                grading.grade(d.attemptId())
                        .map(SweepLanes.Outcome.CLOSED_HERE)
                        .otherwise(SweepLanes.Outcome.CLOSED_HERE);
            case "already", "missing" -> Future.succeededFuture(SweepLanes.Outcome.LEFT); // off the list now
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
