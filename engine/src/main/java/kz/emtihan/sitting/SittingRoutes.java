package kz.emtihan.sitting;

import io.vertx.core.Handler;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Optional;
import kz.emtihan.auth.Caller;
import kz.emtihan.auth.model.Role;
import kz.emtihan.http.Bodies;
import kz.emtihan.refusal.CommonRefusal;
import kz.emtihan.refusal.Refusal;
import kz.emtihan.sitting.model.SittingRefusal;
import kz.emtihan.sitting.model.SittingRole;
import kz.emtihan.sitting.model.StudentStep;

/** HTTP for sittings of the oral final attestation (issue 5, 10: {@code /api/v1/sittings/...}). Translation only. */
public final class SittingRoutes {
    private static final String ENROLMENT = SittingPhotos.ENROLMENT;

    private SittingRoutes() {}

    public static void mount(Router api, SittingModule m) {
        api.post("/sittings")
                .respond(ctx -> m.sittings()
                        .create(Caller.require(ctx, Role.ADMIN), Bodies.object(ctx))
                        .map(id -> {
                            ctx.response().setStatusCode(201);
                            return new JsonObject().put("id", id);
                        }));
        api.get("/sittings").respond(ctx -> m.sittings().mine(Caller.of(ctx)));
        api.get("/sittings/:sittingId")
                .handler(part(m))
                .respond(ctx -> m.sittings().view(Caller.of(ctx), id(ctx)));
        api.put("/sittings/:sittingId/tickets")
                .handler(part(m, true, SittingRole.SECRETARY))
                .respond(ctx -> {
                    Caller caller = Caller.of(ctx);
                    return m.sittings()
                            .tickets(
                                    caller,
                                    id(ctx),
                                    Bodies.isCsv(ctx) ? TicketsCsv.parse(Bodies.text(ctx)) : Bodies.array(ctx));
                });
        api.get("/sittings/:sittingId/draws")
                .handler(part(m))
                .respond(ctx -> m.sittings().draws(Caller.of(ctx), id(ctx)));
        api.post("/sittings/:sittingId/close")
                .handler(part(m, false, SittingRole.SECRETARY, SittingRole.CHAIR))
                .respond(ctx -> m.sittings().close(Caller.of(ctx), id(ctx)));
        String student = "/sittings/:sittingId/students/:studentId";
        api.post(student + "/admit")
                .handler(step(m, StudentStep.ADMIT))
                .respond(ctx -> m.steps().admit(Caller.of(ctx), id(ctx), sid(ctx)));
        api.post(student + "/identity")
                .handler(step(m, StudentStep.IDENTIFY))
                .respond(ctx -> m.steps().identity(Caller.of(ctx), id(ctx), sid(ctx), Bodies.object(ctx)));
        api.post(student + "/room")
                .handler(step(m, StudentStep.CHECK_ROOM))
                .respond(ctx -> m.steps().room(Caller.of(ctx), id(ctx), sid(ctx), Bodies.object(ctx)));
        api.post(student + "/draw")
                .handler(step(m, StudentStep.DRAW))
                .respond(ctx -> m.steps().draw(Caller.of(ctx), id(ctx), sid(ctx), Bodies.objectOrEmpty(ctx)));
        api.post(student + "/phase")
                .handler(step(m, StudentStep.START_PREPARATION))
                .respond(ctx -> m.steps().phase(Caller.of(ctx), id(ctx), sid(ctx), Bodies.object(ctx)));
        api.put(student + "/score")
                .handler(step(m, StudentStep.SCORE))
                .respond(ctx -> m.steps().score(Caller.of(ctx), id(ctx), sid(ctx), Bodies.object(ctx)));
        api.put(student + "/photos/:kind")
                .handler(step(m, StudentStep.IDENTITY_PHOTO, StudentStep.ROOM_PHOTO))
                .respond(ctx -> ENROLMENT.equals(ctx.pathParam("kind"))
                        ? io.vertx.core.Future.failedFuture(Refusal.of(SittingRefusal.READ_ONLY_PHOTO))
                        : m.photos()
                                .put(
                                        Caller.of(ctx),
                                        id(ctx),
                                        sid(ctx),
                                        ctx.pathParam("kind"),
                                        ctx.request().getHeader("Content-Type"),
                                        ctx.body().buffer() == null
                                                ? io.vertx.core.buffer.Buffer.buffer()
                                                : ctx.body().buffer()));
        api.get(student + "/photos/:kind")
                .handler(part(m))
                .handler(ctx -> m.photos()
                        .get(Caller.of(ctx), id(ctx), sid(ctx), ctx.pathParam("kind"))
                        .onSuccess(p -> ctx.response()
                                .putHeader("Content-Type", p.contentType())
                                .putHeader("Cache-Control", "no-store")
                                .end(p.bytes()))
                        .onFailure(ctx::fail));
        api.post(student + "/remove")
                .handler(step(m, StudentStep.REMOVE))
                .respond(ctx -> m.interventions().remove(Caller.of(ctx), id(ctx), sid(ctx), Bodies.object(ctx)));
        api.post("/sittings/:sittingId/reschedule")
                .respond(ctx ->
                        m.interventions().reschedule(Caller.require(ctx, Role.ADMIN), id(ctx), Bodies.object(ctx)));
        api.post(student + "/confirm")
                .handler(step(m, StudentStep.CONFIRM))
                .respond(ctx -> m.steps().confirm(Caller.of(ctx), id(ctx), sid(ctx)));
        api.post("/sittings/:sittingId/acts")
                .handler(step(m, StudentStep.ACT))
                .respond(ctx -> m.after()
                        .act(Caller.of(ctx), id(ctx), Bodies.object(ctx))
                        .map(a -> {
                            ctx.response().setStatusCode(201);
                            return a;
                        }));
        api.put("/sittings/:sittingId/acts/:actId/vote")
                .handler(step(m, StudentStep.VOTE))
                .respond(ctx -> m.after().vote(Caller.of(ctx), id(ctx), ctx.pathParam("actId"), Bodies.object(ctx)));
        api.post("/sittings/:sittingId/acts/:actId/new-time") // 6.15.2
                .handler(part(m, false, SittingRole.SECRETARY, SittingRole.CHAIR))
                .respond(ctx -> m.after().newTime(Caller.of(ctx), id(ctx), ctx.pathParam("actId"), Bodies.object(ctx)));
        api.post("/sittings/:sittingId/appeals")
                .handler(step(m, StudentStep.APPEAL))
                .respond(ctx -> m.after()
                        .appeal(Caller.of(ctx), id(ctx), Bodies.object(ctx))
                        .map(a -> {
                            ctx.response().setStatusCode(201);
                            return a;
                        }));
        api.post("/sittings/:sittingId/appeals/:appealId/meeting")
                .handler(step(m, StudentStep.APPEAL_MEETING))
                .respond(ctx -> m.after()
                        .meeting(Caller.of(ctx), id(ctx), ctx.pathParam("appealId"), Bodies.objectOrEmpty(ctx)));
        api.post("/sittings/:sittingId/appeals/:appealId/decision")
                .handler(step(m, StudentStep.APPEAL_DECISION))
                .respond(ctx ->
                        m.after().decide(Caller.of(ctx), id(ctx), ctx.pathParam("appealId"), Bodies.object(ctx)));
        postponements(api, m);
        api.get("/sittings/:sittingId/protocol.pdf")
                .handler(part(m))
                .handler(ctx -> pdf(ctx, m.papers().protocol(Caller.of(ctx), id(ctx)), "protocol"));
        api.get("/sittings/:sittingId/acts/:actId/pdf")
                .handler(part(m))
                .handler(ctx -> pdf(
                        ctx, m.papers().act(Caller.of(ctx), id(ctx), ctx.pathParam("actId")), ctx.pathParam("actId")));
        api.get("/sittings/:sittingId/appeals/:appealId/pdf")
                .handler(part(m))
                .handler(ctx -> pdf(
                        ctx,
                        m.papers().appeal(Caller.of(ctx), id(ctx), ctx.pathParam("appealId")),
                        ctx.pathParam("appealId")));
    }

    private static void pdf(RoutingContext ctx, io.vertx.core.Future<byte[]> pdf, String name) {
        pdf.onSuccess(b -> ctx.response()
                        .putHeader("Content-Type", "application/pdf")
                        .putHeader("Content-Disposition", "attachment; filename=\"" + id(ctx) + "-" + name + ".pdf\"")
                        .end(io.vertx.core.buffer.Buffer.buffer(b)))
                .onFailure(ctx::fail);
    }

    private static void postponements(Router api, SittingModule m) {
        api.post("/sittings/:sittingId/postponements")
                .handler(step(m, StudentStep.APPLY_POSTPONEMENT))
                .respond(ctx -> m.postponements()
                        .apply(Caller.of(ctx), id(ctx), Bodies.object(ctx))
                        .map(p -> {
                            ctx.response().setStatusCode(201);
                            return p;
                        }));
        api.post("/sittings/:sittingId/postponements/:postponementId/decision")
                .handler(step(m, StudentStep.ALLOW_POSTPONEMENT))
                .respond(ctx -> m.postponements()
                        .decide(Caller.of(ctx), id(ctx), ctx.pathParam("postponementId"), Bodies.object(ctx)));
        api.get("/sittings/:sittingId/postponements/:postponementId/document")
                .handler(part(m))
                .handler(ctx -> m.postponements()
                        .document(Caller.of(ctx), id(ctx), ctx.pathParam("postponementId"))
                        .onSuccess(scan -> ctx.response()
                                .putHeader("Content-Type", scan.contentType())
                                .putHeader("Content-Disposition", "attachment; filename=\"" + scan.filename() + "\"")
                                .end(scan.bytes()))
                        .onFailure(ctx::fail));
    }

    /**
     * Issue 10: who may call is settled before the body is read, so a caller with no part in the sitting (or whose part
     * does not take the step) gets 403 whatever they send, never a 400 that tells them the operation would go on. The
     * services check again inside their atomic change; this is one more read of a small document, off the hot path.
     */
    private static Handler<RoutingContext> step(SittingModule m, StudentStep... steps) {
        return guard(m, false, role -> java.util.Arrays.stream(steps).anyMatch(s -> s.takenBy(role)));
    }

    /** Anyone with a part in the sitting (or, with {@code admin}, an administrator); with {@code parts}, only those. */
    private static Handler<RoutingContext> part(SittingModule m, boolean admin, SittingRole... parts) {
        return guard(m, admin, role -> java.util.List.of(parts).contains(role));
    }

    /** Anyone with a part in the sitting, and an administrator (reads). */
    private static Handler<RoutingContext> part(SittingModule m) {
        return guard(m, true, role -> true);
    }

    private static Handler<RoutingContext> guard(
            SittingModule m, boolean admin, java.util.function.Predicate<SittingRole> may) {
        return ctx -> {
            Caller caller = Caller.of(ctx);
            m.sittings()
                    .store()
                    .get(id(ctx))
                    .onSuccess(doc -> {
                        Optional<SittingRole> role = SittingJson.parts(doc).roleOf(caller.id());
                        if (admin && caller.has(Role.ADMIN) || role.isPresent() && may.test(role.get())) ctx.next();
                        else ctx.fail(Refusal.of(CommonRefusal.FORBIDDEN));
                    })
                    .onFailure(ctx::fail);
        };
    }

    private static String id(RoutingContext ctx) {
        return ctx.pathParam("sittingId");
    }

    private static String sid(RoutingContext ctx) {
        return ctx.pathParam("studentId");
    }
}
