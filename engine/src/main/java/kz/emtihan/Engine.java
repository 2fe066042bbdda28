package kz.emtihan;

import io.vertx.core.DeploymentOptions;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
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

    private Engine(Vertx vertx, Optional<EmbeddedRedis> embedded, Services services, int port) {
        this.vertx = vertx;
        this.embedded = embedded;
        this.services = services;
        this.port = port;
    }

    /** Starts everything; blocks the calling (non-Vert.x) thread until the engine listens or start-up failed. */
    public static Engine start(EmtihanConfig cfg, Optional<String> adminPassword, boolean demo) {
        Vertx vertx = Vertx.vertx(new VertxOptions()
                .setMaxEventLoopExecuteTime(100)
                .setMaxEventLoopExecuteTimeUnit(TimeUnit.MILLISECONDS)
                .setBlockedThreadCheckInterval(100)
                .setBlockedThreadCheckIntervalUnit(TimeUnit.MILLISECONDS)
                .setWarningExceptionTime(Long.getLong("emtihan.blockedStackMillis", 5_000))
                .setWarningExceptionTimeUnit(TimeUnit.MILLISECONDS));
        Optional<EmbeddedRedis> embedded = Optional.empty();
        try {
            if (cfg.store().redisUrl().isEmpty())
                embedded = Optional.of(EmbeddedRedis.start(
                        cfg.dataDir(), cfg.store().appendfsync(), cfg.store().redisServer()));
            String url = cfg.store().redisUrl().orElseGet(() -> null);
            if (url == null) url = embedded.orElseThrow().url();
            RedisStore store = RedisStore.connect(vertx, url, cfg.store().poolSize());
            store.ping().await(30, TimeUnit.SECONDS);
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
            int instances = Math.max(1, Runtime.getRuntime().availableProcessors());
            // Vert.x shares one listening socket among instances that ask for the same port; with port 0 each would
            // bind its own random port, so a free port is chosen first and all instances ask for it
            int port = cfg.http().port() == 0 ? freePort() : cfg.http().port();
            vertx.deployVerticle(
                            () -> new HttpVerticle(services, port), new DeploymentOptions().setInstances(instances))
                    .await(30, TimeUnit.SECONDS);
            log.info(
                    "Emtihan listening on http://localhost:{} ({} HTTP instance(s), store {})",
                    port,
                    instances,
                    embedded.isPresent() ? "embedded Redis" : "external Redis");
            return new Engine(vertx, embedded, services, port);
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

    @Override
    public void close() {
        services.live().close();
        services.sessions().close();
        services.proctor().close();
        closeQuietly(vertx, embedded);
    }

    private static void closeQuietly(Vertx vertx, Optional<EmbeddedRedis> embedded) {
        try {
            vertx.close().await(20, TimeUnit.SECONDS);
        } catch (Exception e) {
            log.warn("Vert.x did not close cleanly: {}", e.getMessage());
        }
        embedded.ifPresent(EmbeddedRedis::stop);
    }
}
