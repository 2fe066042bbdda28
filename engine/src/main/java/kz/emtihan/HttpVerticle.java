package kz.emtihan;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * One HTTP server instance; the engine deploys one per core, all sharing the port. Undeployed when the node stops
 * (issue 14, 6): the server stops accepting and finishes the requests in flight, for up to {@link #FINISH}.
 */
public final class HttpVerticle extends VerticleBase {
    /** How long requests in flight get to finish once the node stops accepting. */
    static final Duration FINISH = Duration.ofSeconds(15);

    private final Services services;
    private final int port;
    private final BooleanSupplier draining;
    private HttpServer server;

    public HttpVerticle(Services services, int port) {
        this(services, port, () -> false);
    }

    public HttpVerticle(Services services, int port, BooleanSupplier draining) {
        this.services = services;
        this.port = port;
        this.draining = draining;
    }

    @Override
    public Future<?> start() {
        var options = new HttpServerOptions()
                .setHost(services.config().http().host())
                .setPort(port)
                .setCompressionSupported(true)
                .setCompressionContentSizeThreshold(1024)
                .setIdleTimeout(120);
        server = vertx.createHttpServer(options).requestHandler(ApiRouter.create(vertx, services, draining));
        return server.listen();
    }

    @Override
    public Future<?> stop() {
        return server == null ? Future.succeededFuture() : server.shutdown(FINISH);
    }
}
