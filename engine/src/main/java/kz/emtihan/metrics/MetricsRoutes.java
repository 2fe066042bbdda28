package kz.emtihan.metrics;

import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * issue 14 (5): {@code GET /metrics} (the path from {@code metrics.path}), Prometheus text format 0.0.4. On the API's
 * port when {@code metrics.port} is 0, else alone on its own port. With {@code metrics.token} a scrape must send {@code
 * Authorization: Bearer <token>} (Prometheus' {@code authorization} setting); anything else gets a bare 401, no body
 * to learn from.
 */
public final class MetricsRoutes {
    private static final Logger log = LoggerFactory.getLogger(MetricsRoutes.class);
    static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private MetricsRoutes() {}

    /** On the API's router, when this engine's metrics are on and share its port. */
    public static void mount(Router root, Vertx vertx) {
        MetricsSetup metrics = EngineMetrics.of(vertx).setup();
        if (metrics != null && metrics.settings().port() == 0)
            root.get(metrics.settings().path()).handler(ctx -> scrape(ctx, metrics));
    }

    static Router router(Vertx vertx, MetricsSetup metrics) {
        Router r = Router.router(vertx);
        r.get(metrics.settings().path()).handler(ctx -> scrape(ctx, metrics));
        return r;
    }

    private static void scrape(RoutingContext ctx, MetricsSetup metrics) {
        if (!authorised(ctx.request().getHeader("Authorization"), metrics)) {
            ctx.response()
                    .setStatusCode(401)
                    .putHeader("WWW-Authenticate", "Bearer realm=\"metrics\"")
                    .end();
            return;
        }
        metrics.scrape().onComplete(text -> {
            if (text.failed()) {
                log.warn("metrics scrape failed: {}", text.cause().toString());
                ctx.response().setStatusCode(503).end();
                return;
            }
            ctx.response()
                    .putHeader("Content-Type", CONTENT_TYPE)
                    .putHeader("Cache-Control", "no-store")
                    .end(text.result());
        });
    }

    static boolean authorised(String header, MetricsSetup metrics) {
        if (metrics.settings().token().isEmpty()) return true;
        String expected = "Bearer " + metrics.settings().token().get();
        return header != null
                && MessageDigest.isEqual(
                        header.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8));
    }
}
