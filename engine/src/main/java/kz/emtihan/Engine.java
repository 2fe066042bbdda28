package kz.emtihan;

import io.vertx.core.DeploymentOptions;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import kz.emtihan.config.EmtihanConfig;
import kz.emtihan.exam.SweeperVerticle;
import kz.emtihan.store.EmbeddedRedis;
import kz.emtihan.store.RedisStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A running engine: Vert.x, the store (embedded or external Redis), the sweeper and the HTTP servers. */
public final class Engine implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Engine.class);
    private final Vertx vertx;
    private final Optional<EmbeddedRedis> embedded;
    private final Services services;
    private final int port;
    private final AtomicBoolean draining;
    private final String http; // the HTTP verticles' deployment
    private final AtomicBoolean closed = new AtomicBoolean();

    private Engine(
            Vertx vertx,
            Optional<EmbeddedRedis> embedded,
            Services services,
            int port,
            AtomicBoolean draining,
            String http) {
        this.vertx = vertx;
        this.embedded = embedded;
        this.services = services;
        this.port = port;
        this.draining = draining;
        this.http = http;
    }

    /** Starts everything; blocks the calling (non-Vert.x) thread until the engine listens or start-up failed. */
    public static Engine start(EmtihanConfig cfg, Optional<String> adminPassword, boolean demo) {
        var metrics = kz.emtihan.metrics.MetricsSetup.create(cfg.metrics()); // issue 14 (5): Prometheus at /metrics
        Vertx vertx = metrics.vertx(new VertxOptions()
                .setMaxEventLoopExecuteTime(100)
                .setMaxEventLoopExecuteTimeUnit(TimeUnit.MILLISECONDS)
                .setBlockedThreadCheckInterval(100)
                .setBlockedThreadCheckIntervalUnit(TimeUnit.MILLISECONDS)
                .setWarningExceptionTime(Long.getLong("emtihan.blockedStackMillis", 5_000))
                .setWarningExceptionTimeUnit(TimeUnit.MILLISECONDS));
        Optional<EmbeddedRedis> embedded = Optional.empty();
        try {
            if (cfg.store().topology().embedded(cfg.store().redisUrl()))
                embedded = Optional.of(EmbeddedRedis.start(
                        cfg.dataDir(), cfg.store().appendfsync(), cfg.store().redisServer()));
            Optional<String> url = cfg.store().redisUrl();
            if (embedded.isPresent()) url = Optional.of(embedded.get().url());
            RedisStore store = RedisStore.connect(
                    vertx, cfg.store().topology(), url, cfg.store().poolSize());
            store.ping().await(30, TimeUnit.SECONDS);
            kz.emtihan.exam.ExamKeysMigration.run(store, cfg.store().topology()).await(300, TimeUnit.SECONDS); // 14 (2)
            store.health().watch(vertx); // issue 14 (4): a PING a second; 503 store-unavailable while it fails
            kz.emtihan.upgrade.SlottedKeys.migrate(store)
                    .await(120, TimeUnit.SECONDS); // issue 14 (2): keys beside their slot
            Services services = Services.wire(vertx, store, cfg);
            services.live().start().await(30, TimeUnit.SECONDS);
            services.sessions()
                    .start()
                    .await(30, TimeUnit.SECONDS); // tokens' standing: per-node copies kept fresh by pub/sub
            services.users().ensureAdmin(adminPassword).await(30, TimeUnit.SECONDS);
            if (demo) DemoData.load(services).await(60, TimeUnit.SECONDS);
            vertx.deployVerticle(new SweeperVerticle(
                            services.exam().attempts(),
                            cfg.sweeper().interval(),
                            cfg.sweeper().batch(),
                            cfg.sweeper().lanes()))
                    .await(30, TimeUnit.SECONDS);
            services.proctor().scheduleRetention(vertx);
            vertx.deployVerticle(services.ltiServices().verticle()).await(30, TimeUnit.SECONDS); // issue 16 (3-4)
            metrics.start(cfg.http().host()).await(30, TimeUnit.SECONDS);
            int instances = Math.max(1, Runtime.getRuntime().availableProcessors());
            // Vert.x shares one listening socket among instances that ask for the same port; with port 0 each would
            // bind its own random port, so a free port is chosen first and all instances ask for it
            int port = cfg.http().port() == 0 ? freePort() : cfg.http().port();
            AtomicBoolean draining = new AtomicBoolean();
            String http = vertx.deployVerticle(
                            () -> new HttpVerticle(services, port, draining::get),
                            new DeploymentOptions().setInstances(instances))
                    .await(30, TimeUnit.SECONDS);
            log.info(
                    "Emtihan listening on http://localhost:{} ({} HTTP instance(s), store {})",
                    port,
                    instances,
                    embedded.isPresent()
                            ? "embedded Redis"
                            : cfg.store().topology().mode().code() + " Redis");
            return new Engine(vertx, embedded, services, port, draining, http);
        } catch (Exception e) {
            closeQuietly(vertx, embedded);
            throw e instanceof RuntimeException r ? r : new IllegalStateException(e);
        }
    }

    private static int freePort() throws java.io.IOException {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    public int port() {
        return port;
    }

    public Services services() {
        return services;
    }

    public Vertx vertx() {
        return vertx;
    }

    public Optional<EmbeddedRedis> embeddedRedis() {
        return embedded;
    }

    /** True once the node has been asked to stop: {@code /health/ready} answers 503. */
    public boolean draining() {
        return draining.get();
    }

    /**
     * Issue 14 (6): stops the node without cutting anyone off. {@code /health/ready} turns 503 at once while the node
     * keeps serving for {@code http.drainSeconds} (the load balancer's checks take it out meanwhile); then it stops
     * accepting, closes its live sockets with 1012 (the pages reconnect, to another node), finishes the requests in
     * flight, and closes the store last.
     */
    public void drainAndClose() {
        if (closed.get()) return;
        int seconds = services.config().http().drainSeconds();
        if (draining.compareAndSet(false, true) && seconds > 0) {
            log.info(
                    "draining: /health/ready answers 503; serving {} s more (http.drainSeconds) before stopping",
                    seconds);
            try {
                Thread.sleep(seconds * 1000L); // the shutdown hook's own thread: the event loops keep serving
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        close();
    }

    /** Runs {@link #drainAndClose} when the JVM is asked to stop (SIGTERM, SIGINT), in place of the store's own hook. */
    public void installShutdownHook() {
        Runtime.getRuntime().addShutdownHook(new Thread(this::drainAndClose, "emtihan-shutdown"));
        embedded.ifPresent(EmbeddedRedis::stopsWithItsOwner);
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) return;
        draining.set(true);
        try {
            var sockets = services.liveSocket().openSockets();
            var closing = services.liveSocket().closeAll(); // 1012: the pages reconnect elsewhere
            vertx.undeploy(http).await(HttpVerticle.FINISH.toSeconds() + 5, TimeUnit.SECONDS);
            closing.await(5, TimeUnit.SECONDS);
            log.info("stopped accepting; {} live socket(s) closed with 1012, requests in flight finished", sockets);
        } catch (Exception e) {
            log.warn("the HTTP servers did not stop cleanly: {}", e.getMessage());
        }
        for (String id : vertx.deploymentIDs()) { // the sweeper: no sweep starts against a closing store
            try {
                vertx.undeploy(id).await(5, TimeUnit.SECONDS);
            } catch (Exception e) {
                log.warn("a verticle did not stop cleanly: {}", e.getMessage());
            }
        }
        services.store().health().stop();
        services.live().close();
        services.sessions().close();
        services.proctor().close();
        closeQuietly(vertx, embedded);
    }

    private static void closeQuietly(Vertx vertx, Optional<EmbeddedRedis> embedded) {
        kz.emtihan.metrics.MetricsSetup.forget(vertx);
        try {
            vertx.close().await(20, TimeUnit.SECONDS);
        } catch (Exception e) {
            log.warn("Vert.x did not close cleanly: {}", e.getMessage());
        }
        embedded.ifPresent(EmbeddedRedis::close);
    }
}
