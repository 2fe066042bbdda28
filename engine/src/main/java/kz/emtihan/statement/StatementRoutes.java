package kz.emtihan.statement;

import io.vertx.ext.web.Router;
import kz.emtihan.auth.Caller;
import kz.emtihan.auth.model.Role;
import kz.emtihan.http.Bodies;

/**
 * HTTP for extensions and individual statements (5.34-5.35: {@code /api/v1/statements/...}) and per-student
 * accommodations ({@code /api/v1/exams/{examId}/accommodations}). Translation only; who may call is settled before the
 * body is read, and the services check again.
 */
public final class StatementRoutes {
    private StatementRoutes() {}

    public static void mount(Router api, StatementModule m) {
        api.post("/statements")
                .respond(ctx -> m.statements()
                        .apply(Caller.require(ctx, Role.STUDENT), Bodies.object(ctx))
                        .map(s -> {
                            ctx.response().setStatusCode(201);
                            return s;
                        }));
        api.get("/statements")
                .respond(ctx -> m.statements()
                        .list(Caller.require(
                                ctx,
                                Role.STUDENT,
                                Role.REGISTRAR,
                                Role.ADMIN,
                                Role.DEAN,
                                Role.DIRECTOR,
                                Role.VICE_RECTOR)));
        api.get("/statements/:statementId")
                .respond(ctx -> m.statements().get(Caller.of(ctx), ctx.pathParam("statementId")));
        api.post("/statements/:statementId/signatures")
                .respond(ctx -> m.statements()
                        .sign(
                                Caller.require(ctx, Statements.SIGNERS),
                                ctx.pathParam("statementId"),
                                Bodies.object(ctx)));
        api.post("/statements/:statementId/issue")
                .respond(ctx -> m.statements().issue(Caller.require(ctx, Role.DEAN), ctx.pathParam("statementId")));
        api.get("/statements/:statementId/document")
                .handler(ctx -> m.statements()
                        .scan(Caller.of(ctx), ctx.pathParam("statementId"))
                        .onSuccess(scan -> ctx.response()
                                .putHeader("Content-Type", scan.contentType())
                                .putHeader("Content-Disposition", "attachment; filename=\"" + scan.filename() + "\"")
                                .end(scan.bytes()))
                        .onFailure(ctx::fail));
        api.get("/exams/:examId/accommodations")
                .respond(ctx ->
                        m.accommodations().get(Caller.require(ctx, Role.TEACHER, Role.ADMIN), ctx.pathParam("examId")));
        api.put("/exams/:examId/accommodations").respond(ctx -> {
            Caller caller = Caller.require(ctx, Role.TEACHER, Role.ADMIN);
            // who first, then what: a teacher of another exam is told 403 whatever the body says
            return m.accommodations()
                    .get(caller, ctx.pathParam("examId"))
                    .compose(x -> m.accommodations().set(caller, ctx.pathParam("examId"), Bodies.object(ctx)));
        });
    }
}
