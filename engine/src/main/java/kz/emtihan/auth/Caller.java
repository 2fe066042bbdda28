package kz.emtihan.auth;

import io.vertx.ext.web.RoutingContext;
import java.util.Arrays;
import java.util.Set;
import kz.emtihan.http.Rejection;

/** Who is calling, from a verified token. 5.16: access is restricted by role. */
public record Caller(String id, String name, Set<Role> roles) {
    private static final String KEY = "emtihan.caller";

    public Caller {
        roles = Set.copyOf(roles);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public boolean hasAny(Role... any) {
        return Arrays.stream(any).anyMatch(roles::contains);
    }

    public void attach(RoutingContext ctx) {
        ctx.put(KEY, this);
    }

    public static Caller of(RoutingContext ctx) {
        Caller c = ctx.get(KEY);
        if (c == null) throw new Rejection(401, "unauthorized", "a valid bearer token is required");
        return c;
    }

    /** The caller, if they hold one of these roles; otherwise a 403. */
    public static Caller require(RoutingContext ctx, Role... any) {
        Caller c = of(ctx);
        if (!c.hasAny(any))
            throw Rejection.forbidden(
                    "this needs one of the roles " + Arrays.toString(any).toLowerCase(java.util.Locale.ROOT));
        return c;
    }
}
