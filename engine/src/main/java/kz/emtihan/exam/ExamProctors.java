package kz.emtihan.exam;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import kz.emtihan.auth.Caller;
import kz.emtihan.auth.model.Role;
import kz.emtihan.bank.Assignees;
import kz.emtihan.exam.model.ExamAccess;
import kz.emtihan.refusal.Problem;

/**
 * {@code GET/PUT /exams/{id}/proctors}: an admin assigns the proctors of an exam (5.17.2; issue 10, 3); a proctor
 * sees and acts only on the exams assigned to them. Whoever may see the exam sees who proctors it; an admin also
 * sees whom they could assign. The assignment is stored with the exam and read on every check: it holds at once.
 */
public final class ExamProctors {
    private final Exams exams;
    private final Assignees people;

    public ExamProctors(Exams exams, Assignees people) {
        this.exams = exams;
        this.people = people;
    }

    public Future<JsonObject> view(Caller caller, String examId) {
        return exams.guarded(caller, examId, ExamAccess.Action.VIEW).compose(g -> {
            boolean assigns = g.access().allows(caller.id(), caller.roles(), ExamAccess.Action.ASSIGN);
            return Future.all(
                            people.named(g.proctors()),
                            assigns ? people.candidates(Role.PROCTOR) : Future.succeededFuture(null))
                    .map(done -> new JsonObject()
                            .put("examId", examId)
                            .put("proctors", new JsonArray(g.proctors()))
                            .put("people", done.resultAt(0))
                            .put("mayAssign", assigns)
                            .put("candidates", done.resultAt(1)));
        });
    }

    /** Replaces the assigned proctors: {@code {"proctors": [userId]}}, each an account holding the proctor role. */
    public Future<JsonObject> replace(Caller caller, String examId, JsonObject body) {
        return exams.allowed(caller, examId, ExamAccess.Action.ASSIGN).compose(e -> {
            List<Problem> problems = new ArrayList<>();
            List<String> proctors = Assignees.read(body, "proctors", problems);
            return people.verify("proctors", proctors, Role.PROCTOR)
                    .compose(found -> {
                        List<Problem> all = new ArrayList<>(problems);
                        all.addAll(found);
                        return Assignees.<Void>refuse(all);
                    })
                    .compose(v -> exams.store().setProctors(examId, proctors))
                    .compose(v -> view(caller, examId));
        });
    }
}
