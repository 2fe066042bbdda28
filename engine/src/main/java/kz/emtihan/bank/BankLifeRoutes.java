package kz.emtihan.bank;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import kz.emtihan.auth.Caller;
import kz.emtihan.auth.model.Role;
import kz.emtihan.bank.model.BankLife;
import kz.emtihan.calendar.model.AcademicCalendar;
import kz.emtihan.http.Bodies;
import kz.emtihan.http.Languages;

/** HTTP for a bank's life (5.19, 5.24-5.27, 5.31): approval, panel, conclusions, papers, locks. Translation only. */
public final class BankLifeRoutes {
    private BankLifeRoutes() {}

    public static void mount(Router api, Banks banks, Assignees people, AcademicCalendar calendar) {
        BankReviews reviews = new BankReviews(banks, people, calendar);
        BankLocks locks = new BankLocks(banks, calendar);
        BankLifeView view = new BankLifeView(reviews);
        BankPapers papers = new BankPapers(reviews);
        Role[] readers = {Role.TEACHER, Role.ADMIN, Role.EXPERT, Role.HEAD};
        api.get("/banks/:bankId/life")
                .respond(ctx -> view.view(Caller.require(ctx, readers), ctx.pathParam("bankId"), Languages.of(ctx)));
        api.post("/banks/:bankId/approval")
                .respond(ctx -> after(
                        ctx,
                        view,
                        reviews.approve(
                                Caller.require(ctx, Role.HEAD, Role.ADMIN),
                                ctx.pathParam("bankId"),
                                Bodies.object(ctx))));
        api.put("/banks/:bankId/panel")
                .respond(ctx -> after(
                        ctx,
                        view,
                        reviews.assign(
                                Caller.require(ctx, Role.HEAD, Role.ADMIN),
                                ctx.pathParam("bankId"),
                                Bodies.object(ctx))));
        api.post("/banks/:bankId/conclusions").respond(ctx -> {
            Caller c = Caller.require(ctx, Role.EXPERT);
            return reviews.conclude(c, ctx.pathParam("bankId"), Bodies.object(ctx))
                    .map(life -> {
                        ctx.response().setStatusCode(201);
                        return BankLifeJson.conclusion(life.conclusions()
                                        .get(life.conclusions().size() - 1))
                                .put(
                                        "pdf",
                                        "/api/v1/banks/" + ctx.pathParam("bankId") + "/conclusions/"
                                                + life.conclusions().size() + "/pdf");
                    });
        });
        api.post("/banks/:bankId/lock")
                .respond(ctx -> after(
                        ctx,
                        view,
                        locks.lock(
                                Caller.require(ctx, Role.ADMIN), ctx.pathParam("bankId"), Bodies.objectOrEmpty(ctx))));
        api.post("/banks/:bankId/unlock")
                .respond(ctx -> after(
                        ctx,
                        view,
                        locks.unlock(Caller.require(ctx, Role.ADMIN), ctx.pathParam("bankId"), Bodies.object(ctx))));
        api.post("/bank-locks").respond(ctx -> locks.lockMany(Caller.require(ctx, Role.ADMIN), Bodies.object(ctx)));
        api.get("/banks/:bankId/passport/pdf")
                .respond(ctx -> pdf(
                        ctx,
                        papers.passport(Caller.require(ctx, readers), ctx.pathParam("bankId"), Languages.of(ctx)),
                        "passport-" + ctx.pathParam("bankId")));
        api.get("/banks/:bankId/conclusions/:number/pdf")
                .respond(ctx -> pdf(
                        ctx,
                        papers.conclusion(
                                Caller.require(ctx, readers),
                                ctx.pathParam("bankId"),
                                ctx.pathParam("number"),
                                Languages.of(ctx)),
                        "conclusion-" + ctx.pathParam("bankId") + "-" + ctx.pathParam("number")));
    }

    /** A step's answer: the life as the bank page shows it after the step. */
    private static Future<JsonObject> after(RoutingContext ctx, BankLifeView view, Future<BankLife> step) {
        return step.compose(l -> view.view(Caller.of(ctx), ctx.pathParam("bankId"), Languages.of(ctx)));
    }

    private static Future<Buffer> pdf(RoutingContext ctx, Future<byte[]> bytes, String name) {
        return bytes.map(b -> {
            ctx.response()
                    .putHeader("Content-Type", "application/pdf")
                    .putHeader("Content-Disposition", "inline; filename=\"" + name + ".pdf\"");
            return Buffer.buffer(b);
        });
    }
}
