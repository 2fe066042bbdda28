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

    /**
     * The browser's entries from the LMS, on the root router (issue 16, 2): each hands its parameters to a page in the
     * address's fragment (never sent to a server, so never in a log), and the page talks to the API. {@code
     * /lti/login} (GET or POST: the OIDC login initiation), {@code /lti/launch} and {@code /lti/deeplink} (the
     * platform's form_post of id_token and state), {@code /lti/register} (dynamic registration).
     */
    public static void mountBrowser(Router root, io.vertx.core.Vertx vertx) {
        io.vertx.ext.web.handler.BodyHandler form =
                io.vertx.ext.web.handler.BodyHandler.create(false).setBodyLimit(64 * 1024);
        handOver(root, form, "/lti/login", "lti-login.html");
        handOver(root, form, "/lti/launch", "lti-launch.html");
        handOver(root, form, "/lti/deeplink", "lti-launch.html");
        handOver(root, form, "/lti/register", "lti-register.html");
    }

    private static void handOver(Router root, io.vertx.ext.web.handler.BodyHandler form, String path, String page) {
        root.route(path).handler(form).handler(ctx -> {
            var method = ctx.request().method();
            if (method != io.vertx.core.http.HttpMethod.GET && method != io.vertx.core.http.HttpMethod.POST) {
                ctx.next();
                return;
            }
            io.vertx.core.MultiMap params = io.vertx.core.MultiMap.caseInsensitiveMultiMap()
                    .addAll(ctx.queryParams())
                    .addAll(ctx.request().formAttributes());
            StringBuilder fragment = new StringBuilder();
            for (var e : params.entries()) {
                if (fragment.length() > 0) fragment.append('&');
                fragment.append(enc(e.getKey())).append('=').append(enc(e.getValue()));
            }
            ctx.response()
                    .setStatusCode(303)
                    .putHeader("Location", "/" + page + "#" + fragment)
                    .putHeader("Cache-Control", "no-store")
                    .end();
        });
    }

    private static String enc(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
    }

    /** The launch's public operations (no token: the id_token is the credential), mounted before the token check. */
    public static void mountPublic(Router api, LtiModule lti, java.time.ZoneId examZone) {
        String zone = examZone.getId();
        api.post("/lti/login")
                .respond(ctx -> lti.launches()
                        .login(Bodies.object(ctx), ToolUrls.of(lti.settings(), ctx))
                        .map(r -> new JsonObject().put("redirect", r.url()).put("state", r.state())));
        api.post("/lti/launch").respond(ctx -> {
            JsonObject body = Bodies.object(ctx);
            String idToken = body.getValue("idToken") instanceof String s ? s : "";
            if (idToken.isEmpty())
                throw kz.emtihan.refusal.Refusal.of(
                        kz.emtihan.refusal.CommonRefusal.BAD_FIELD,
                        "idToken",
                        kz.emtihan.refusal.FieldProblem.required());
            return lti.launches()
                    .verify(
                            idToken,
                            body.getValue("state") instanceof String s ? s : "",
                            body.getValue("browserState") instanceof String s ? s : "",
                            ToolUrls.of(lti.settings(), ctx))
                    .compose(lti.signIn()::signIn)
                    .map(answer -> answer.put("timeZone", zone));
        });
        api.post("/lti/register")
                .respond(ctx -> lti.registrations().register(Bodies.object(ctx), ToolUrls.of(lti.settings(), ctx)));
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
        api.post("/lti/registration-codes").respond(ctx -> {
            Caller admin = Caller.require(ctx, Role.ADMIN);
            ctx.response().setStatusCode(201);
            return lti.registrations().code(admin.id(), ToolUrls.of(lti.settings(), ctx));
        });
        // issue 16 (2): the teacher's step after a launch: bind the link to an exam, or answer deep linking
        api.post("/lti/launches/:launchId/exam").respond(ctx -> {
            Caller teacher = Caller.require(ctx, Role.TEACHER, Role.ADMIN);
            return lti.choices().bind(teacher, ctx.pathParam("launchId"), Bodies.object(ctx));
        });
        api.post("/lti/launches/:launchId/deep-link").respond(ctx -> {
            Caller teacher = Caller.require(ctx, Role.TEACHER, Role.ADMIN);
            return lti.choices()
                    .deepLink(
                            teacher,
                            ctx.pathParam("launchId"),
                            Bodies.object(ctx),
                            ToolUrls.of(lti.settings(), ctx).launch());
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
