package kz.emtihan.sitting;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import kz.emtihan.config.Regulation;
import kz.emtihan.refusal.Problem;
import kz.emtihan.refusal.Refusal;
import kz.emtihan.sitting.model.Carrying;
import kz.emtihan.sitting.model.Sitting;
import kz.emtihan.sitting.model.SittingRefusal;
import kz.emtihan.sitting.model.SittingWords;

/**
 * 6.15.2-6.15.3 at the edge: a new sitting names the students it carries from an earlier one ({@code students:
 * ["id", {"id", "carriedFrom": sittingId}]}); each is checked against the earlier sitting ({@link Carrying}), kept in
 * the new sitting's {@code carried} ({@code {student: {"from", "deadline"}}}) and noted in the earlier one
 * ({@code progress.<student>.carriedTo}). When the later sitting publishes the student's result before the deadline,
 * the earlier sitting's record gets it as {@code replacedBy}, so its "I" shows the result, not "F".
 */
final class SittingCarry {
    private static final Pattern USER = Pattern.compile("[A-Za-z0-9._@-]{1,64}");
    private static final Pattern SITTING = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private SittingCarry() {}

    /** The students' ids in order, each once; {@code carriedFrom} gets those carried; bad entries go to problems. */
    static List<String> students(Object value, Map<String, String> carriedFrom, List<Problem> problems) {
        if (!(value instanceof JsonArray a)) {
            problems.add(Problem.field("students", SittingWords.field("user-ids")));
            return List.of();
        }
        Set<String> out = new LinkedHashSet<>();
        for (int i = 0; i < a.size(); i++) {
            Object v = a.getValue(i);
            String id = v instanceof String s
                    ? s
                    : v instanceof JsonObject o && o.getValue("id") instanceof String s ? s : null;
            if (id == null || !USER.matcher(id).matches() || !out.add(id)) {
                problems.add(Problem.field("students[" + i + "]", SittingWords.field("user-once")));
                continue;
            }
            if (v instanceof JsonObject o && o.getValue("carriedFrom") != null) {
                if (o.getValue("carriedFrom") instanceof String from
                        && SITTING.matcher(from).matches()) carriedFrom.put(id, from);
                else
                    problems.add(
                            Problem.field("students[" + i + "].carriedFrom", SittingWords.field("carried-no-sitting")));
            }
        }
        return new ArrayList<>(out);
    }

    /** What was checked: the problems, and the {@code carried} object to store. */
    record Checked(List<Problem> problems, JsonObject carried) {}

    static Future<Checked> check(
            SittingStore store,
            Map<String, String> carriedFrom,
            List<String> students,
            String kind,
            LocalDate day,
            Regulation.FinalAttestation rules,
            Instant now) {
        List<Future<Optional<JsonObject>>> reads = new ArrayList<>();
        List<String> order = new ArrayList<>(carriedFrom.keySet());
        for (String student : order)
            reads.add(store.get(carriedFrom.get(student))
                    .map(Optional::of)
                    .recover(e -> Future.succeededFuture(Optional.empty())));
        return Future.all(reads).map(all -> {
            List<Problem> problems = new ArrayList<>();
            JsonObject carried = new JsonObject();
            for (int k = 0; k < order.size(); k++) {
                String student = order.get(k);
                String field = "students[" + students.indexOf(student) + "].carriedFrom";
                Optional<JsonObject> earlier = all.resultAt(k);
                if (earlier.isEmpty()
                        || !SittingJson.strings(earlier.get().getJsonArray("students"))
                                .contains(student)) {
                    problems.add(Problem.field(field, SittingWords.field("carried-no-sitting")));
                    continue;
                }
                JsonObject doc = earlier.get();
                Sitting s = SittingJson.read(doc, rules);
                JsonObject p = SittingJson.object(SittingJson.object(doc, "progress"), student);
                Optional<Instant> deadline = s.record(student).incompleteUntil();
                Optional<String> to = Optional.ofNullable(p.getString("carriedTo"));
                var problem = Carrying.problem(
                        s.stateOf(student, now),
                        deadline,
                        to,
                        doc.getString("kind", ""),
                        kind == null ? "" : kind,
                        day,
                        rules.calendar().zone(),
                        now);
                if (problem.isPresent()) problems.add(Problem.field(field, problem.get()));
                else
                    carried.put(
                            student,
                            new JsonObject()
                                    .put("from", doc.getString("id"))
                                    .put("deadline", deadline.get().toString()));
            }
            return new Checked(problems, carried);
        });
    }

    /** Each earlier sitting notes where its student went ({@code progress.<student>.carriedTo}). */
    static Future<Void> noteCarried(SittingStore store, JsonObject carried, String to) {
        List<Future<JsonObject>> all = new ArrayList<>();
        carried.forEach(e -> {
            String from = ((JsonObject) e.getValue()).getString("from");
            all.add(store.update(from, "carried", doc -> {
                SittingJson.progress(doc, e.getKey()).put("carriedTo", to);
                return doc;
            }));
        });
        return Future.all(all).mapEmpty();
    }

    /**
     * 6.15.3: refuses (nothing is written) a result of a carried student published at or after their deadline: their
     * grade is "F" by then.
     */
    static void requireInTime(JsonObject doc, String student, Instant now) {
        JsonObject c = SittingJson.object(SittingJson.object(doc, "carried"), student);
        if (c.getString("deadline") == null) return;
        Instant deadline = Instant.parse(c.getString("deadline"));
        if (!Carrying.inTime(deadline, now)) throw Refusal.of(SittingRefusal.CARRIED_LATE, deadline.toString());
    }

    /** The published result of a carried student replaces the "I" of the earlier sitting (6.15.3). */
    static Future<Void> replaceEarlier(SittingStore store, JsonObject doc, String student) {
        JsonObject c = SittingJson.object(SittingJson.object(doc, "carried"), student);
        JsonObject p = SittingJson.object(SittingJson.object(doc, "progress"), student);
        if (c.getString("from") == null || p.getJsonObject("result") == null || p.getString("publishedAt") == null)
            return Future.succeededFuture();
        JsonObject replaced = new JsonObject()
                .put("sittingId", doc.getString("id"))
                .put("result", p.getJsonObject("result").copy())
                .put("publishedAt", p.getString("publishedAt"));
        return store.update(c.getString("from"), "carried-result", earlier -> {
                    SittingJson.progress(earlier, student).put("replacedBy", replaced);
                    return earlier;
                })
                .mapEmpty();
    }
}
