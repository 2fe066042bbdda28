package kz.emtihan.lti.services;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.Set;
import kz.emtihan.auth.Caller;
import kz.emtihan.auth.model.Role;
import kz.emtihan.bank.model.LifeRefusal;
import kz.emtihan.exam.ExamKeys;
import kz.emtihan.exam.ExamRefusal;
import kz.emtihan.exam.Exams;
import kz.emtihan.exam.model.Exam;
import kz.emtihan.lti.LaunchEnrolment;
import kz.emtihan.lti.model.ResourceLink;
import kz.emtihan.lti.services.model.LaunchAdmission;
import kz.emtihan.refusal.Refusal;

/**
 * Issue 16 (1): a Learner who opens an activity bound to an exam is put on the exam's roster, as a sync with the
 * course would put them ({@link Rosters}): through the exam context's roster code in its teacher's name (5.31 the
 * bank's lock, 5.36-5.38 retakes; every other student's admission rating and midterms, 5.30 and 6.10, carried over),
 * under the roster lock a sync holds too ({@link RosterLock}), marked as put there from the LMS (a later sync takes
 * them off, like those it added, once they leave the course without having started), and audited. Who may be
 * added and when is {@link LaunchAdmission}; the launch only calls this for a Learner of the link's own course.
 */
final class LaunchRoster implements LaunchEnrolment {
    private final Exams exams;
    private final Redis redis;
    private final GradeStore audit;
    private final RosterLock lock;
    private final Clock clock;

    LaunchRoster(Exams exams, Redis redis, GradeStore audit, RosterLock lock, Clock clock) {
        this.exams = exams;
        this.redis = redis;
        this.audit = audit;
        this.lock = lock;
        this.clock = clock;
    }

    @Override
    public Future<Void> enrol(ResourceLink link, String studentId) {
        String examId = link.examId();
        // the usual launch of a student already on the roster costs one read and takes no lock
        return exams.exam(examId)
                .compose(exam -> onRoster(examId, studentId).compose(on -> switch (LaunchAdmission.of(
                        on, exam.closesAt(), clock.instant())) {
                    case ALREADY -> Future.<Void>succeededFuture();
                    case ENDED ->
                        Future.<Void>failedFuture(Refusal.of(
                                LtiServicesRefusal.LAUNCH_EXAM_ENDED,
                                "5.16",
                                exam.closesAt().toString()));
                    case ADD -> lock.holding(examId, () -> add(exam, link, studentId));
                }));
    }

    private Future<Boolean> onRoster(String examId, String studentId) {
        return redis.send(Request.cmd(Command.SISMEMBER)
                        .arg(ExamKeys.roster(examId))
                        .arg(studentId))
                .map(r -> r != null && r.toInteger() == 1);
    }

    /** Under the lock: read the roster again (a sync or launch may have just added them), add, mark, audit. */
    private Future<Void> add(Exam exam, ResourceLink link, String studentId) {
        Caller teacher = new Caller(exam.owner(), "", Set.of(Role.TEACHER));
        return exams.view(teacher, exam.id()).compose(view -> {
            Set<String> roster = new LinkedHashSet<>();
            view.getJsonArray("roster").forEach(s -> roster.add(String.valueOf(s)));
            if (!roster.add(studentId)) return Future.<Void>succeededFuture();
            return exams.replaceRoster(teacher, exam.id(), Rosters.body(roster, view))
                    .recover(LaunchRoster::refusal)
                    .compose(n -> redis.send(Request.cmd(Command.SADD)
                            .arg(ServiceKeys.synced(exam.id()))
                            .arg(studentId)))
                    .compose(x -> audit.audit(
                            exam.id(),
                            new JsonObject()
                                    .put("at", clock.instant().toString())
                                    .put("actor", studentId)
                                    .put("event", "roster-launch-added")
                                    .put("added", new JsonArray().add(studentId))
                                    .put("platform", link.platformId())
                                    .put("context", link.contextId())
                                    .put("resourceLink", link.resourceLinkId())));
        });
    }

    /** The exam context's refusals of an addition, said to the student who launched (their clause named). */
    private static Future<Integer> refusal(Throwable err) {
        if (err instanceof Refusal r && r.code() == LifeRefusal.BANK_LOCKED)
            return Future.failedFuture(Refusal.of(LtiServicesRefusal.LAUNCH_ROSTER_LOCKED, "5.31"));
        if (err instanceof Refusal r && r.code() == ExamRefusal.RETAKE_ROSTER)
            return Future.failedFuture(Refusal.of(LtiServicesRefusal.LAUNCH_NOT_RETAKE, "5.36-5.38"));
        return Future.failedFuture(err);
    }
}
