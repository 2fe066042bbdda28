package kz.emtihan.lti.services;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Issue 16 (3-4): on every node, sends the grades due (every {@code poll}, the next round when one ends, at once
 * again while a round came back full) and syncs the rosters kept in step with their course (every {@code rosterSync};
 * one node per exam and period). Never overlaps itself.
 */
public final class LtiServicesVerticle extends VerticleBase {
    private static final Logger log = LoggerFactory.getLogger(LtiServicesVerticle.class);
    private final GradeWorker worker;
    private final Rosters rosters;
    private final Duration poll;
    private final Duration rosterSync;
    private long gradeTimer = -1;
    private long rosterTimer = -1;
    private volatile boolean stopped;

    private final SittingGrades sittings;
    private long sweepTimer = -1;

    private final kz.emtihan.lti.LinkNews news;

    LtiServicesVerticle(
            GradeWorker worker,
            Rosters rosters,
            Duration poll,
            Duration rosterSync,
            SittingGrades sittings,
            kz.emtihan.lti.LinkNews news) {
        this.sittings = sittings;
        this.news = news;
        this.worker = worker;
        this.rosters = rosters;
        this.poll = poll;
        this.rosterSync = rosterSync;
    }

    @Override
    public Future<?> start() {
        gradeTimer = vertx.setTimer(poll.toMillis(), t -> sendGrades());
        sweepTimer = vertx.setTimer(SWEEP.toMillis(), t -> sweepSittings());
        if (!rosterSync.isZero()) rosterTimer = vertx.setTimer(rosterSync.toMillis(), t -> syncRosters());
        return news == null ? Future.succeededFuture() : news.start(); // issue 16 (3): new links heard at once
    }

    private void sendGrades() {
        worker.sendDue()
                .onFailure(err -> log.warn("grades for LMS gradebooks: a round failed: {}", err.getMessage()))
                .onComplete(n -> {
                    if (stopped) return;
                    boolean full = n.succeeded() && n.result() >= GradeWorker.BATCH;
                    gradeTimer = vertx.setTimer(full ? 1 : poll.toMillis(), t -> sendGrades());
                });
    }

    /**
     * Issue 16 (3): how often each node queues again the final results of linked sittings (a telling that failed
     * after the result was stored is caught up within this time; a result already queued changes nothing).
     */
    static final Duration SWEEP = Duration.ofMinutes(1);

    private void sweepSittings() {
        sittings.sweep()
                .onSuccess(n -> {
                    if (n > 0) log.info("grades of sittings caught up for LMS gradebooks: {}", n);
                })
                .onFailure(err -> log.warn("grades of sittings: the sweep failed: {}", err.getMessage()))
                .onComplete(done -> {
                    if (!stopped) sweepTimer = vertx.setTimer(SWEEP.toMillis(), t -> sweepSittings());
                });
    }

    private void syncRosters() {
        rosters.syncAll(rosterSync.toMillis())
                .onSuccess(n -> {
                    if (n > 0) log.info("rosters synced with their LMS course: {} exam(s)", n);
                })
                .onFailure(err -> log.warn("roster sync with LMS courses failed: {}", err.getMessage()))
                .onComplete(done -> {
                    if (!stopped) rosterTimer = vertx.setTimer(rosterSync.toMillis(), t -> syncRosters());
                });
    }

    @Override
    public Future<?> stop() {
        stopped = true;
        vertx.cancelTimer(gradeTimer);
        vertx.cancelTimer(rosterTimer);
        vertx.cancelTimer(sweepTimer);
        if (news != null) news.close();
        return Future.succeededFuture();
    }
}
