package kz.emtihan.sitting;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import kz.emtihan.auth.Caller;
import kz.emtihan.auth.Role;
import kz.emtihan.http.Bodies;

/** HTTP for sittings of the oral final attestation (issue 5, 10: {@code /api/v1/sittings/...}). Translation only. */
public final class SittingRoutes {
  private SittingRoutes() {}

  public static void mount(Router api, SittingModule m) {
    api.post("/sittings").respond(ctx -> m.sittings().create(Caller.require(ctx, Role.ADMIN), Bodies.object(ctx)).map(id -> {
      ctx.response().setStatusCode(201);
      return new JsonObject().put("id", id);
    }));
    api.get("/sittings").respond(ctx -> m.sittings().mine(Caller.of(ctx)));
    api.get("/sittings/:sittingId").respond(ctx -> m.sittings().view(Caller.of(ctx), id(ctx)));
    api.put("/sittings/:sittingId/tickets").respond(ctx -> {
      Caller caller = Caller.of(ctx);
      return m.sittings().tickets(caller, id(ctx), Bodies.isCsv(ctx) ? TicketsCsv.parse(Bodies.text(ctx)) : Bodies.array(ctx));
    });
    api.get("/sittings/:sittingId/draws").respond(ctx -> m.sittings().draws(Caller.of(ctx), id(ctx)));
    api.post("/sittings/:sittingId/close").respond(ctx -> m.sittings().close(Caller.of(ctx), id(ctx)));
    String student = "/sittings/:sittingId/students/:studentId";
    api.post(student + "/admit").respond(ctx -> m.steps().admit(Caller.of(ctx), id(ctx), sid(ctx)));
    api.post(student + "/identity").respond(ctx -> m.steps().identity(Caller.of(ctx), id(ctx), sid(ctx), Bodies.object(ctx)));
    api.post(student + "/room").respond(ctx -> m.steps().room(Caller.of(ctx), id(ctx), sid(ctx), Bodies.object(ctx)));
    api.post(student + "/draw").respond(ctx -> m.steps().draw(Caller.of(ctx), id(ctx), sid(ctx), Bodies.objectOrEmpty(ctx)));
    api.post(student + "/phase").respond(ctx -> m.steps().phase(Caller.of(ctx), id(ctx), sid(ctx), Bodies.object(ctx)));
    api.put(student + "/score").respond(ctx -> m.steps().score(Caller.of(ctx), id(ctx), sid(ctx), Bodies.object(ctx)));
    api.put(student + "/photos/:kind").respond(ctx -> m.photos().put(Caller.of(ctx), id(ctx), sid(ctx), ctx.pathParam("kind"),
        ctx.request().getHeader("Content-Type"), ctx.body().buffer() == null ? io.vertx.core.buffer.Buffer.buffer() : ctx.body().buffer()));
    api.get(student + "/photos/:kind").handler(ctx -> m.photos().get(Caller.of(ctx), id(ctx), sid(ctx), ctx.pathParam("kind"))
        .onSuccess(p -> ctx.response().putHeader("Content-Type", p.contentType()).putHeader("Cache-Control", "no-store").end(p.bytes()))
        .onFailure(ctx::fail));
    api.post(student + "/confirm").respond(ctx -> m.steps().confirm(Caller.of(ctx), id(ctx), sid(ctx)));
    api.post("/sittings/:sittingId/acts").respond(ctx -> m.after().act(Caller.of(ctx), id(ctx), Bodies.object(ctx)).map(a -> {
      ctx.response().setStatusCode(201);
      return a;
    }));
    api.put("/sittings/:sittingId/acts/:actId/vote").respond(ctx ->
        m.after().vote(Caller.of(ctx), id(ctx), ctx.pathParam("actId"), Bodies.object(ctx)));
    api.post("/sittings/:sittingId/appeals").respond(ctx -> m.after().appeal(Caller.of(ctx), id(ctx), Bodies.object(ctx)).map(a -> {
      ctx.response().setStatusCode(201);
      return a;
    }));
    api.post("/sittings/:sittingId/appeals/:appealId/meeting").respond(ctx ->
        m.after().meeting(Caller.of(ctx), id(ctx), ctx.pathParam("appealId"), Bodies.objectOrEmpty(ctx)));
    api.post("/sittings/:sittingId/appeals/:appealId/decision").respond(ctx ->
        m.after().decide(Caller.of(ctx), id(ctx), ctx.pathParam("appealId"), Bodies.object(ctx)));
    postponements(api, m);
    api.get("/sittings/:sittingId/protocol.pdf").handler(ctx -> pdf(ctx, m.papers().protocol(Caller.of(ctx), id(ctx)), "protocol"));
    api.get("/sittings/:sittingId/acts/:actId/pdf").handler(ctx ->
        pdf(ctx, m.papers().act(Caller.of(ctx), id(ctx), ctx.pathParam("actId")), ctx.pathParam("actId")));
    api.get("/sittings/:sittingId/appeals/:appealId/pdf").handler(ctx ->
        pdf(ctx, m.papers().appeal(Caller.of(ctx), id(ctx), ctx.pathParam("appealId")), ctx.pathParam("appealId")));
  }

  private static void pdf(RoutingContext ctx, io.vertx.core.Future<byte[]> pdf, String name) {
    pdf.onSuccess(b -> ctx.response().putHeader("Content-Type", "application/pdf")
        .putHeader("Content-Disposition", "attachment; filename=\"" + id(ctx) + "-" + name + ".pdf\"")
        .end(io.vertx.core.buffer.Buffer.buffer(b))).onFailure(ctx::fail);
  }

  private static void postponements(Router api, SittingModule m) {
    api.post("/sittings/:sittingId/postponements").respond(ctx -> m.postponements().apply(Caller.of(ctx), id(ctx), Bodies.object(ctx))
        .map(p -> {
          ctx.response().setStatusCode(201);
          return p;
        }));
    api.post("/sittings/:sittingId/postponements/:postponementId/decision").respond(ctx ->
        m.postponements().decide(Caller.of(ctx), id(ctx), ctx.pathParam("postponementId"), Bodies.object(ctx)));
    api.get("/sittings/:sittingId/postponements/:postponementId/document").handler(ctx ->
        m.postponements().document(Caller.of(ctx), id(ctx), ctx.pathParam("postponementId"))
            .onSuccess(scan -> ctx.response().putHeader("Content-Type", scan.contentType())
                .putHeader("Content-Disposition", "attachment; filename=\"" + scan.filename() + "\"").end(scan.bytes()))
            .onFailure(ctx::fail));
  }

  private static String id(RoutingContext ctx) {
    return ctx.pathParam("sittingId");
  }

  private static String sid(RoutingContext ctx) {
    return ctx.pathParam("studentId");
  }
}
