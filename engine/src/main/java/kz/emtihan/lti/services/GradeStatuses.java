package kz.emtihan.lti.services;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import kz.emtihan.auth.Caller;
import kz.emtihan.auth.model.Role;
import kz.emtihan.exam.Exams;
import kz.emtihan.exam.model.ExamAccess;
import kz.emtihan.refusal.CommonRefusal;
import kz.emtihan.refusal.Refusal;
import kz.emtihan.text.Text;

/**
 * Issue 16 (3): where each student's grade stands on its way to the gradebook, for whoever reads the exam's results
 * (its teacher, admins; ExamAccess RESULTS) and for the student, their own only; a given-up grade sent again by
 * whoever manages the exam (its teacher, admins).
 */
final class GradeStatuses {
    private final Exams exams;
    private final GradeStore store;
    private final Clock clock;
    private final kz.emtihan.lti.LtiDirectory directory;

    GradeStatuses(Exams exams, GradeStore store, Clock clock, kz.emtihan.lti.LtiDirectory directory) {
        this.directory = directory;
        this.exams = exams;
        this.store = store;
        this.clock = clock;
    }

    /**
     * {@code {"examId", "linked", "course", "grades": [...]}}: whether a link of the exam takes grades, whether one
     * gives its course's members, and every student whose grade was queued, with its state.
     */
    Future<JsonObject> ofExam(Caller caller, String examId) {
        return exams.allowed(caller, examId, ExamAccess.Action.RESULTS)
                .compose(e -> Future.all(store.ofExam(examId), directory.linksOfExam(examId)))
                .map(both -> {
                    Map<String, Map<String, String>> all = both.resultAt(0);
                    java.util.List<kz.emtihan.lti.model.ResourceLink> links = both.resultAt(1);
                    JsonArray grades = new JsonArray();
                    all.forEach((student, f) -> grades.add(json(student, f)));
                    return new JsonObject()
                            .put("examId", examId)
                            .put("linked", links.stream().anyMatch(GradeSender::takesGrades))
                            .put("course", links.stream().anyMatch(l -> l.membershipsUrl() != null))
                            .put("grades", grades);
                });
    }

    /** One student's grade; a student reads only their own. */
    Future<JsonObject> one(Caller caller, String examId, String studentId) {
        Future<Void> may = caller.has(Role.STUDENT) && caller.id().equals(studentId)
                ? exams.exam(examId).mapEmpty()
                : exams.allowed(caller, examId, ExamAccess.Action.RESULTS).mapEmpty();
        return may.compose(x -> store.job(examId, studentId))
                .map(f -> f.isEmpty()
                        ? new JsonObject().put("studentId", studentId).putNull("state")
                        : json(studentId, f));
    }

    /** Queues a given-up grade again (a fresh day of retries), and says so in the exam's audit trail. */
    Future<JsonObject> resend(Caller caller, String examId, String studentId) {
        return exams.allowed(caller, examId, ExamAccess.Action.MANAGE)
                .compose(e -> store.resend(examId, studentId, clock.millis()))
                .compose(r -> switch (r) {
                    case "queued" ->
                        store.audit(
                                        examId,
                                        new JsonObject()
                                                .put("at", clock.instant().toString())
                                                .put("actor", caller.id())
                                                .put("event", "grade-resent")
                                                .put("studentId", studentId))
                                .compose(x -> store.job(examId, studentId))
                                .map(f -> json(studentId, f));
                    case "missing" ->
                        Future.failedFuture(Refusal.of(
                                CommonRefusal.NOT_FOUND, Text.of("kz.emtihan.lti.services.words", "grade"), studentId));
                    default -> Future.failedFuture(Refusal.of(LtiServicesRefusal.GRADE_NOT_FAILED));
                });
    }

    static JsonObject json(String studentId, Map<String, String> f) {
        JsonObject o = new JsonObject()
                .put("studentId", studentId)
                .put("state", f.get("state"))
                .put("scoreGiven", number(f.get("scoreGiven")))
                .put("scoreMaximum", number(f.get("scoreMaximum")))
                .put("letter", f.get("letter"))
                .put("tries", Integer.parseInt(f.getOrDefault("tries", "0")))
                .put("queuedAt", instant(f.get("queuedAt")));
        if (f.containsKey("sentAt") && "sent".equals(f.get("state"))) o.put("sentAt", instant(f.get("sentAt")));
        if (f.containsKey("nextAt")) o.put("nextAt", instant(f.get("nextAt")));
        if (f.containsKey("failedAt") && "failed".equals(f.get("state"))) o.put("failedAt", instant(f.get("failedAt")));
        if (f.containsKey("httpStatus")) {
            o.put(
                    "platformAnswer",
                    new JsonObject()
                            .put("status", Integer.parseInt(f.get("httpStatus")))
                            .put("body", f.getOrDefault("body", "")));
        }
        return o;
    }

    private static Double number(String s) {
        return s == null ? null : Double.parseDouble(s);
    }

    private static String instant(String ms) {
        return ms == null || ms.isEmpty()
                ? null
                : Instant.ofEpochMilli(Long.parseLong(ms)).toString();
    }
}
