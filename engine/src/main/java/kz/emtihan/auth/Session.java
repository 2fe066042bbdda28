package kz.emtihan.auth;

import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.util.Optional;
import kz.emtihan.refusal.CommonRefusal;
import kz.emtihan.refusal.Refusal;
import kz.emtihan.text.Language;

/**
 * One signed-in token as the engine reads it: who it speaks for, its own id ({@code jti}, ended by logout), the
 * credential version it was issued under ({@code ver}), its expiry, and the language its user saved (read with the
 * user's standing, not from the token: a change holds at once).
 */
public record Session(Caller caller, String tokenId, long version, Instant expiresAt, Optional<Language> language) {
    private static final String KEY = "emtihan.session";

    public Session(Caller caller, String tokenId, long version, Instant expiresAt) {
        this(caller, tokenId, version, expiresAt, Optional.empty());
    }

    /** The same session, its user having saved {@code language}. */
    Session speaking(Optional<Language> language) {
        return language.equals(this.language) ? this : new Session(caller, tokenId, version, expiresAt, language);
    }

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
        if (s == null) throw Refusal.of(CommonRefusal.UNAUTHORIZED);
        return s;
    }
}
