package kz.emtihan.exam;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import kz.emtihan.auth.Caller;
import kz.emtihan.exam.model.Attempt;
import kz.emtihan.store.RedisStore;

/** What an attempt looks like to its student and to those who watch its exam (API.md "Attempts"). */
final class AttemptViews {
    private final AttemptReads reads;
    private final Exams exams;
    private final AttemptStore store;
    private final RedisStore redis;
    private final Supplier<AttemptExtras> extras;

    AttemptViews(
            AttemptReads reads, Exams exams, AttemptStore store, RedisStore redis, Supplier<AttemptExtras> extras) {
        this.reads = reads;
        this.exams = exams;
        this.store = store;
        this.redis = redis;
        this.extras = extras;
    }

    /** The student's view of their attempt as it is now (a resumed start). */
    Future<JsonObject> forStudent(String attemptId, ExamSnapshot snap) {
        return Future.all(store.load(attemptId), redis.time(), store.facts(attemptId))
                .compose(done -> {
                    Attempt a = done.<Optional<Attempt>>resultAt(0).orElseThrow(() -> AttemptReads.notFound(attemptId));
                    boolean held = done.<Optional<AttemptFacts>>resultAt(2)
                            .map(AttemptFacts::held)
                            .orElse(false);
                    return extras.get()
                            .decorate(AttemptJson.forStudent(a, snap, done.resultAt(1), held), snap.exam(), held);
                });
    }

    /** The attempt, if the caller owns it or may watch its exam: its teacher, its assigned proctors, admins. */
    Future<JsonObject> get(Caller caller, String attemptId) {
        return reads.readable(caller, attemptId)
                .compose(a -> exams.snapshot(a.examId())
                        .compose(snap -> Future.all(redis.time(), store.fields(attemptId))
                                .compose(done -> {
                                    Map<String, String> fields = done.resultAt(1);
                                    boolean held = fields.containsKey("hold");
                                    JsonObject view =
                                            withResult(AttemptJson.forStudent(a, snap, done.resultAt(0), held), fields);
                                    if (fields.containsKey("terminationReason"))
                                        view.put("terminationReason", fields.get("terminationReason"));
                                    return extras.get().decorate(view, snap.exam(), held);
                                })));
    }

    /** A finished, graded attempt also shows its grade (the same fields as the submit response). */
    private static JsonObject withResult(JsonObject view, Map<String, String> fields) {
        if (fields.containsKey("letter")) {
            view.put(
                    "result",
                    new JsonObject()
                            .put("points", Double.parseDouble(fields.get("points")))
                            .put("percent", Double.parseDouble(fields.get("percent")))
                            .put("letter", fields.get("letter"))
                            .put("gpa", Double.parseDouble(fields.get("gpa")))
                            .put("traditional", fields.get("traditional")));
        }
        return view;
    }
}
