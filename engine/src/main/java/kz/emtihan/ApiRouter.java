package kz.emtihan;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import kz.emtihan.auth.AuthRoutes;
import kz.emtihan.bank.BankRoutes;
import kz.emtihan.exam.ExamRoutes;
import kz.emtihan.http.OpenApi;
import kz.emtihan.http.Problems;
import kz.emtihan.proctor.ProctorRoutes;
import kz.emtihan.sitting.SittingRoutes;

/** The whole HTTP surface, assembled in one place (API.md). */
public final class ApiRouter {
    private ApiRouter() {}

    public static Router create(Vertx vertx, Services s) {
        return create(vertx, s, () -> false);
    }

    /** @param draining true once the node has been asked to stop (issue 14, 6): {@code /health/ready} says 503 */
    public static Router create(Vertx vertx, Services s, java.util.function.BooleanSupplier draining) {
        Router api = api(vertx, s);
        Router root = Router.router(vertx);
        root.route().handler(ctx -> {
            ctx.response()
                    .putHeader("X-Server-Time", s.live().serverNow().toString()); // the store's clock, for countdowns
            securityHeaders(ctx, s.lti().frameAncestors().origins());
        });
        root.get("/health")
                .handler(ctx -> s.store().ping().onComplete(ping -> {
                    JsonObject body = new JsonObject()
                            .put("status", ping.succeeded() ? "up" : "degraded")
                            .put("store", ping.succeeded() ? "up" : "down");
                    ctx.response()
                            .setStatusCode(ping.succeeded() ? 200 : 503)
                            .putHeader("Content-Type", "application/json")
                            .end(body.encode());
                }));
        kz.emtihan.metrics.MetricsRoutes.mount(root, vertx); // issue 14 (5): GET /metrics, Prometheus text
        probes(root, s.store().health(), draining);
        kz.emtihan.audit.AuditRoutes.mountWellKnown(root, s.exam().signer()); // issue 10: the receipt keys, public
        kz.emtihan.lti.LtiRoutes.mountWellKnown(root, s.lti()); // issue 16 (1): the tool's JWKS, public
        kz.emtihan.lti.LtiRoutes.mountBrowser(root, vertx); // issue 16 (2): the LMS's entries, handed to the pages
        root.get("/api/v1/ws").handler(s.liveSocket()::upgrade); // before the API router: no BodyHandler on the upgrade
        root.route("/api/v1/*").subRouter(api);
        // issue 14 (7): the pages gzipped, with a content ETag (304 on revalidation), vendor files immutable
        root.route("/*").handler(new kz.emtihan.web.StaticFiles("proctor-ui"));
        root.route().failureHandler(failures(s.store().health()));
        return root;
    }

    /**
     * Issue 14 (4): the probes Kubernetes and load balancers ask. {@code /health/live}: the process and its event
     * loops answer (restart the node if not). {@code /health/ready}: the store answers and the node is not draining
     * (send it no traffic if not). Both from what the node already knows, without a store round trip.
     */
    private static void probes(
            Router root, kz.emtihan.store.StoreHealth store, java.util.function.BooleanSupplier draining) {
        root.get("/health/live").handler(ctx -> probe(ctx, 200, new JsonObject().put("status", "up")));
        root.get("/health/ready").handler(ctx -> {
            boolean storeUp = store.up();
            boolean leaving = draining.getAsBoolean();
            String status = leaving ? "draining" : storeUp ? "ready" : "store-down";
            probe(
                    ctx,
                    storeUp && !leaving ? 200 : 503,
                    new JsonObject()
                            .put("status", status)
                            .put("store", storeUp ? "up" : "down")
                            .put("draining", leaving));
        });
    }

    private static void probe(io.vertx.ext.web.RoutingContext ctx, int status, JsonObject body) {
        ctx.response()
                .setStatusCode(status)
                .putHeader("Content-Type", "application/json")
                .putHeader("Cache-Control", "no-store")
                .end(body.encode());
    }

    /**
     * Problems answers every failure; one that is the store's (issue 14, 4) is answered 503 store-unavailable with
     * Retry-After and logged once for the whole outage by {@link kz.emtihan.store.StoreHealth}, not per request.
     */
    private static io.vertx.core.Handler<io.vertx.ext.web.RoutingContext> failures(kz.emtihan.store.StoreHealth store) {
        return ctx -> {
            Throwable t = ctx.failure();
            if (t == null
                    || t instanceof kz.emtihan.refusal.Refusal
                    || t instanceof io.vertx.ext.web.handler.HttpException
                    || t instanceof io.vertx.core.json.DecodeException
                    || t.getCause() instanceof io.vertx.core.json.DecodeException) {
                Problems.respond(ctx);
                return;
            }
            store.blame(t)
                    .onComplete(theStore -> Problems.respond(
                            ctx,
                            theStore.result()
                                    ? kz.emtihan.refusal.Refusal.of(kz.emtihan.refusal.CommonRefusal.STORE_UNAVAILABLE)
                                    : t));
        };
    }

    /**
     * 7 (issue 3): scripts only from this origin, nothing inline; tokens never in cookies. Issue 16 (5): framed only by
     * this origin and the registered LMS platforms ({@code platforms}, their origins), which also receive the
     * deep-linking form post.
     */
    private static void securityHeaders(io.vertx.ext.web.RoutingContext ctx, String platforms) {
        String lms = platforms.isEmpty() ? "" : " " + platforms;
        ctx.response()
                .putHeader(
                        "Content-Security-Policy",
                        "default-src 'self'; script-src 'self'; style-src 'self'; "
                                + "img-src 'self' data: blob:; media-src 'self' blob:; connect-src 'self'; object-src 'none'; "
                                + "frame-ancestors 'self'" + lms + "; base-uri 'none'; form-action 'self'" + lms)
                .putHeader("X-Content-Type-Options", "nosniff")
                .putHeader("Referrer-Policy", "no-referrer");
        ctx.next();
    }

    private static BodyHandler bodyHandler(
            String path, BodyHandler json, BodyHandler files, BodyHandler media, BodyHandler photos) {
        if (path.endsWith("/import") || path.startsWith("/api/v1/banks/") && path.endsWith("/media")) return files;
        if (path.endsWith("/identity")) return photos;
        if (path.endsWith("/snapshots")
                || path.contains("/recordings/")
                || path.contains("/photos/")
                || path.endsWith("/photo")
                || path.endsWith("/proctoring/bandwidth")) return media;
        return json;
    }

    /** Everything under {@code /api/v1}. */
    public static Router api(Vertx vertx, Services s) {
        var http = s.config().http();
        Router api = Router.router(vertx);
        BodyHandler json = BodyHandler.create(false).setBodyLimit(http.bodyLimitBytes());
        BodyHandler files = BodyHandler.create(false).setBodyLimit(http.importLimitBytes());
        var proctoring = s.config().proctoring();
        // media bodies get their own limits; identity photos come as multipart files, kept only for the request
        BodyHandler media = BodyHandler.create(false)
                .setBodyLimit(Math.max(proctoring.maxChunkBytes(), proctoring.maxImageBytes()));
        BodyHandler photos = BodyHandler.create(
                        s.config().dataDir().resolve("uploads").toString())
                .setBodyLimit(2L * proctoring.maxImageBytes() + 65_536)
                .setDeleteUploadedFilesOnEnd(true);
        // issue 14 (4): while the store is down, say so at once (a path-less route: metrics keep the route templates)
        api.route().handler(ctx -> {
            if (s.store().health().up()) ctx.next();
            else ctx.fail(kz.emtihan.refusal.Refusal.of(kz.emtihan.refusal.CommonRefusal.STORE_UNAVAILABLE));
        });
        api.route()
                .handler(ctx -> bodyHandler(ctx.request().path(), json, files, media, photos)
                        .handle(ctx));
        api.get("/openapi.json").handler(OpenApi::serve);
        api.get("/openapi.yaml").handler(OpenApi::serve);
        AuthRoutes.mountPublic(
                api,
                s.users(),
                s.sessions(),
                s.loginThrottle(),
                s.config().regulation().calendar().zone());
        kz.emtihan.audit.AuditRoutes.mountPublic(api, s.exam().signer());
        kz.emtihan.lti.LtiRoutes.mountPublic(
                api, s.lti(), s.config().regulation().calendar().zone()); // issue 16 (2)
        AuthRoutes.mountTokenCheck(api, s.sessions());
        AuthRoutes.mountProtected(api, s.users(), s.sessions());
        var assignees = new kz.emtihan.bank.Assignees(s.users()); // issue 10 (3): people named on banks and exams
        BankRoutes.mount(api, s.banks(), new kz.emtihan.bank.BankPeople(s.banks(), assignees));
        kz.emtihan.bank.BankLifeRoutes.mount( // issue 13 (1): approval, review, papers, locks (5.19, 5.24-5.27, 5.31)
                api, s.banks(), assignees, s.config().regulation().calendar());
        kz.emtihan.bank.MediaRoutes.mount(api, s.banks()); // issue 12 (2): pictures and sounds, bank and own paper
        kz.emtihan.exam.AttemptMediaRoutes.mount(api, s.exam(), s.store(), s.banks());
        ExamRoutes.mount(
                api, s.exam(), new kz.emtihan.exam.ExamProctors(s.exam().exams(), assignees));
        kz.emtihan.grade.statistics.StatisticsRoutes.mount(
                api, s.exam(), s.store().redis(), s.banks(), s.config().regulation()); // issue 12 (6)
        ProctorRoutes.mount(api, s.proctor());
        SittingRoutes.mount(api, s.sittings());
        kz.emtihan.statement.StatementRoutes.mount(api, s.statements()); // 5.34-5.35
        kz.emtihan.lti.LtiRoutes.mount(api, s.lti()); // issue 16 (1): registrations of LMS platforms, the tool's keys
        kz.emtihan.lti.services.LtiServicesRoutes.mount(api, s.ltiServices()); // issue 16 (3-4)

        kz.emtihan.registry.RegistryRoutes.mount(
                api,
                kz.emtihan.registry.Registry.create(
                        vertx,
                        s.exam(),
                        s.store().redis(),
                        s.banks(),
                        s.users(),
                        s.sittings().sittings(),
                        s.config().regulation())); // issue 13 (5)
        kz.emtihan.live.LiveRoutes.mount(
                api, new kz.emtihan.live.IceServers(s.config().proctoring().ice()), s.live());
        api.route().handler(ctx -> ctx.fail(404));
        api.route().failureHandler(failures(s.store().health()));
        return api;
    }
}
