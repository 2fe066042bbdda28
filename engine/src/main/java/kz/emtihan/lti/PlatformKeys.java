package kz.emtihan.lti;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import kz.emtihan.lti.model.LtiRefusal;
import kz.emtihan.lti.model.Platform;
import kz.emtihan.refusal.Refusal;

/**
 * Issue 16 (2): the platforms' JWKS, fetched with the Vert.x web client and kept on this node for {@code
 * lti.jwksCacheMinutes}; a token whose kid the kept copy lacks makes the caller fetch afresh ({@link #fresh}) once,
 * so a platform's key rotation is picked up at once.
 */
public final class PlatformKeys {
    private static final int MAX_BYTES = 256 * 1024;
    private final WebClient client;
    private final Clock clock;
    private final Duration keep;
    private final Map<String, Kept> kept = new ConcurrentHashMap<>();

    private record Kept(String json, long atMillis) {}

    public PlatformKeys(Vertx vertx, Clock clock, Duration keep) {
        this.client = WebClient.create(
                vertx,
                new WebClientOptions()
                        .setConnectTimeout(5_000)
                        .setIdleTimeout(10)
                        .setUserAgent("Emtihan-LTI"));
        this.clock = clock;
        this.keep = keep;
    }

    /** The platform's JWKS (JSON text), from this node's copy while it is fresh. */
    public Future<String> of(Platform p) {
        Kept k = kept.get(p.jwksUrl());
        if (k != null && clock.millis() - k.atMillis() < keep.toMillis()) return Future.succeededFuture(k.json());
        return fresh(p);
    }

    /** The platform's JWKS fetched now. */
    public Future<String> fresh(Platform p) {
        return client.getAbs(p.jwksUrl())
                .putHeader("Accept", "application/json")
                .timeout(10_000)
                .send()
                .transform(done -> {
                    if (done.failed()
                            || done.result().statusCode() != 200
                            || done.result().body() == null
                            || done.result().body().length() > MAX_BYTES)
                        return Future.failedFuture(Refusal.of(LtiRefusal.PLATFORM_KEYS_UNAVAILABLE, p.jwksUrl()));
                    String json = done.result().bodyAsString();
                    kept.put(p.jwksUrl(), new Kept(json, clock.millis()));
                    return Future.succeededFuture(json);
                });
    }

    public WebClient client() {
        return client;
    }
}
