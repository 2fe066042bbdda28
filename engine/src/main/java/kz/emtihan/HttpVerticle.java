package kz.emtihan;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServerOptions;

/** One HTTP server instance; the engine deploys one per core, all sharing the port. */
public final class HttpVerticle extends VerticleBase {
    private final Services services;
    private final int port;

    public HttpVerticle(Services services, int port) {
        this.services = services;
        this.port = port;
    }

    @Override
    public Future<?> start() {
        var options = new HttpServerOptions()
                .setHost(services.config().http().host())
                .setPort(port)
                .setCompressionSupported(true)
                .setCompressionContentSizeThreshold(1024)
                .setIdleTimeout(120);
        return vertx.createHttpServer(options)
                .requestHandler(ApiRouter.create(vertx, services))
                .listen();
    }
}
