package kz.emtihan.lti;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import kz.emtihan.auth.Caller;
import kz.emtihan.auth.model.Role;
import kz.emtihan.http.Bodies;

/** HTTP of issue 16 (1, 2, 5): the tool's keys, the registrations of platforms, launches. Translation only. */
public final class LtiRoutes {
    /** Where the tool's JWKS is published (issue 16, 1), outside /api/v1; also at {@value #JWKS}. */
    public static final String WELL_KNOWN = "/.well-known/jwks.json";

    public static final String JWKS = "/lti/jwks.json";

    private LtiRoutes() {}

    /** The tool's JWKS, public, on the root router. */
    public static void mountWellKnown(Router root, LtiModule lti) {
        for (String path : new String[] {WELL_KNOWN, JWKS})
            root.get(path)
                    .handler(ctx -> lti.keys()
                            .jwks()
                            .onSuccess(jwks -> ctx.response()
                                    .putHeader("Content-Type", "application/json")
                                    .putHeader("Cache-Control", "public, max-age=300")
                                    .putHeader("Access-Control-Allow-Origin", "*")
                                    .end(jwks.encodePrettily()))
                            .onFailure(ctx::fail));
    }

    /** The administrator's operations: registrations of platforms (with their audit), the tool's keys. */
    public static void mount(Router api, LtiModule lti) {
        Platforms platforms = lti.platforms();
        api.get("/lti/platforms").respond(ctx -> {
            Caller.require(ctx, Role.ADMIN);
            return platforms
                    .directory()
                    .platforms()
                    .compose(all -> platforms.audit(50).map(audit -> {
                        JsonArray list = new JsonArray();
                        all.forEach(p -> list.add(PlatformJson.write(p)));
                        return new JsonObject()
                                .put("platforms", list)
                                .put("tool", ToolUrls.of(lti.settings(), ctx).json())
                                .put("audit", audit);
                    }));
        });
        api.post("/lti/platforms").respond(ctx -> {
            Caller admin = Caller.require(ctx, Role.ADMIN);
            return platforms.create(admin.id(), Bodies.object(ctx)).map(p -> {
                ctx.response().setStatusCode(201);
                return PlatformJson.write(p);
            });
        });
        api.get("/lti/platforms/:platformId").respond(ctx -> {
            Caller.require(ctx, Role.ADMIN);
            return platforms.existing(ctx.pathParam("platformId")).map(PlatformJson::write);
        });
        api.put("/lti/platforms/:platformId").respond(ctx -> {
            Caller admin = Caller.require(ctx, Role.ADMIN);
            return platforms
                    .update(admin.id(), ctx.pathParam("platformId"), Bodies.object(ctx))
                    .map(PlatformJson::write);
        });
        api.delete("/lti/platforms/:platformId").handler(ctx -> {
            Caller admin = Caller.require(ctx, Role.ADMIN);
            platforms
                    .delete(admin.id(), ctx.pathParam("platformId"))
                    .onSuccess(v -> ctx.response().setStatusCode(204).end())
                    .onFailure(ctx::fail);
        });
        api.get("/lti/keys").respond(ctx -> {
            Caller.require(ctx, Role.ADMIN);
            return lti.keys().schedule().map(s -> new JsonObject().put("keys", s));
        });
        api.post("/lti/keys/rotate").respond(ctx -> {
            Caller admin = Caller.require(ctx, Role.ADMIN);
            return rotate(lti, admin);
        });
    }

    private static Future<JsonObject> rotate(LtiModule lti, Caller admin) {
        return lti.keys()
                .rotate()
                .compose(schedule -> lti.store()
                        .audit(lti.platforms()
                                .auditEvent(admin.id(), "tool-key-rotated", new JsonObject().put("keys", schedule)))
                        .map(v -> new JsonObject().put("keys", schedule)));
    }

    static String origin(RoutingContext ctx) {
        return ctx.request().scheme() + "://" + ctx.request().authority();
    }
}
