package kz.emtihan.sitting;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import kz.emtihan.auth.Caller;
import kz.emtihan.grade.model.GradeScale;
import kz.emtihan.refusal.CommonRefusal;
import kz.emtihan.refusal.FieldProblem;
import kz.emtihan.refusal.Refusal;
import kz.emtihan.sitting.model.Sitting;
import kz.emtihan.sitting.model.SittingWords;
import kz.emtihan.sitting.model.StudentStep;
import kz.emtihan.sitting.model.TicketDraw;

/**
 * One student's way through a sitting (6.15.6), led by the technical secretary: admission from the waiting room,
 * identity check, desk and room check, the ticket draw started by the chair, preparation and answer on the server
 * clock, a score from every member, and the chair's confirmation, which publishes the result to the student the
 * same day. Each is load → apply → store: the caller's part is checked, the typed sitting's pure transition decides
 * (order and rule, {@link Sitting}), and what changed is stored in one atomic change.
 */
public final class SittingSteps {
    /** What the secretary confirms before the draw (6.15.6). */
    public static final List<String> ROOM_CHECKLIST = Sitting.ROOM_CHECKLIST;

    private final Sittings sittings;
    private final GradeScale scale;

    SittingSteps(Sittings sittings, GradeScale scale) {
        this.sittings = sittings;
        this.scale = scale;
    }

    /** The caller's part takes {@code which} (forbidden otherwise), then {@code transition}; the student's view back. */
    private Future<JsonObject> step(
            Caller caller,
            String id,
            String student,
            String event,
            StudentStep which,
            Instant now,
            UnaryOperator<Sitting> change) {
        return sittings.apply(id, event, sitting -> {
                    sitting.requirePart(caller.id(), which);
                    return change.apply(sitting);
                })
                .map(doc -> SittingView.of(doc, caller, now, sittings.rules())
                        .getJsonObject("progress")
                        .getJsonObject(student));
    }

    /** The server's time of a step: one instant for the step, its retries and the view it answers with. */
    private Instant now() {
        return sittings.live().serverNow();
    }

    public Future<JsonObject> admit(Caller caller, String id, String student) {
        Instant now = now();
        return step(caller, id, student, "admitted", StudentStep.ADMIT, now, s -> s.admit(student, now));
    }

    /** The secretary compares a camera snapshot with the ID-card photo and confirms (6.15.6). */
    public Future<JsonObject> identity(Caller caller, String id, String student, JsonObject body) {
        Instant now = now();
        boolean confirmed = Boolean.TRUE.equals(body.getValue("confirmed"));
        String note = body.getValue("note") instanceof String n ? n : "";
        return step(
                caller,
                id,
                student,
                "identity",
                StudentStep.IDENTIFY,
                now,
                s -> s.identify(student, caller.id(), confirmed, note, now));
    }

    /** The desk and room checklist, every item confirmed by the secretary with a snapshot of the room (6.15.6). */
    public Future<JsonObject> room(Caller caller, String id, String student, JsonObject body) {
        Instant now = now();
        JsonObject checklist = body.getValue("checklist") instanceof JsonObject c ? c : new JsonObject();
        Set<String> confirmed = new HashSet<>();
        checklist.forEach(e -> {
            if (Boolean.TRUE.equals(e.getValue())) confirmed.add(e.getKey());
        });
        return step(
                caller,
                id,
                student,
                "room",
                StudentStep.CHECK_ROOM,
                now,
                s -> s.checkRoom(student, caller.id(), confirmed, now));
    }

    /** The chair starts the draw in front of the student; the ticket follows from the committed seed (6.15.6). */
    public Future<JsonObject> draw(Caller caller, String id, String student, JsonObject body) {
        Instant now = now();
        String word = body.getValue("word") instanceof String w ? w.trim() : "";
        if (word.length() > 100 || word.contains("\n"))
            return Future.failedFuture(
                    Refusal.of(CommonRefusal.BAD_FIELD, "word", SittingWords.field("one-line", "max", 100)));
        return sittings.store()
                .seed(id)
                .compose(seedHex -> step(
                        caller,
                        id,
                        student,
                        "drawn",
                        StudentStep.DRAW,
                        now,
                        s -> s.draw(student, TicketDraw.seedFromHex(seedHex), word, now)));
    }

    /** start-preparation, end-preparation (the answer starts), end-answer (with a reason before the minimum). */
    public Future<JsonObject> phase(Caller caller, String id, String student, JsonObject body) {
        Instant now = now();
        String action = body.getValue("action") instanceof String a ? a : "";
        String reason = body.getValue("reason") instanceof String r ? r : "";
        return switch (action) {
            case "start-preparation" ->
                step(
                        caller,
                        id,
                        student,
                        "phase",
                        StudentStep.START_PREPARATION,
                        now,
                        s -> s.startPreparation(student, now));
            case "end-preparation" ->
                step(
                        caller,
                        id,
                        student,
                        "phase",
                        StudentStep.END_PREPARATION,
                        now,
                        s -> s.endPreparation(student, now));
            case "end-answer" ->
                step(caller, id, student, "phase", StudentStep.END_ANSWER, now, s -> s.endAnswer(student, reason, now));
            default ->
                Future.failedFuture(Refusal.of(
                        CommonRefusal.BAD_FIELD,
                        "action",
                        FieldProblem.oneOf("start-preparation, end-preparation, end-answer")));
        };
    }

    /** A member's own score, independent and hidden from the others until all have scored (6.15.6). */
    public Future<JsonObject> score(Caller caller, String id, String student, JsonObject body) {
        Instant now = now();
        if (!(body.getValue("points") instanceof Integer points))
            return Future.failedFuture(
                    Refusal.of(CommonRefusal.BAD_FIELD, "points", SittingWords.field("whole-number")));
        return step(
                caller,
                id,
                student,
                "scored",
                StudentStep.SCORE,
                now,
                s -> s.score(student, caller.id(), points, sittings.rules().maxScore(), now));
    }

    /** The chair confirms once all have scored: the result (mean or median → letter) is published to the student at once. */
    public Future<JsonObject> confirm(Caller caller, String id, String student) {
        Instant now = now();
        var rules = sittings.rules();
        return sittings.apply(
                        id,
                        "confirmed",
                        s -> {
                            s.requirePart(caller.id(), StudentStep.CONFIRM);
                            return s.confirm(student, caller.id(), rules.aggregation(), scale, rules.maxScore(), now);
                        },
                        (before, after, was, doc) -> SittingCarry.requireInTime(doc, student, now)) // 6.15.3
                .compose(doc -> SittingCarry.replaceEarlier(sittings.store(), doc, student)
                        .compose(v -> sittings.tell(doc, student)) // issue 16 (3): the LMS's gradebook
                        .map(v -> SittingView.of(doc, caller, now, rules)
                                .getJsonObject("progress")
                                .getJsonObject(student)));
    }

    static JsonArray checklist() {
        return new JsonArray(ROOM_CHECKLIST);
    }
}
