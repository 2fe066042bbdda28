package kz.emtihan.sitting;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import kz.emtihan.auth.Caller;
import kz.emtihan.refusal.CommonRefusal;
import kz.emtihan.refusal.FieldProblem;
import kz.emtihan.refusal.Refusal;
import kz.emtihan.sitting.model.Appeal;
import kz.emtihan.sitting.model.FailureDecision;
import kz.emtihan.sitting.model.SittingRefusal;
import kz.emtihan.sitting.model.SittingWords;
import kz.emtihan.sitting.model.StudentStep;

/**
 * When a sitting does not go to plan (6.15.2, 6.15.4-6.15.5): the secretary's act of technical failure and the
 * commission's collegial decision on another time; the student's appeal within 48 hours of the sitting, the appeal
 * commission's meeting within 2 working days and its decision within 1.
 */
public final class SittingAfter {
    private final Sittings sittings;
    private final ActMail mail;
    private final kz.emtihan.grade.model.GradeScale scale;
    private final kz.emtihan.calendar.model.AcademicCalendar calendar;

    SittingAfter(
            Sittings sittings,
            ActMail mail,
            kz.emtihan.grade.model.GradeScale scale,
            kz.emtihan.calendar.model.AcademicCalendar calendar) {
        this.sittings = sittings;
        this.mail = mail;
        this.scale = scale;
        this.calendar = calendar;
    }

    static JsonObject find(JsonArray list, String id, String what) {
        for (Object o : list) if (id.equals(((JsonObject) o).getString("id"))) return (JsonObject) o;
        throw Refusal.of(CommonRefusal.NOT_FOUND, SittingWords.thing(what), id);
    }

    /**
     * A rule of the model that refused after the table allowed the step (a document edited by hand, a race the table
     * cannot see): bad-step, naming the rule as the model words it.
     */
    private static RuntimeException translate(RuntimeException e) {
        if (e instanceof Refusal) return e;
        return Refusal.of(
                SittingRefusal.BAD_STEP, SittingWords.rule("model", "detail", String.valueOf(e.getMessage())));
    }

    /**
     * 6.15.2: the secretary records the failure: student, time, stage reached, description; members see it at once. The
     * copies by e-mail go once the members have decided (see vote): until then the act's {@code mail} is empty.
     */
    public Future<JsonObject> act(Caller caller, String id, JsonObject body) {
        String student = body.getValue("studentId") instanceof String st ? st : "";
        String description = body.getValue("description") instanceof String d ? d.trim() : "";
        if (description.isEmpty() || description.length() > 4000) {
            return Future.failedFuture(Refusal.of(
                    CommonRefusal.BAD_FIELD, "description", SittingWords.field("text-length", "min", 1, "max", 4000)));
        }
        Instant now = sittings.live().serverNow();
        var zone = sittings.rules().calendar().zone();
        return sittings.apply(id, "act", sitting -> {
                    sitting.requirePart(caller.id(), StudentStep.ACT); // 6.15.2: the technical secretary
                    return sitting.act(student, caller.id(), description, zone, now);
                })
                .map(doc -> {
                    JsonArray acts = doc.getJsonArray("acts");
                    return acts.getJsonObject(acts.size() - 1);
                });
    }

    /**
     * Each member's vote; when all have voted, the collegial decision, kept with the act (6.15.2). The vote that decides
     * stores each member's mail status with the decision ({@code sending}, {@code no-address} or {@code not-configured});
     * the copies of the decided act go after it is stored (ActMail), and the answer does not wait for them.
     */
    public Future<JsonObject> vote(Caller caller, String id, String actId, JsonObject body) {
        FailureDecision.Choice choice = switch (body.getString("choice", "")) {
            case "same-day" -> FailureDecision.Choice.SAME_DAY;
            case "another-sitting" -> FailureDecision.Choice.ANOTHER_SITTING;
            case "refuse" -> FailureDecision.Choice.REFUSE;
            default -> null;
        };
        if (choice == null)
            return Future.failedFuture(Refusal.of(
                    CommonRefusal.BAD_FIELD, "choice", FieldProblem.oneOf("same-day, another-sitting, refuse")));
        Instant now = sittings.live().serverNow();
        return mail.plan(id).compose(plan -> {
            boolean[] decidedNow = new boolean[1]; // by this vote, in the try that was stored
            return sittings.apply(
                            id,
                            "vote",
                            sitting -> {
                                sitting.requirePart(caller.id(), StudentStep.VOTE); // 6.15.2: the members decide
                                return sitting.vote(actId, caller.id(), choice, now);
                            },
                            (before, after, was, doc) -> {
                                decidedNow[0] = decided(after, actId) && !decided(before, actId);
                                if (decidedNow[0]) keep(was, doc, actId, plan);
                            })
                    .map(doc -> {
                        JsonObject act = find(doc.getJsonArray("acts"), actId, "act");
                        if (decidedNow[0])
                            mail.send(id, doc.copy(), act.copy(), plan); // 6.15.2: after the decided act is stored
                        return act;
                    });
        });
    }

    /**
     * 6.15.2: the secretary or the chair records the new time the decision gives ({@code {"newTime": ISO date-time with
     * offset}}): later the same day, or a later day of the current academic period. The copies of the act go again,
     * now with the new time.
     */
    public Future<JsonObject> newTime(Caller caller, String id, String actId, JsonObject body) {
        Instant at;
        try {
            at = java.time.OffsetDateTime.parse(String.valueOf(body.getValue("newTime")))
                    .toInstant();
        } catch (DateTimeParseException e) {
            return Future.failedFuture(Refusal.of(
                    CommonRefusal.BAD_FIELD,
                    "newTime",
                    kz.emtihan.text.Text.of(
                            kz.emtihan.sitting.documents.SittingDocuments.BUNDLE, "field.newTime.FORMAT")));
        }
        Instant now = sittings.live().serverNow();
        var zone = sittings.rules().calendar().zone();
        return mail.plan(id)
                .compose(plan -> sittings.apply(
                                id,
                                "act-new-time",
                                sitting -> {
                                    Instant actAt = sitting.acts().stream()
                                            .filter(a -> a.id().equals(actId))
                                            .findFirst()
                                            .map(kz.emtihan.sitting.model.Act::at)
                                            .orElse(now);
                                    java.time.LocalDate ends = calendar.periodAt(actAt)
                                            .map(p -> p.ends())
                                            .orElse(java.time.LocalDate.MIN);
                                    return kz.emtihan.sitting.model.Acting.newTime(
                                            sitting, actId, caller.id(), at, zone, ends, now);
                                },
                                (before, after, was, doc) -> find(doc.getJsonArray("acts"), actId, "act")
                                        .put("mail", plan.statuses().copy()))
                        .map(doc -> {
                            JsonObject act = find(doc.getJsonArray("acts"), actId, "act");
                            mail.send(id, doc.copy(), act.copy(), plan); // 6.15.2: the copy with the new time
                            return act;
                        }));
    }

    private static boolean decided(kz.emtihan.sitting.model.Sitting s, String actId) {
        return s.acts().stream()
                .anyMatch(a -> a.id().equals(actId) && a.decision().isPresent());
    }

    /**
     * Beside the decision: each member's mail status for the copies (ActMail), and the student's progress so far kept in
     * its {@code history} (6.15.2: a new time starts from the draw, or with the same ticket, and a new clock).
     */
    private static void keep(JsonObject was, JsonObject doc, String actId, ActMail.Plan plan) {
        JsonObject act = find(doc.getJsonArray("acts"), actId, "act");
        act.put("mail", plan.statuses().copy());
        String student = act.getString("studentId");
        JsonObject p = SittingJson.progress(doc, student);
        JsonObject before = SittingJson.progress(was, student).copy().put("status", p.getString("status"));
        p.put("history", p.getJsonArray("history", new JsonArray()).copy().add(before.put("act", actId)));
    }

    /** 6.15.4: the student appeals within 48 hours of the sitting's end; later is refused. */
    public Future<JsonObject> appeal(Caller caller, String id, JsonObject body) {
        String reason = body.getValue("reason") instanceof String r ? r.trim() : "";
        if (reason.isEmpty() || reason.length() > 4000)
            return Future.failedFuture(Refusal.of(
                    CommonRefusal.BAD_FIELD, "reason", SittingWords.field("text-length", "min", 1, "max", 4000)));
        Instant now = sittings.live().serverNow();
        return sittings.apply(id, "appeal", sitting -> {
                    sitting.requirePart(caller.id(), StudentStep.APPEAL); // 6.15.4: the student, against their result
                    return sitting.appeal(caller.id(), reason, now); // late, open, ungraded, twice: 409
                })
                .map(doc -> {
                    JsonArray all = doc.getJsonArray("appeals");
                    return withStatus(all.getJsonObject(all.size() - 1), doc, now);
                });
    }

    /** 6.15.5: the appeal commission's chair or deputy records its meeting, within 2 working days. */
    public Future<JsonObject> meeting(Caller caller, String id, String appealId, JsonObject body) {
        Instant now = sittings.live().serverNow();
        return sittings.apply(id, StudentStep.APPEAL_MEETING.code(), sitting -> {
                    sitting.requirePart(caller.id(), StudentStep.APPEAL_MEETING);
                    return sitting.appealMeeting(appealId, caller.id(), now);
                })
                .map(doc -> withStatus(find(doc.getJsonArray("appeals"), appealId, "appeal"), doc, now));
    }

    /** The decision: the grade kept or changed; the student sees it in the sitting (6.15.5). */
    public Future<JsonObject> decide(Caller caller, String id, String appealId, JsonObject body) {
        String decision = body.getString("decision", "");
        if (!decision.equals("kept") && !decision.equals("changed"))
            return Future.failedFuture(
                    Refusal.of(CommonRefusal.BAD_FIELD, "decision", FieldProblem.oneOf("kept, changed")));
        if (decision.equals("changed") && !(body.getValue("letter") instanceof String)) {
            return Future.failedFuture(
                    Refusal.of(CommonRefusal.BAD_FIELD, "letter", SittingWords.field("letter-required")));
        }
        boolean changed = decision.equals("changed");
        String letter = changed ? body.getString("letter") : "";
        String comment = body.getValue("comment") instanceof String c ? c : "";
        Instant now = sittings.live().serverNow();
        return sittings.apply(id, StudentStep.APPEAL_DECISION.code(), sitting -> {
                    sitting.requirePart(caller.id(), StudentStep.APPEAL_DECISION);
                    return sitting.appealDecision(
                            appealId,
                            caller.id(),
                            changed,
                            letter,
                            comment,
                            scale,
                            sittings.rules().maxScore(),
                            now);
                })
                // 6.15.3: a carried student's changed grade replaces the I of the earlier sitting too
                .compose(doc -> SittingCarry.replaceEarlier(
                                sittings.store(),
                                doc,
                                find(doc.getJsonArray("appeals"), appealId, "appeal")
                                        .getString("studentId"))
                        .map(doc))
                // issue 16 (3): the decided grade (changed, or kept: sent once) to the LMS's gradebook
                .compose(doc -> sittings.tell(
                                doc,
                                find(doc.getJsonArray("appeals"), appealId, "appeal")
                                        .getString("studentId"))
                        .map(doc))
                .map(doc -> withStatus(find(doc.getJsonArray("appeals"), appealId, "appeal"), doc, now));
    }

    static Appeal appeal(JsonObject a, JsonObject doc) {
        return new Appeal(
                Instant.parse(doc.getString("endedAt")),
                Instant.parse(a.getString("filedAt")),
                instant(a, "meetingAt"),
                instant(a, "decidedAt"));
    }

    private static Optional<Instant> instant(JsonObject o, String key) {
        try {
            return Optional.ofNullable(o.getString(key)).map(Instant::parse);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** The appeal with where it stands now and its deadlines on the working-day calendar (6.15.5). */
    JsonObject withStatus(JsonObject a, JsonObject doc, Instant now) {
        return withStatus(a, doc, now, sittings.rules().calendar());
    }

    static JsonObject withStatus(JsonObject a, JsonObject doc, Instant now, kz.emtihan.sitting.model.WorkCalendar cal) {
        Appeal model;
        try {
            model = appeal(a, doc);
        } catch (
                IllegalArgumentException
                        e) { // stored times that contradict each other (edited by hand): shown, not fatal
            return a.copy().put("status", "inconsistent").put("problem", e.getMessage());
        }
        JsonObject out = a.copy()
                .put(
                        "status",
                        model.status(now, cal)
                                .name()
                                .toLowerCase(java.util.Locale.ROOT)
                                .replace('_', '-'))
                .put("overdue", model.overdue(now, cal))
                .put("meetingDeadline", model.meetingDeadline(cal).toString());
        model.resultDeadline(cal).ifPresent(d -> out.put("resultDeadline", d.toString()));
        return out;
    }
}
