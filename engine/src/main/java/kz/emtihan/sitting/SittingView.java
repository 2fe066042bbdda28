package kz.emtihan.sitting;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import kz.emtihan.auth.Caller;
import kz.emtihan.auth.model.Role;
import kz.emtihan.config.Regulation;
import kz.emtihan.refusal.CommonRefusal;
import kz.emtihan.refusal.Refusal;
import kz.emtihan.sitting.model.CommissionScores;
import kz.emtihan.sitting.model.PhaseClock;
import kz.emtihan.sitting.model.Sitting;
import kz.emtihan.sitting.model.SittingRole;
import kz.emtihan.sitting.model.StudentStep;

/**
 * What each participant sees of a sitting (issue 5, 10): the commission and the secretary see every student's
 * progress, but a member sees the other members' scores only once all have scored (6.15.6); a student sees only
 * their own progress, their own ticket once drawn and their result once published, never another student's.
 * Names of the people it mentions are added by SittingPeople. Issue 11: each student's progress says what comes next
 * in the order of 6.15.6 ({@code next}, whoever takes it) and which steps the reader may take now ({@code steps}),
 * both from the typed sitting ({@link Sitting#next}, {@link Sitting#allowed}), so the pages never derive the order.
 */
final class SittingView {
    private SittingView() {}

    /** The caller's part in the sitting ({@link SittingRole#code()}), or null: never fails on a document lacking a field. */
    static String roleOf(JsonObject doc, String userId) {
        return SittingJson.parts(doc).roleOf(userId).map(SittingRole::code).orElse(null);
    }

    static JsonObject of(JsonObject doc, Caller caller, Instant now, Regulation.FinalAttestation rules) {
        String role = roleOf(doc, caller.id());
        if (role == null && !caller.has(Role.ADMIN)) throw Refusal.of(CommonRefusal.FORBIDDEN);
        Sitting sitting = SittingJson.read(doc, rules);
        JsonObject out = doc.copy().put("role", role).put("serverTime", now.toString());
        JsonObject progress = new JsonObject();
        for (String student : SittingJson.strings(doc.getJsonArray("students"))) {
            if ("student".equals(role) && !student.equals(caller.id())) continue;
            JsonObject seen;
            try {
                seen = progressView(doc, sitting, student, caller.id(), role, now, rules);
            } catch (
                    RuntimeException
                            unreadable) { // issue 10: a progress the engine cannot read is shown as such, never a 500
                seen = new JsonObject()
                        .put("status", "unreadable")
                        .put("problem", String.valueOf(unreadable.getMessage()))
                        .put("scores", new JsonObject())
                        .put("scored", new JsonArray())
                        .put("steps", new JsonArray())
                        .put("next", "unreadable");
            }
            progress.put(student, seen);
        }
        out.put("progress", progress);
        JsonArray appeals = new JsonArray();
        for (Object a : doc.getJsonArray("appeals"))
            appeals.add(SittingAfter.withStatus((JsonObject) a, doc, now, rules.calendar()));
        out.put("appeals", appeals);
        out.put(
                "rules",
                new JsonObject()
                        .put(
                                "preparationMinutes",
                                rules.phases().preparationMax().toMinutes())
                        .put("answerMinMinutes", rules.phases().answerMin().toMinutes())
                        .put("answerMaxMinutes", rules.phases().answerMax().toMinutes())
                        .put("maxScore", rules.maxScore())
                        .put("aggregation", rules.aggregation().code())
                        .put("timeZone", rules.calendar().zone().getId())); // 6.15.6: the sitting's day is counted here
        if ("student".equals(role)) {
            out.remove("recordings");
            // 6.14, 6.15.3: a student sees their own removal and carry, never another student's
            out.put(
                    "removals",
                    new JsonArray(SittingJson.array(doc, "removals").stream()
                            .filter(r ->
                                    r instanceof JsonObject o && caller.id().equals(o.getString("studentId")))
                            .toList()));
            JsonObject carried = SittingJson.object(doc, "carried");
            out.put(
                    "carried",
                    carried.containsKey(caller.id())
                            ? new JsonObject().put(caller.id(), carried.getValue(caller.id()))
                            : new JsonObject());
            out.put("students", new JsonArray().add(caller.id()));
            out.remove("tickets");
            out.put(
                    "draws",
                    new JsonArray(doc.getJsonArray("draws").stream()
                            .filter(d -> caller.id().equals(((JsonObject) d).getString("studentId")))
                            .toList()));
            out.put(
                    "acts",
                    new JsonArray(doc.getJsonArray("acts").stream()
                            .filter(a -> caller.id().equals(((JsonObject) a).getString("studentId")))
                            .map(a -> ((JsonObject) a).copy().put("mail", new JsonObject()))
                            .toList())); // 6.15.2: the copies go to the commission, not the student's concern
            out.put(
                    "appeals",
                    new JsonArray(appeals.stream()
                            .filter(a -> caller.id().equals(((JsonObject) a).getString("studentId")))
                            .toList()));
            out.put(
                    "postponements",
                    new JsonArray(doc.getJsonArray("postponements").stream()
                            .filter(a -> caller.id().equals(((JsonObject) a).getString("studentId")))
                            .toList()));
        }
        return out;
    }

    private static JsonObject progressView(
            JsonObject doc,
            Sitting sitting,
            String student,
            String viewer,
            String role,
            Instant now,
            Regulation.FinalAttestation rules) {
        JsonObject p = SittingJson.progress(doc.copy(), student).copy();
        PhaseClock clock = SittingJson.clock(p, rules.phases()).at(now);
        p.put("phase", SittingJson.clockJson(clock, now));
        clock.remaining(now).ifPresent(d -> p.put("remainingSeconds", d.toSeconds()));
        if (p.getValue("ticket") instanceof Integer n)
            p.put("questions", SittingJson.ticket(doc, n).getJsonArray("questions"));
        CommissionScores scores = SittingJson.scores(doc, p, rules.maxScore());
        boolean asStudent = "student".equals(role);
        p.put("scored", new JsonArray(scores.scoredMembers().stream().sorted().toList()));
        p.put(
                "scores",
                asStudent
                        ? new JsonObject()
                        : new JsonObject(new java.util.HashMap<String, Object>(scores.visibleTo(viewer))));
        if (asStudent && p.getString("publishedAt") == null) p.remove("result");
        SittingPostponements.standing(p, now, rules.maxScore())
                .ifPresent(s -> p.put("standing", s)); // I, or F after its deadline
        p.remove("history");
        p.put("status", sitting.stateOf(student, now).code()); // at now, by the server's clock
        p.put("next", sitting.next(student, now)); // the next step of 6.15.6, whoever takes it
        JsonArray steps = new JsonArray(); // what the reader may do now
        for (StudentStep step : sitting.allowed(student, sitting.roleOf(viewer), now)) steps.add(step.code());
        p.put("steps", steps);
        return p;
    }
}
