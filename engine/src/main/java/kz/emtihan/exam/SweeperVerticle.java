package kz.emtihan.exam;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finalises attempts at their deadline even when the student has vanished (DESIGN.md "Time"), and grades
 * any finalised attempt left ungraded. Never overlaps itself: the next sweep is scheduled when one ends.
 * Safe on several nodes: finalising is a Lua script that acts once.
 *
 * <p>Issue 14 (9): a tick drains everything due, {@code batch} attempts per read and at most {@code lanes} in flight
 * (AttemptSweep), instead of one batch per tick: 10,000 attempts with one deadline took 78.6 s at 200 a tick.
 */
public final class SweeperVerticle extends VerticleBase {
    private static final Logger log = LoggerFactory.getLogger(SweeperVerticle.class);
    private final Attempts attempts;
    private final Duration interval;
    private final int batch;
    private final int lanes;
    private long timer = -1;
    private volatile boolean stopped;

    public SweeperVerticle(Attempts attempts, Duration interval, int batch, int lanes) {
        this.attempts = attempts;
        this.interval = interval;
        this.batch = batch;
        this.lanes = lanes;
    }

    @Override
    public Future<?> start() {
        timer = vertx.setTimer(interval.toMillis(), t -> sweep());
        return Future.succeededFuture();
    }

    private void sweep() {
        long from = System.nanoTime();
        attempts.finaliseDue(batch, lanes)
                .onSuccess(n -> {
                    if (n > 0)
                        log.info(
                                "timed out {} attempt(s) at their deadline in {} ms",
                                n,
                                (System.nanoTime() - from) / 1_000_000);
                })
                .onFailure(err ->
                        log.warn("deadline sweep failed; retrying in {} ms: {}", interval.toMillis(), err.getMessage()))
                .onComplete(done -> {
                    if (!stopped) timer = vertx.setTimer(interval.toMillis(), t -> sweep());
                });
    }

    @Override
    public Future<?> stop() {
        stopped = true;
        vertx.cancelTimer(timer);
        return Future.succeededFuture();
    }
}
