package kz.emtihan.exam;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import java.util.List;
import kz.emtihan.auth.Caller;
import kz.emtihan.auth.model.Role;
import kz.emtihan.grade.ResultsCsv;
import kz.emtihan.http.Bodies;
import kz.emtihan.upload.CsvRecords;

/** HTTP for exams and attempts (API.md "Exams", "Attempts"). Translation only. */
public final class ExamRoutes {
    private ExamRoutes() {}

    /** A CSV cell as a number (decimal comma or point), or the text itself for the roster's check to report. */
    private static Object number(String cell) {
        try {
            return Double.parseDouble(cell.replace(',', '.'));
        } catch (NumberFormatException e) {
            return cell;
        }
    }

    public static void mount(Router api, ExamModule m, ExamProctors proctors) {
        Exams exams = m.exams();
        Attempts attempts = m.attempts();
        Results results = m.results();
        api.post("/exams").respond(ctx -> {
            Caller c = Caller.require(ctx, Role.TEACHER, Role.ADMIN);
            return exams.create(c, Bodies.object(ctx)).map(id -> {
                ctx.response().setStatusCode(201);
                return new JsonObject().put("id", id);
            });
        });
        // 5.16: where a window would open in the academic calendar (the new-exam form shows it before scheduling)
        api.get("/calendar").respond(ctx -> {
            Caller.require(ctx, Role.TEACHER, Role.ADMIN);
            return Future.succeededFuture(
                    exams.calendarAt(ctx.queryParam("at").stream().findFirst().orElse(null)));
        });
        api.get("/exams")
                .respond(
                        ctx -> exams.list(Caller.require(ctx, Role.TEACHER, Role.ADMIN, Role.PROCTOR, Role.REGISTRAR)));
        api.get("/exams/:examId")
                .respond(ctx -> exams.view(
                        Caller.require(ctx, Role.TEACHER, Role.ADMIN, Role.PROCTOR, Role.REGISTRAR),
                        ctx.pathParam("examId")));
        api.put("/exams/:examId/roster").respond(ctx -> {
            Caller c = Caller.require(ctx, Role.TEACHER, Role.ADMIN);
            if (!Bodies.isCsv(ctx)) {
                return exams.replaceRoster(c, ctx.pathParam("examId"), Bodies.array(ctx))
                        .map(n -> new JsonObject().put("students", n));
            }
            List<CsvRecords.Row> rows = CsvRecords.parse(Bodies.text(ctx), List.of("studentId"));
            JsonArray roster = new JsonArray();
            for (CsvRecords.Row r : rows) {
                JsonObject entry = new JsonObject().put("studentId", r.get("studentId"));
                String rating = r.get("admissionRating");
                if (!rating.isEmpty()) entry.put("admissionRating", number(rating));
                // 6.10: the two midterm ratings, whose mean is the admission rating (a blank pair: none)
                String first = r.get("midterm1");
                String second = r.get("midterm2");
                if (!first.isEmpty() || !second.isEmpty())
                    entry.put("midterms", new JsonArray().add(number(first)).add(number(second)));
                roster.add(entry);
            }
            return exams.replaceRoster(c, ctx.pathParam("examId"), roster)
                    .<JsonObject>map(n -> new JsonObject().put("students", n))
                    .recover(err -> Future.failedFuture(CsvRecords.byLine(err, rows)));
        });
        api.get("/exams/:examId/results").respond(ctx -> {
            Caller c = Caller.require(ctx, Role.TEACHER, Role.ADMIN, Role.PROCTOR, Role.REGISTRAR);
            boolean csv = String.valueOf(ctx.request().getHeader("Accept")).contains("text/csv");
            return results.of(c, ctx.pathParam("examId")).map(rows -> {
                if (!csv) return rows;
                ctx.response()
                        .putHeader("Content-Type", "text/csv; charset=utf-8")
                        .putHeader(
                                "Content-Disposition",
                                "attachment; filename=\"results-" + ctx.pathParam("examId") + ".csv\"");
                return ResultsCsv.of(rows);
            });
        });
        api.get("/exams/:examId/progress")
                .respond(ctx -> m.progress()
                        .of(Caller.require(ctx, Role.TEACHER, Role.ADMIN, Role.PROCTOR), ctx.pathParam("examId")));
        api.get("/exams/:examId/proctors")
                .respond(ctx -> proctors.view(
                        Caller.require(ctx, Role.TEACHER, Role.ADMIN, Role.PROCTOR, Role.REGISTRAR),
                        ctx.pathParam("examId")));
        api.put("/exams/:examId/proctors")
                .respond(ctx ->
                        proctors.replace(Caller.require(ctx, Role.ADMIN), ctx.pathParam("examId"), Bodies.object(ctx)));
        api.get("/me/exams")
                .respond(ctx -> exams.mine(Caller.require(ctx, Role.STUDENT), kz.emtihan.http.Languages.of(ctx)));
        api.post("/exams/:examId/attempts")
                .respond(ctx -> attempts.start(Caller.of(ctx), ctx.pathParam("examId"))
                        .map(s -> {
                            ctx.response().setStatusCode(s.created() ? 201 : 200);
                            return s.attempt();
                        }));
        api.get("/attempts/:attemptId").respond(ctx -> attempts.get(Caller.of(ctx), ctx.pathParam("attemptId")));
        api.put("/attempts/:attemptId/answers/:questionId")
                .respond(ctx -> attempts.save(
                        Caller.of(ctx), ctx.pathParam("attemptId"), ctx.pathParam("questionId"), Bodies.object(ctx)));
        api.post("/attempts/:attemptId/submit")
                .respond(ctx -> attempts.submit(Caller.of(ctx), ctx.pathParam("attemptId"), Bodies.objectOrEmpty(ctx)));
        api.get("/attempts/:attemptId/receipt")
                .respond(ctx -> m.receipts().receipt(Caller.of(ctx), ctx.pathParam("attemptId")));
        // issue 10: the log a receipt's chain is built from, once the attempt is finished (docs/verification.md)
        api.get("/attempts/:attemptId/log")
                .respond(ctx -> m.receipts().log(Caller.of(ctx), ctx.pathParam("attemptId")));
        api.get("/attempts/:attemptId/verification").respond(ctx -> {
            return m.receipts()
                    .verify(
                            Caller.require(ctx, Role.ADMIN, Role.TEACHER, Role.PROCTOR, Role.REGISTRAR),
                            ctx.pathParam("attemptId"));
        });
    }
}
