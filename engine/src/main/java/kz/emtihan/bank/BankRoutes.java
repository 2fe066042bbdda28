package kz.emtihan.bank;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import java.util.Optional;
import kz.emtihan.auth.Caller;
import kz.emtihan.auth.model.Role;
import kz.emtihan.bank.model.Difficulty;
import kz.emtihan.http.Bodies;
import kz.emtihan.http.Languages;
import kz.emtihan.refusal.Refusal;
import kz.emtihan.text.Catalogue;
import kz.emtihan.text.Language;
import kz.emtihan.upload.UploadRefusal;

/** HTTP for banks (API.md "Question banks"). Translation only. */
public final class BankRoutes {
    private BankRoutes() {}

    public static void mount(Router api, Banks banks, BankPeople people) {
        api.post("/banks").respond(ctx -> {
            Caller c = Caller.require(ctx, Role.TEACHER, Role.ADMIN);
            return banks.create(c, Banks.passport(Bodies.object(ctx))).map(id -> {
                ctx.response().setStatusCode(201);
                return new JsonObject().put("id", id);
            });
        });
        api.get("/banks").respond(ctx -> {
            return banks.list(Caller.require(ctx, Role.TEACHER, Role.ADMIN, Role.EXPERT, Role.HEAD))
                    .compose(people::withOwnerNames);
        });
        api.get("/banks/:bankId").respond(ctx -> {
            return banks.summary(
                    Caller.require(ctx, Role.TEACHER, Role.ADMIN, Role.EXPERT, Role.HEAD), ctx.pathParam("bankId"));
        });
        BankQuestions questions = new BankQuestions(banks);
        api.get("/banks/:bankId/questions").respond(ctx -> {
            Caller c = Caller.require(ctx, Role.TEACHER, Role.ADMIN, Role.EXPERT, Role.HEAD);
            Language language = Languages.of(ctx);
            return questions
                    .list(
                            c,
                            ctx.pathParam("bankId"),
                            () -> QuestionQuery.parse(ctx.queryParams()::get, Integer.MAX_VALUE))
                    .map(page -> {
                        ctx.response().putHeader("X-Total-Count", String.valueOf(page.total()));
                        return questions.items(page, language);
                    });
        });
        api.get("/banks/:bankId/questions/search").respond(ctx -> {
            Caller c = Caller.require(ctx, Role.TEACHER, Role.ADMIN, Role.EXPERT, Role.HEAD);
            Language language = Languages.of(ctx);
            java.util.concurrent.atomic.AtomicReference<QuestionQuery> asked =
                    new java.util.concurrent.atomic.AtomicReference<>();
            return questions
                    .list(c, ctx.pathParam("bankId"), () -> {
                        asked.set(QuestionQuery.parse(ctx.queryParams()::get, 50));
                        return asked.get();
                    })
                    .map(page -> new JsonObject()
                            .put("total", page.total())
                            .put("offset", asked.get().offset())
                            .put("limit", asked.get().limit())
                            .put("items", questions.items(page, language)));
        });
        api.get("/banks/:bankId/topics").respond(ctx -> {
            return questions.topics(
                    Caller.require(ctx, Role.TEACHER, Role.ADMIN, Role.EXPERT, Role.HEAD), ctx.pathParam("bankId"));
        });
        api.post("/banks/:bankId/questions/classify").respond(ctx -> {
            Caller c = Caller.require(ctx, Role.TEACHER, Role.ADMIN);
            return questions
                    .classify(c, ctx.pathParam("bankId"), Bodies.object(ctx))
                    .map(n -> new JsonObject().put("changed", n));
        });
        api.patch("/banks/:bankId/questions/:questionId").respond(ctx -> {
            Caller c = Caller.require(ctx, Role.TEACHER, Role.ADMIN);
            return questions.edit(
                    c, ctx.pathParam("bankId"), ctx.pathParam("questionId"), Bodies.object(ctx), Languages.of(ctx));
        });
        api.post("/banks/:bankId/questions").respond(ctx -> {
            Caller c = Caller.require(ctx, Role.TEACHER, Role.ADMIN);
            return banks.add(c, ctx.pathParam("bankId"), Bodies.array(ctx)).map(n -> new JsonObject().put("added", n));
        });
        api.delete("/banks/:bankId/questions/:questionId").respond(ctx -> {
            Caller c = Caller.require(ctx, Role.TEACHER, Role.ADMIN);
            return banks.deleteQuestion(c, ctx.pathParam("bankId"), ctx.pathParam("questionId"));
        });
        api.post("/banks/:bankId/import").respond(ctx -> {
            Caller c = Caller.require(ctx, Role.TEACHER, Role.ADMIN);
            String format = Optional.ofNullable(ctx.queryParams().get("format"))
                    .orElseThrow(() -> Refusal.of(BankRefusal.BAD_FORMAT));
            Optional<Difficulty> fallback = Optional.empty();
            String d = ctx.queryParams().get("difficulty");
            if (d != null) {
                fallback =
                        Optional.of(Difficulty.fromCode(d).orElseThrow(() -> Refusal.of(BankRefusal.BAD_DIFFICULTY)));
            }
            if (ctx.body().length() <= 0 || ctx.body().buffer() == null) throw Refusal.of(UploadRefusal.EMPTY_FILE);
            Language language = Languages.of(ctx);
            return banks.importFile(
                            c,
                            ctx.pathParam("bankId"),
                            format,
                            ctx.body().buffer().getBytes(),
                            fallback)
                    .map(done -> new JsonObject()
                            .put("imported", done.imported())
                            .put("unclassified", done.unclassified())
                            .put("skipped", ImportNotes.toJson(done.notes(), done.refused(), language)));
        });
        api.get("/banks/:bankId/export").respond(ctx -> {
            Caller c = Caller.require(ctx, Role.TEACHER, Role.ADMIN, Role.EXPERT, Role.HEAD);
            String format = Optional.ofNullable(ctx.queryParams().get("format")).orElse("");
            return banks.export(c, ctx.pathParam("bankId"), format).map(file -> {
                ctx.response()
                        .putHeader("Content-Type", file.contentType())
                        .putHeader("Content-Disposition", "attachment; filename=\"" + file.fileName() + "\"");
                return Buffer.buffer(file.bytes());
            });
        });
        api.get("/banks/:bankId/access")
                .respond(ctx -> people.view(
                        Caller.require(ctx, Role.TEACHER, Role.ADMIN, Role.EXPERT, Role.HEAD),
                        ctx.pathParam("bankId")));
        api.put("/banks/:bankId/access")
                .respond(ctx -> people.replace(
                        Caller.require(ctx, Role.TEACHER, Role.ADMIN), ctx.pathParam("bankId"), Bodies.object(ctx)));
        api.get("/banks/:bankId/validation").respond(ctx -> {
            Language language = Languages.of(ctx);
            return banks.validate(
                            Caller.require(ctx, Role.TEACHER, Role.ADMIN, Role.EXPERT, Role.HEAD),
                            ctx.pathParam("bankId"))
                    .map(problems -> new JsonObject()
                            .put("ok", problems.isEmpty())
                            .put(
                                    "problems",
                                    new JsonArray(problems.stream()
                                            .map(p -> new JsonObject()
                                                    .put("rule", p.rule())
                                                    .put("message", Catalogue.render(p.text(), language)))
                                            .toList())));
        });
    }
}
