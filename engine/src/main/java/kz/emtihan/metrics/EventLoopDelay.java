package kz.emtihan.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import java.util.concurrent.TimeUnit;

/**
 * issue 14 (5): how late an event loop runs a timer it set {@value #EVERY_MILLIS} ms earlier, as Node's
 * monitorEventLoopDelay measures it: 0 on an idle loop, the length of whatever held the loop otherwise. One instance per
 * event loop (the engine deploys as many as there are loops; Vert.x hands contexts to loops in turn), ten timers a
 * second each.
 */
final class EventLoopDelay extends VerticleBase {
    static final long EVERY_MILLIS = 100;
    private final MeterRegistry registry;
    private Timer delay;
    private long timer = -1;
    private volatile boolean stopped;

    EventLoopDelay(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public Future<?> start() {
        delay = Timer.builder("emtihan.event.loop.delay")
                .description("How late an event loop runs a timer due every " + EVERY_MILLIS
                        + " ms: the time something else held the loop")
                .serviceLevelObjectives(MetricsSetup.LATENCY_BUCKETS)
                .register(registry);
        arm();
        return Future.succeededFuture();
    }

    private void arm() {
        long due = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(EVERY_MILLIS);
        timer = vertx.setTimer(EVERY_MILLIS, t -> {
            delay.record(Math.max(0, System.nanoTime() - due), TimeUnit.NANOSECONDS);
            if (!stopped) arm();
        });
    }

    @Override
    public Future<?> stop() {
        stopped = true;
        vertx.cancelTimer(timer);
        return Future.succeededFuture();
    }
}
