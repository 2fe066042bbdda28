package kz.emtihan.auth;

import io.vertx.ext.web.RoutingContext;
import java.util.Arrays;
import java.util.Set;
import kz.emtihan.auth.model.Role;
import kz.emtihan.refusal.CommonRefusal;
import kz.emtihan.refusal.Refusal;

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
        if (c == null) throw Refusal.of(CommonRefusal.UNAUTHORIZED);
        return c;
    }

    /** The caller, if they hold one of these roles; otherwise a 403. */
    public static Caller require(RoutingContext ctx, Role... any) {
        Caller c = of(ctx);
        if (!c.hasAny(any)) throw Refusal.of(CommonRefusal.FORBIDDEN);
        return c;
    }
}
