package kz.emtihan.registry;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Optional;
import kz.emtihan.auth.Caller;
import kz.emtihan.auth.model.Role;
import kz.emtihan.http.Languages;
import kz.emtihan.refusal.CommonRefusal;
import kz.emtihan.refusal.FieldProblem;
import kz.emtihan.refusal.Refusal;
import kz.emtihan.text.Language;

/** HTTP for the registry (openapi.yaml, tag {@code registry}). Translation only. */
public final class RegistryRoutes {
    private RegistryRoutes() {}

    /** Who reads exams' results in the registry; which exam is then ExamAccess RESULTS's answer. */
    private static final Role[] EXAM_READERS = {Role.ADMIN, Role.REGISTRAR, Role.TEACHER, Role.PROCTOR};

    public static void mount(Router api, Registry registry) {
        // a sitting's commission and secretary (roles commission, secretary) list their sittings
        api.get("/registry")
                .respond(ctx -> registry.index(Caller.require(
                        ctx, Role.ADMIN, Role.REGISTRAR, Role.TEACHER, Role.PROCTOR, Role.COMMISSION, Role.SECRETARY)));
        api.get("/registry/exams/:examId")
                .respond(ctx -> registry.exam(Caller.require(ctx, EXAM_READERS), ctx.pathParam("examId"), group(ctx)));
        api.get("/registry/exams/:examId/export").handler(ctx -> {
            Caller c = Caller.require(ctx, EXAM_READERS);
            send(ctx, registry.examExport(c, ctx.pathParam("examId"), format(ctx), group(ctx), Languages.of(ctx)));
        });
        api.get("/registry/exams/:examId/grade-sheet").handler(ctx -> {
            Caller c = Caller.require(ctx, EXAM_READERS);
            send(ctx, registry.gradeSheet(c, ctx.pathParam("examId"), group(ctx), language(ctx), Languages.of(ctx)));
        });
        // a sitting's part is by user id, not role: registrars and admins read all, its commission its own
        api.get("/registry/sittings/:sittingId/export").handler(ctx -> {
            Caller c = Caller.of(ctx);
            send(ctx, registry.sittingExport(c, ctx.pathParam("sittingId"), format(ctx), Languages.of(ctx)));
        });
    }

    private static void send(RoutingContext ctx, Future<Registry.Download> file) {
        file.onSuccess(d -> ctx.response()
                        .putHeader("Content-Type", d.contentType())
                        .putHeader("Content-Disposition", "attachment; filename=\"" + d.fileName() + "\"")
                        .end(Buffer.buffer(d.body())))
                .onFailure(ctx::fail);
    }

    private static Exports.Format format(RoutingContext ctx) {
        String f = ctx.queryParams().get("format");
        if (f == null) return Exports.Format.CSV;
        return Exports.Format.of(f)
                .orElseThrow(() ->
                        Refusal.of(CommonRefusal.BAD_FIELD, "format", FieldProblem.oneOf(Exports.Format.codes())));
    }

    private static Optional<String> group(RoutingContext ctx) {
        String g = ctx.queryParams().get("group");
        return g == null || g.isBlank() ? Optional.empty() : Optional.of(g.strip());
    }

    private static Optional<Language> language(RoutingContext ctx) {
        String l = ctx.queryParams().get("language");
        if (l == null || l.isBlank()) return Optional.empty();
        Optional<Language> parsed = Language.parse(l);
        if (parsed.isEmpty() || !parsed.get().code().equals(l))
            throw Refusal.of(CommonRefusal.BAD_FIELD, "language", FieldProblem.oneOf("kk, ru, en"));
        return parsed;
    }
}
