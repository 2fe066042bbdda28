package kz.emtihan.sitting;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import kz.emtihan.auth.Caller;
import kz.emtihan.auth.model.Role;
import kz.emtihan.grade.model.GradeScale;
import kz.emtihan.refusal.CommonRefusal;
import kz.emtihan.refusal.Refusal;
import kz.emtihan.sitting.model.SittingWords;
import kz.emtihan.sitting.model.StudentStep;

/**
 * What interrupts a sitting's plan: the secretary's (or chair's) removal of a student for a violation (6.14), and an
 * administrator's move of the sitting to another day (6.15.6: the steps are taken on the sitting's day). Both are kept
 * in the sitting's document as its record of who did what, when and why ({@code removals}, {@code reschedules}), shown
 * to the commission; a removed student sees their own removal in their progress.
 */
public final class SittingInterventions {
    private final Sittings sittings;
    private final GradeScale scale;

    SittingInterventions(Sittings sittings, GradeScale scale) {
        this.sittings = sittings;
        this.scale = scale;
    }

    /**
     * 6.14: {@code {"reason"}}: the student leaves the sitting with an unexcused absence (F), at any step before a
     * result; their page leaves the video room at its next check.
     */
    public Future<JsonObject> remove(Caller caller, String id, String student, JsonObject body) {
        String reason = body.getValue("reason") instanceof String r ? r.trim() : "";
        if (reason.isEmpty() || reason.length() > 2000)
            return Future.failedFuture(Refusal.of(
                    CommonRefusal.BAD_FIELD, "reason", SittingWords.field("text-length", "min", 1, "max", 2000)));
        Instant now = sittings.live().serverNow();
        int max = sittings.rules().maxScore();
        return sittings.apply(
                        id,
                        "removed",
                        sitting -> {
                            sitting.requirePart(caller.id(), StudentStep.REMOVE); // the secretary or the chair
                            return sitting.remove(student, scale, max, now);
                        },
                        (before, after, was, doc) -> {
                            JsonObject removal = new JsonObject()
                                    .put("by", caller.id())
                                    .put("at", now.toString())
                                    .put("reason", reason);
                            SittingJson.progress(doc, student).put("removal", removal);
                            doc.put(
                                    "removals",
                                    SittingJson.array(doc, "removals")
                                            .copy()
                                            .add(removal.copy().put("studentId", student)));
                        })
                .compose(doc -> SittingCarry.replaceEarlier(sittings.store(), doc, student)
                        .map(v -> SittingView.of(doc, caller, now, sittings.rules())
                                .getJsonObject("progress")
                                .getJsonObject(student)));
    }

    /**
     * 6.15.6: an administrator moves an open sitting to {@code {"date": "YYYY-MM-DD", "reason"}}, today or later in
     * the sitting's zone; the old and new days, who and why are kept in {@code reschedules}.
     */
    public Future<JsonObject> reschedule(Caller caller, String id, JsonObject body) {
        if (!caller.has(Role.ADMIN)) return Future.failedFuture(Refusal.of(CommonRefusal.FORBIDDEN));
        Instant now = sittings.live().serverNow();
        LocalDate today = sittings.rules().calendar().dayOf(now);
        LocalDate day;
        try {
            day = LocalDate.parse(String.valueOf(body.getValue("date")));
        } catch (DateTimeParseException e) {
            return Future.failedFuture(Refusal.of(CommonRefusal.BAD_FIELD, "date", SittingWords.field("date")));
        }
        if (day.isBefore(today))
            return Future.failedFuture(
                    Refusal.of(CommonRefusal.BAD_FIELD, "date", SittingWords.field("date-not-past", "today", today)));
        String reason = body.getValue("reason") instanceof String r ? r.trim() : "";
        if (reason.isEmpty() || reason.length() > 2000)
            return Future.failedFuture(Refusal.of(
                    CommonRefusal.BAD_FIELD, "reason", SittingWords.field("text-length", "min", 1, "max", 2000)));
        return sittings.apply(id, "rescheduled", sitting -> sitting.rescheduled(day), (before, after, was, doc) -> {
                    JsonObject moved = new JsonObject()
                            .put("from", was.getString("date"))
                            .put("to", day.toString())
                            .put("by", caller.id())
                            .put("at", now.toString())
                            .put("reason", reason);
                    doc.put(
                            "reschedules",
                            SittingJson.array(doc, "reschedules").copy().add(moved));
                })
                .map(doc -> new JsonObject()
                        .put("id", id)
                        .put("date", doc.getString("date"))
                        .put("reschedules", doc.getJsonArray("reschedules", new JsonArray())));
    }
}
