package kz.emtihan.grade.statistics;

import io.vertx.ext.web.Router;
import io.vertx.redis.client.Redis;
import kz.emtihan.auth.Caller;
import kz.emtihan.auth.model.Role;
import kz.emtihan.bank.Banks;
import kz.emtihan.config.Regulation;
import kz.emtihan.exam.ExamModule;
import kz.emtihan.exam.ExamOutcomes;
import kz.emtihan.http.Bodies;
import kz.emtihan.refusal.CommonRefusal;
import kz.emtihan.refusal.FieldProblem;
import kz.emtihan.refusal.Refusal;

/** HTTP for item statistics (openapi.yaml {@code examStatistics}, {@code acceptStatistics}). Translation only. */
public final class StatisticsRoutes {
    private StatisticsRoutes() {}

    public static void mount(Router api, ExamModule exam, Redis redis, Banks banks, Regulation regulation) {
        mount(api, new ExamStatistics(ExamOutcomes.of(exam, redis), banks, regulation));
    }

    static void mount(Router api, ExamStatistics statistics) {
        // the exam's teacher and admins (ExamAccess MANAGE): the table shows each question's key; never a student
        api.get("/exams/:examId/statistics").respond(ctx -> {
            Caller c = Caller.require(ctx, Role.TEACHER, Role.ADMIN);
            String format = ctx.queryParams().get("format");
            if (format == null || format.equals("json"))
                return statistics.json(c, ctx.pathParam("examId")).<Object>map(o -> o);
            if (!format.equals("csv"))
                throw Refusal.of(CommonRefusal.BAD_FIELD, "format", FieldProblem.oneOf("json, csv"));
            return statistics.csv(c, ctx.pathParam("examId")).<Object>map(csv -> {
                ctx.response()
                        .putHeader("Content-Type", "text/csv; charset=utf-8")
                        .putHeader(
                                "Content-Disposition",
                                "attachment; filename=\"statistics-" + ctx.pathParam("examId") + ".csv\"");
                return csv;
            });
        });
        api.post("/exams/:examId/statistics/accept")
                .respond(ctx -> statistics.accept(
                        Caller.require(ctx, Role.TEACHER, Role.ADMIN),
                        ctx.pathParam("examId"),
                        Bodies.objectOrEmpty(ctx)));
    }
}
