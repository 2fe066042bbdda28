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
 */
public final class SweeperVerticle extends VerticleBase {
    private static final Logger log = LoggerFactory.getLogger(SweeperVerticle.class);
    private final Attempts attempts;
    private final Duration interval;
    private final int batch;
    private long timer = -1;
    private volatile boolean stopped;

    public SweeperVerticle(Attempts attempts, Duration interval, int batch) {
        this.attempts = attempts;
        this.interval = interval;
        this.batch = batch;
    }

    @Override
    public Future<?> start() {
        timer = vertx.setTimer(interval.toMillis(), t -> sweep());
        return Future.succeededFuture();
    }

    private void sweep() {
        attempts.finaliseDue(batch)
                .onSuccess(n -> {
                    if (n > 0) log.info("timed out {} attempt(s) at their deadline", n);
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
