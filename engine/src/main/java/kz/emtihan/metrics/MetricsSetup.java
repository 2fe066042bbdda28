package kz.emtihan.metrics;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.micrometer.Label;
import io.vertx.micrometer.MicrometerMetricsFactory;
import io.vertx.micrometer.MicrometerMetricsOptions;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import kz.emtihan.config.MetricsSettings;

/**
 * issue 14 (5): one Prometheus registry per engine, given to Vert.x through {@link MicrometerMetricsFactory} (HTTP
 * server by route template, pools, the Redis client, JVM) and to the engine's own meters ({@link EngineMetrics}), plus
 * the event-loop delay probe. A registry per engine, not Micrometer's global one: tests run several engines in one JVM
 * and each must count only its own.
 */
public final class MetricsSetup {
    /** Histogram buckets of every latency here: enough for p50/p95 in Grafana, few enough to keep the scrape small. */
    static final Duration[] LATENCY_BUCKETS = {
        Duration.ofMillis(1),
        Duration.ofMillis(5),
        Duration.ofMillis(10),
        Duration.ofMillis(25),
        Duration.ofMillis(50),
        Duration.ofMillis(100),
        Duration.ofMillis(250),
        Duration.ofMillis(500),
        Duration.ofSeconds(1),
        Duration.ofMillis(2500),
        Duration.ofSeconds(5),
        Duration.ofSeconds(10)
    };

    private final MetricsSettings settings;
    private final Optional<PrometheusMeterRegistry> registry;
    private final List<Supplier<Future<?>>> beforeScrape = new CopyOnWriteArrayList<>();
    private Vertx vertx;
    private int loops;

    private MetricsSetup(MetricsSettings settings) {
        this.settings = settings;
        this.registry = settings.enabled() ? Optional.of(prometheus()) : Optional.empty();
    }

    public static MetricsSetup create(MetricsSettings settings) {
        return new MetricsSetup(settings);
    }

    /** Vert.x with the metrics SPI when enabled; the engine's meters registered for it. */
    public Vertx vertx(VertxOptions options) {
        loops = options.getEventLoopPoolSize();
        if (registry.isEmpty()) {
            vertx = Vertx.vertx(options);
            return vertx;
        }
        MicrometerMetricsOptions metrics = new MicrometerMetricsOptions()
                .setEnabled(true)
                // Vert.x keeps its registries by name in a static map: one name per engine, or a second engine in the
                // same JVM (tests) would report into the first one's registry
                .setRegistryName("emtihan-" + java.util.UUID.randomUUID())
                .setJvmMetricsEnabled(true) // memory, GC, threads, class loading, CPU, uptime (Micrometer's binders)
                // route templates, never raw paths (ids) nor remote addresses (people): HTTP_PATH and REMOTE stay off
                .setLabels(java.util.EnumSet.of(
                        Label.HTTP_ROUTE,
                        Label.HTTP_METHOD,
                        Label.HTTP_CODE,
                        Label.POOL_TYPE,
                        Label.POOL_NAME,
                        Label.EB_SIDE));
        vertx = Vertx.builder()
                .with(options.setMetricsOptions(metrics))
                .withMetrics(new MicrometerMetricsFactory(registry.get()))
                .build();
        EngineMetrics.register(vertx, new EngineMetrics(registry.get()), this);
        return vertx;
    }

    public MetricsSettings settings() {
        return settings;
    }

    public boolean enabled() {
        return registry.isPresent();
    }

    /** Work done before each scrape, e.g. reading open attempts from the store; its failure only leaves values stale. */
    public void beforeScrape(Supplier<Future<?>> refresh) {
        beforeScrape.add(refresh);
    }

    /** Starts the event-loop delay probe and, with {@code metrics.port}, the scrape's own server. */
    public Future<?> start(String host) {
        if (registry.isEmpty()) return Future.succeededFuture();
        EngineMetrics meters = EngineMetrics.of(vertx);
        Future<?> probe = vertx.deployVerticle(
                () -> new EventLoopDelay(meters.registry()), new DeploymentOptions().setInstances(loops));
        if (settings.port() == 0) return probe;
        return probe.compose(v -> vertx.createHttpServer()
                .requestHandler(MetricsRoutes.router(vertx, this))
                .listen(settings.port(), host));
    }

    /** The engine stops: its meters are let go with its Vert.x. */
    public static void forget(Vertx vertx) {
        EngineMetrics.forget(vertx);
    }

    /** The Prometheus text of everything registered, after the refreshers ran (or failed). */
    Future<String> scrape() {
        if (registry.isEmpty()) return Future.failedFuture(new IllegalStateException("metrics are disabled"));
        List<Future<?>> refreshed = new java.util.ArrayList<>();
        for (Supplier<Future<?>> s : beforeScrape) refreshed.add(s.get().otherwiseEmpty());
        return Future.join(refreshed)
                .transform(done -> vertx.executeBlocking(() -> registry.get().scrape(), false));
    }

    private static PrometheusMeterRegistry prometheus() {
        PrometheusMeterRegistry r = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        // the sizes of every request and response: two more meter look-ups per request that no panel reads
        r.config().meterFilter(MeterFilter.denyNameStartsWith("vertx.http.server.request.bytes"));
        r.config().meterFilter(MeterFilter.denyNameStartsWith("vertx.http.server.response.bytes"));
        r.config().meterFilter(new MeterFilter() {
            @Override
            public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
                // Vert.x's own timers (HTTP server, Redis client, worker pools) get the same buckets as ours
                if (id.getType() == Meter.Type.TIMER && id.getName().startsWith("vertx."))
                    return DistributionStatisticConfig.builder()
                            .serviceLevelObjectives(nanos())
                            .build()
                            .merge(config);
                return config;
            }
        });
        return r;
    }

    private static double[] nanos() {
        double[] out = new double[LATENCY_BUCKETS.length];
        for (int i = 0; i < out.length; i++) out[i] = LATENCY_BUCKETS[i].toNanos();
        return out;
    }
}
