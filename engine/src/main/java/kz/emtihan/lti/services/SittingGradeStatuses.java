package kz.emtihan.lti.services;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import kz.emtihan.auth.Caller;
import kz.emtihan.lti.LtiDirectory;
import kz.emtihan.lti.model.ResourceLink;
import kz.emtihan.lti.services.model.GradeTarget;
import kz.emtihan.refusal.CommonRefusal;
import kz.emtihan.refusal.Refusal;
import kz.emtihan.sitting.Sittings;
import kz.emtihan.text.Text;

/**
 * Issue 16 (3) for oral sittings: where each student's grade stands on its way to the gradebook, for whoever sees the
 * sitting's results ({@link Sittings#resultsSeenBy}: the commission, the appeal commission, an administrator; never a
 * student of it); a given-up grade sent again by whoever runs the sitting ({@link Sittings#runBy}: its chair, its
 * technical secretary, an administrator). Audited in the sitting's grade trail.
 */
final class SittingGradeStatuses {
    private final Sittings sittings;
    private final GradeStore store;
    private final LtiDirectory directory;
    private final Clock clock;

    SittingGradeStatuses(Sittings sittings, GradeStore store, LtiDirectory directory, Clock clock) {
        this.sittings = sittings;
        this.store = store;
        this.directory = directory;
        this.clock = clock;
    }

    /** {@code {"sittingId", "linked", "grades": [...]}}: the same shape as an exam's. */
    Future<JsonObject> ofSitting(Caller caller, String sittingId) {
        String key = GradeTarget.ofSitting(sittingId).key();
        return sittings.resultsSeenBy(caller, sittingId)
                .compose(s -> Future.all(store.ofExam(key), directory.linksOfSitting(sittingId)))
                .map(both -> {
                    Map<String, Map<String, String>> all = both.resultAt(0);
                    List<ResourceLink> links = both.resultAt(1);
                    JsonArray grades = new JsonArray();
                    all.forEach((student, f) -> grades.add(GradeStatuses.json(student, f)));
                    return new JsonObject()
                            .put("sittingId", sittingId)
                            .put("linked", links.stream().anyMatch(GradeSender::takesGrades))
                            .put("grades", grades);
                });
    }

    /** Queues a given-up grade again (a fresh day of retries), and says so in the sitting's grade trail. */
    Future<JsonObject> resend(Caller caller, String sittingId, String studentId) {
        String key = GradeTarget.ofSitting(sittingId).key();
        return sittings.runBy(caller, sittingId)
                .compose(s -> store.resend(key, studentId, clock.millis()))
                .compose(r -> switch (r) {
                    case "queued" ->
                        store.audit(
                                        key,
                                        new JsonObject()
                                                .put("at", clock.instant().toString())
                                                .put("actor", caller.id())
                                                .put("event", "grade-resent")
                                                .put("sittingId", sittingId)
                                                .put("studentId", studentId))
                                .compose(x -> store.job(key, studentId))
                                .map(f -> GradeStatuses.json(studentId, f));
                    case "missing" ->
                        Future.failedFuture(Refusal.of(
                                CommonRefusal.NOT_FOUND, Text.of("kz.emtihan.lti.services.words", "grade"), studentId));
                    default -> Future.failedFuture(Refusal.of(LtiServicesRefusal.GRADE_NOT_FAILED));
                });
    }
}
