package kz.emtihan.exam;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import kz.emtihan.auth.Caller;

/** The results list of an exam (5.33): one row per roster student, graded or not. */
public final class Results {
    private final Exams exams;
    private final AttemptStore attempts;
    private final kz.emtihan.auth.Names names;

    Results(Exams exams, AttemptStore attempts, kz.emtihan.auth.Names names) {
        this.exams = exams;
        this.attempts = attempts;
        this.names = names;
    }

    public Future<JsonArray> of(Caller caller, String examId) {
        return exams.allowed(caller, examId, kz.emtihan.exam.model.ExamAccess.Action.RESULTS)
                .compose(e ->
                        Future.all(exams.store().roster(examId), exams.store().attemptsOf(examId)))
                .compose(done -> {
                    // roster order, then anyone with an attempt who has left the roster (a set: 10,000 rows must stay
                    // linear)
                    java.util.Set<String> students =
                            new java.util.LinkedHashSet<>(done.<java.util.Set<String>>resultAt(0));
                    Map<String, String> attemptOf = done.resultAt(1);
                    new java.util.TreeSet<>(attemptOf.keySet()).forEach(students::add);
                    List<Future<JsonObject>> rows = new ArrayList<>();
                    for (String s : students) rows.add(row(s, attemptOf.get(s)));
                    // issue 15 (2): each row names its student; the names come with the rows, not after them
                    Future<Map<String, String>> named = names.of(students);
                    return Future.all(Future.all(rows), named).map(both -> {
                        Map<String, String> n = named.result();
                        JsonArray out = new JsonArray();
                        for (Future<JsonObject> r : rows) out.add(named(r.result(), n));
                        return out;
                    });
                });
    }

    /** The row with {@code name}: the student's full name, or their id when they have no account. */
    static JsonObject named(JsonObject row, Map<String, String> names) {
        String id = row.getString("studentId");
        return row.put("name", names.getOrDefault(id, id));
    }

    private Future<JsonObject> row(String studentId, String attemptId) {
        JsonObject row = new JsonObject().put("studentId", studentId).put("attemptId", attemptId);
        if (attemptId == null) return Future.succeededFuture(row.put("status", "not-started"));
        return attempts.fields(attemptId).map(f -> {
            row.put("status", f.get("status"));
            if (f.containsKey("letter")) {
                row.put("points", Double.parseDouble(f.get("points")))
                        .put("percent", Double.parseDouble(f.get("percent")))
                        .put("letter", f.get("letter"))
                        .put("gpa", Double.parseDouble(f.get("gpa")))
                        .put("traditional", f.get("traditional"));
            }
            return row;
        });
    }
}
