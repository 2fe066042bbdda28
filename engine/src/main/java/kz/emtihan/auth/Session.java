package kz.emtihan.auth;

import io.vertx.ext.web.RoutingContext;
import java.time.Instant;

/**
 * One signed-in token as the engine reads it: who it speaks for, its own id ({@code jti}, ended by logout), the
 * credential version it was issued under ({@code ver}) and its expiry.
 */
public record Session(Caller caller, String tokenId, long version, Instant expiresAt) {
    private static final String KEY = "emtihan.session";

    public String userId() {
        return caller.id();
    }

    void attach(RoutingContext ctx) {
        ctx.put(KEY, this);
        caller.attach(ctx);
    }

    /** The session of a request that passed the token check. */
    public static Session of(RoutingContext ctx) {
        Session s = ctx.get(KEY);
        if (s == null) throw new kz.emtihan.http.Rejection(401, "unauthorized", "a valid bearer token is required");
        return s;
    }
}
