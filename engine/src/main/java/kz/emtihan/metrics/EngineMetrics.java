package kz.emtihan.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * issue 14 (5): the engine's own meters, counted where each thing happens (one call per event, no allocation beyond a
 * counter's increment once its label value has been seen). Labels are kinds and outcomes from fixed sets, never a
 * person, an attempt or an exam: nothing personal reaches {@code /metrics}. A context finds the meters of its engine by
 * its {@link Vertx} ({@link #of}); without metrics (disabled, or a unit test that wires a context alone) every call is
 * a no-op on Micrometer's empty composite registry.
 */
public final class EngineMetrics {
    /** Every meter a no-op: metrics off. */
    public static final EngineMetrics NONE = new EngineMetrics(new CompositeMeterRegistry());

    private static final Map<Vertx, EngineMetrics> BY_VERTX = new ConcurrentHashMap<>();

    private final MeterRegistry registry;
    private final Counter started;
    private final Map<String, Counter> finished = new ConcurrentHashMap<>();
    private final Map<String, Counter> saves = new ConcurrentHashMap<>();
    private final Map<String, Counter> flags = new ConcurrentHashMap<>();
    private final Map<String, Counter> uploads = new ConcurrentHashMap<>();
    private final Map<String, Counter> stored = new ConcurrentHashMap<>();
    private final Timer faceAnalysis;
    private final AtomicLong sockets = new AtomicLong();
    private final AtomicLong openAttempts = new AtomicLong();
    private final AtomicLong sweeperLagMillis = new AtomicLong();
    private volatile MetricsSetup setup;

    EngineMetrics(MeterRegistry registry) {
        this.registry = registry;
        started = Counter.builder("emtihan.started.attempts")
                .description("Attempts created on this node (a resumed attempt is not counted again)")
                .baseUnit("attempts")
                .register(registry);
        faceAnalysis = Timer.builder("emtihan.face.analysis")
                .description("Time to analyse one camera snapshot or photo for faces (YuNet), on a worker thread")
                .serviceLevelObjectives(MetricsSetup.LATENCY_BUCKETS)
                .register(registry);
        Gauge.builder("emtihan.live.sockets", sockets, AtomicLong::get)
                .description("Live sockets (/api/v1/ws) open on this node")
                .baseUnit("sockets")
                .register(registry);
        Gauge.builder("emtihan.open.attempts", openAttempts, AtomicLong::get)
                .description("Attempts still open (started, not finalised) in the whole store, read at scrape time")
                .baseUnit("attempts")
                .register(registry);
        Gauge.builder("emtihan.sweeper.lag", sweeperLagMillis, v -> v.get() / 1000.0)
                .description(
                        "How long past deadline + grace the oldest attempt still open is (0: the sweeper keeps up),"
                                + " on the store's clock, read at scrape time")
                .baseUnit("seconds")
                .register(registry);
        for (String how : new String[] {"submitted", "timed-out", "terminated"}) attemptFinished(how, 0);
        for (String outcome : new String[] {"stored", "already"}) answerSaved(outcome, 0);
    }

    /** The meters of this engine, or {@link #NONE}. */
    public static EngineMetrics of(Vertx vertx) {
        return vertx == null ? NONE : BY_VERTX.getOrDefault(vertx, NONE);
    }

    static void register(Vertx vertx, EngineMetrics metrics, MetricsSetup setup) {
        metrics.setup = setup;
        BY_VERTX.put(vertx, metrics);
    }

    /** The engine's metrics set-up, or null without metrics. */
    MetricsSetup setup() {
        return setup;
    }

    static void forget(Vertx vertx) {
        BY_VERTX.remove(vertx);
    }

    MeterRegistry registry() {
        return registry;
    }

    /** start-attempt.lua answered: counted when it created the attempt (not when it resumed one). */
    public void attemptStarted(boolean created) {
        if (created) started.increment();
    }

    /**
     * finalise-attempt.lua answered {@code outcome}: counted when it is {@code finalised} (not already, not-due, held),
     * as {@code how}: submitted, timed-out or terminated.
     */
    public void attemptFinished(String outcome, String how) {
        if ("finalised".equals(outcome)) attemptFinished(how, 1);
    }

    private void attemptFinished(String how, int n) {
        counter(
                        finished,
                        how,
                        k -> Counter.builder("emtihan.finished.attempts")
                                .description(
                                        "Attempts finalised on this node, by how they ended: submitted by the student,"
                                                + " timed-out by the deadline sweeper, terminated by a proctor")
                                .baseUnit("attempts")
                                .tag("how", k))
                .increment(n);
    }

    /** One answer save answered by save-answer.lua: stored, already (a stale seq), closed, held-..., missing. */
    public void answerSaved(String outcome) {
        answerSaved(outcome, 1);
    }

    private void answerSaved(String outcome, int n) {
        counter(
                        saves,
                        outcome,
                        k -> Counter.builder("emtihan.answer.saves")
                                .description(
                                        "Answer saves handled by this node, by save-answer.lua's outcome: stored, already"
                                                + " (a stale seq, answered with the stored one), closed, held-identity, held-approval,"
                                                + " statement-expired, missing")
                                .baseUnit("saves")
                                .tag("outcome", k))
                .increment(n);
    }

    /** A proctoring flag stored (raise-flag.lua), by its kind (no-face, multiple-faces, tab-hidden, ...). */
    public void flagRaised(String kind) {
        counter(
                        flags,
                        kind,
                        k -> Counter.builder("emtihan.raised.flags")
                                .description("Proctoring flags raised on this node, by kind")
                                .baseUnit("flags")
                                .tag("kind", k))
                .increment();
    }

    /** An upload accepted and stored: {@code kind} recording-chunk, snapshot, identity-photo; {@code bytes} kept. */
    public void uploaded(String kind, long bytes) {
        counter(
                        uploads,
                        kind,
                        k -> Counter.builder("emtihan.uploads")
                                .description("Evidence uploads stored by this node, by kind: recording-chunk, snapshot,"
                                        + " identity-photo")
                                .baseUnit("uploads")
                                .tag("kind", k))
                .increment();
        counter(
                        stored,
                        kind,
                        k -> Counter.builder("emtihan.stored")
                                .description("Bytes of evidence stored by this node, by kind")
                                .baseUnit("bytes")
                                .tag("kind", k))
                .increment(bytes);
    }

    /** A recording chunk written (a duplicate of one already stored is not counted). */
    public void chunkStored(boolean duplicate, long bytes) {
        if (!duplicate) uploaded("recording-chunk", bytes);
    }

    /** Runs one face analysis and records how long it took. */
    public <T> T timeFaces(Supplier<T> analysis) {
        long t0 = System.nanoTime();
        try {
            return analysis.get();
        } finally {
            faceAnalysis.record(System.nanoTime() - t0, TimeUnit.NANOSECONDS);
        }
    }

    public void socketOpened() {
        sockets.incrementAndGet();
    }

    public void socketClosed() {
        sockets.decrementAndGet();
    }

    /** Runs {@code refresh} before each scrape (reads from the store for gauges); nothing without metrics. */
    public void beforeScrape(Supplier<Future<?>> refresh) {
        if (setup != null) setup.beforeScrape(refresh);
    }

    /** Set before each scrape from the store: open attempts, and the sweeper's lag in milliseconds (0 or more). */
    public void openAttempts(long open, long lagMillis) {
        openAttempts.set(open);
        sweeperLagMillis.set(Math.max(0, lagMillis));
    }

    private Counter counter(Map<String, Counter> byLabel, String label, Function<String, Counter.Builder> builder) {
        Counter c = byLabel.get(label);
        return c != null
                ? c
                : byLabel.computeIfAbsent(label, k -> builder.apply(k).register(registry));
    }
}
