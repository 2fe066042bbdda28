package kz.emtihan.lti.services;

import io.vertx.ext.web.Router;
import kz.emtihan.auth.Caller;
import kz.emtihan.auth.model.Role;

/** HTTP of grades back and rosters from the course (issue 16, 3-4; openapi.yaml "LTI services"). Translation only. */
public final class LtiServicesRoutes {
    private LtiServicesRoutes() {}

    public static void mount(Router api, LtiServicesModule m) {
        api.get("/exams/:examId/lti/grades")
                .respond(ctx -> m.grades()
                        .ofExam(
                                Caller.require(ctx, Role.TEACHER, Role.ADMIN, Role.PROCTOR, Role.REGISTRAR),
                                ctx.pathParam("examId")));
        api.get("/exams/:examId/lti/grades/:studentId")
                .respond(ctx -> m.grades()
                        .one(
                                Caller.require(
                                        ctx, Role.TEACHER, Role.ADMIN, Role.PROCTOR, Role.REGISTRAR, Role.STUDENT),
                                ctx.pathParam("examId"),
                                ctx.pathParam("studentId")));
        api.post("/exams/:examId/lti/grades/:studentId/resend")
                .respond(ctx -> m.grades()
                        .resend(
                                Caller.require(ctx, Role.TEACHER, Role.ADMIN),
                                ctx.pathParam("examId"),
                                ctx.pathParam("studentId")));
        // issue 16 (3) for oral sittings: the same, under the sitting
        api.get("/sittings/:sittingId/lti/grades")
                .respond(ctx -> m.sittingGrades()
                        .ofSitting(Caller.of(ctx), ctx.pathParam("sittingId"))); // who: Sittings#resultsSeenBy
        api.post("/sittings/:sittingId/lti/grades/:studentId/resend")
                .respond(ctx -> m.sittingGrades()
                        .resend(
                                Caller.of(ctx), // who: Sittings#runBy
                                ctx.pathParam("sittingId"),
                                ctx.pathParam("studentId")));
        api.post("/exams/:examId/lti/roster-sync")
                .respond(ctx ->
                        m.rosters().sync(Caller.require(ctx, Role.TEACHER, Role.ADMIN), ctx.pathParam("examId")));
    }
}
