package kz.emtihan.sitting;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;
import java.util.function.BiFunction;
import kz.emtihan.auth.Caller;
import kz.emtihan.grade.model.Grade;
import kz.emtihan.grade.model.GradeScale;
import kz.emtihan.http.Rejection;
import kz.emtihan.sitting.model.CommissionScores;
import kz.emtihan.sitting.model.PhaseClock;
import kz.emtihan.sitting.model.StudentStep;
import kz.emtihan.sitting.model.TicketDraw;
import kz.emtihan.sitting.model.TicketPool;

/**
 * One student's way through a sitting (6.15.6), led by the technical secretary: admission from the waiting room,
 * identity check, desk and room check, the ticket draw started by the chair, preparation and answer on the server
 * clock, a score from every member, and the chair's confirmation, which publishes the result to the student the
 * same day. Every step checks who may take it and in what order, and is one atomic change of the sitting.
 */
public final class SittingSteps {
    /** What the secretary confirms before the draw (6.15.6). */
    public static final List<String> ROOM_CHECKLIST =
            List.of("desk-clear", "room-alone", "no-devices", "camera-shows-room");

    private final Sittings sittings;
    private final GradeScale scale;

    SittingSteps(Sittings sittings, GradeScale scale) {
        this.sittings = sittings;
        this.scale = scale;
    }

    /**
     * One step for one student: the caller's part takes it (403), the student is the sitting's (404), the table allows
     * it now (StudentFlow: 409), then {@code change} records its facts; all in one atomic change of the sitting.
     */
    private Future<JsonObject> step(
            Caller caller,
            String id,
            String student,
            String event,
            StudentStep which,
            BiFunction<JsonObject, JsonObject, JsonObject> change) {
        Instant now = sittings.live().serverNow();
        return sittings.store()
                .update(id, event, doc -> {
                    StudentOrder.require(doc, caller, which);
                    StudentOrder.take(doc, student, which, now, sittings.rules());
                    JsonObject p = SittingJson.progress(doc, student);
                    try {
                        change.apply(doc, p.put("updatedAt", now.toString()));
                    } catch (IllegalStateException e) {
                        throw Rejection.conflict("wrong-order", e.getMessage());
                    } catch (IllegalArgumentException e) {
                        throw Rejection.badRequest("bad-step", e.getMessage());
                    }
                    return doc;
                })
                .map(doc -> SittingView.of(doc, caller, now, sittings.rules())
                        .getJsonObject("progress")
                        .getJsonObject(student));
    }

    /** 6.15.6: the check is confirmed with what the secretary saw, kept for an appeal (SittingPhotos). */
    private static void requirePhotos(JsonObject p, String... kinds) {
        JsonObject photos = p.getJsonObject("photos", new JsonObject());
        for (String kind : kinds) {
            if (photos.getValue(kind) == null)
                throw Rejection.conflict(
                        "photo-missing", "take the '" + kind + "' photo first (PUT .../photos/" + kind + ")");
        }
    }

    public Future<JsonObject> admit(Caller caller, String id, String student) {
        return step(
                caller,
                id,
                student,
                "admitted",
                StudentStep.ADMIT,
                (doc, p) -> p.put("admittedAt", p.getString("updatedAt")));
    }

    /** The secretary compares a camera snapshot with the ID-card photo and confirms (6.15.6). */
    public Future<JsonObject> identity(Caller caller, String id, String student, JsonObject body) {
        boolean confirmed = Boolean.TRUE.equals(body.getValue("confirmed"));
        return step(caller, id, student, "identity", StudentStep.IDENTIFY, (doc, p) -> {
            if (!confirmed)
                throw Rejection.badRequest("not-confirmed", "'confirmed' must be true: the identity is checked");
            requirePhotos(p, "id-card", "identity");
            return p.put(
                    "identity",
                    new JsonObject()
                            .put("by", caller.id())
                            .put("at", p.getString("updatedAt"))
                            .put("note", body.getString("note", "")));
        });
    }

    /** The desk and room checklist, every item confirmed by the secretary with a snapshot of the room (6.15.6). */
    public Future<JsonObject> room(Caller caller, String id, String student, JsonObject body) {
        JsonObject checklist = body.getValue("checklist") instanceof JsonObject c ? c : new JsonObject();
        return step(caller, id, student, "room", StudentStep.CHECK_ROOM, (doc, p) -> {
            for (String item : ROOM_CHECKLIST) {
                if (!Boolean.TRUE.equals(checklist.getValue(item)))
                    throw Rejection.badRequest("checklist", "confirm '" + item + "' (" + ROOM_CHECKLIST + ")");
            }
            requirePhotos(p, "room");
            return p.put(
                    "room",
                    new JsonObject()
                            .put("by", caller.id())
                            .put("at", p.getString("updatedAt"))
                            .put("checklist", checklist));
        });
    }

    /** The chair starts the draw in front of the student; the ticket follows from the committed seed (6.15.6). */
    public Future<JsonObject> draw(Caller caller, String id, String student, JsonObject body) {
        String word = body.getValue("word") instanceof String w ? w.trim() : "";
        if (word.length() > 100 || word.contains("\n"))
            return Future.failedFuture(
                    Rejection.badRequest("bad-field", "'word' is one line of at most 100 characters"));
        return sittings.store()
                .seed(id)
                .compose(seedHex -> step(caller, id, student, "drawn", StudentStep.DRAW, (doc, p) -> {
                    if (doc.getJsonArray("tickets").isEmpty())
                        throw Rejection.conflict("no-tickets", "the sitting has no tickets");
                    TicketPool pool = SittingJson.pool(doc).draw(TicketDraw.seedFromHex(seedHex), student, word);
                    TicketPool.Drawn d = pool.drawn().get(pool.drawn().size() - 1);
                    doc.getJsonArray("draws")
                            .add(new JsonObject()
                                    .put("drawNumber", d.drawNumber())
                                    .put("studentId", student)
                                    .put("word", word)
                                    .put("ticket", d.ticket())
                                    .put("at", p.getString("updatedAt")));
                    return p.put("ticket", d.ticket());
                }));
    }

    /** start-preparation, end-preparation (the answer starts), end-answer (with a reason before the minimum). */
    public Future<JsonObject> phase(Caller caller, String id, String student, JsonObject body) {
        String action = body.getValue("action") instanceof String a ? a : "";
        String reason = body.getValue("reason") instanceof String r ? r : "";
        StudentStep which = switch (action) {
            case "start-preparation" -> StudentStep.START_PREPARATION;
            case "end-preparation" -> StudentStep.END_PREPARATION;
            case "end-answer" -> StudentStep.END_ANSWER;
            default -> null;
        };
        if (which == null)
            return Future.failedFuture(Rejection.badRequest(
                    "bad-field", "'action' must be start-preparation, end-preparation or end-answer"));
        return step(caller, id, student, "phase", which, (doc, p) -> {
            Instant now = Instant.parse(p.getString("updatedAt"));
            PhaseClock clock = SittingJson.clock(p, sittings.rules().phases()).at(now);
            clock = switch (which) {
                case START_PREPARATION -> clock.startPreparation(now);
                case END_PREPARATION -> clock.endPreparation(now);
                default -> clock.endAnswer(now, reason);
            };
            return p.put("phase", SittingJson.clockJson(clock, now));
        });
    }

    /** A member's own score, independent and hidden from the others until all have scored (6.15.6). */
    public Future<JsonObject> score(Caller caller, String id, String student, JsonObject body) {
        if (!(body.getValue("points") instanceof Integer points))
            return Future.failedFuture(Rejection.badRequest("bad-field", "'points' must be a whole number"));
        return step(caller, id, student, "scored", StudentStep.SCORE, (doc, p) -> {
            CommissionScores s =
                    SittingJson.scores(doc, p, sittings.rules().maxScore()).score(caller.id(), points);
            return p.put("scores", new JsonObject(new java.util.HashMap<String, Object>(s.scores())));
        });
    }

    /** The chair confirms once all have scored: the result (mean or median → letter) is published to the student at once. */
    public Future<JsonObject> confirm(Caller caller, String id, String student) {
        return step(caller, id, student, "confirmed", StudentStep.CONFIRM, (doc, p) -> {
            CommissionScores s = SittingJson.scores(doc, p, sittings.rules().maxScore());
            Grade g = s.grade(sittings.rules().aggregation(), scale);
            s.confirm(caller.id());
            return p.put("confirmedBy", caller.id())
                    .put(
                            "result",
                            new JsonObject()
                                    .put(
                                            "points",
                                            s.aggregate(sittings.rules().aggregation())
                                                    .doubleValue())
                                    .put("percent", g.percent())
                                    .put("letter", g.letter())
                                    .put("gpa", g.gpa())
                                    .put("traditional", g.traditional()))
                    .put("publishedAt", p.getString("updatedAt"));
        });
    }

    static JsonArray checklist() {
        return new JsonArray(ROOM_CHECKLIST);
    }
}
