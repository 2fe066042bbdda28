package kz.emtihan.sitting;

import static kz.emtihan.sitting.SittingJson.*;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kz.emtihan.sitting.model.PhaseLimits;
import kz.emtihan.sitting.model.StudentRecord;
import kz.emtihan.sitting.model.StudentState;

/** The stored form of one student's progress in a sitting ({@code students.<id>} of the document) and its {@link StudentRecord}: read leniently, written back field by field of what the record owns ({@link SittingJson}). */
final class StudentRecordJson {
    private StudentRecordJson() {}

    static Map<String, StudentRecord.Photo> photos(JsonObject stored) {
        Map<String, StudentRecord.Photo> out = new HashMap<>();
        stored.forEach(e -> {
            JsonObject o = e.getValue() instanceof JsonObject j ? j : new JsonObject();
            out.put(
                    e.getKey(),
                    new StudentRecord.Photo(
                            Instant.parse(o.getString("at")),
                            o.getString("by"),
                            o.getString("contentType", ""),
                            o.getLong("bytes", 0L),
                            o.getString("sha256", "")));
        });
        return out;
    }

    /** The items of a checklist confirmed true, in the order they were stored. */
    static List<String> confirmed(JsonObject checklist) {
        List<String> out = new ArrayList<>();
        checklist.forEach(e -> {
            if (Boolean.TRUE.equals(e.getValue())) out.add(e.getKey());
        });
        return out;
    }

    static StudentRecord record(JsonObject p, PhaseLimits limits) {
        Map<String, Integer> scores = new HashMap<>();
        JsonObject s = object(p, "scores");
        for (String m : s.fieldNames()) scores.put(m, s.getInteger(m));
        Optional<StudentRecord.Identity> identity = Optional.ofNullable(p.getJsonObject("identity"))
                .map(i -> new StudentRecord.Identity(
                        i.getString("by"), Instant.parse(i.getString("at")), i.getString("note", "")));
        Optional<StudentRecord.RoomCheck> room = Optional.ofNullable(p.getJsonObject("room"))
                .map(r -> new StudentRecord.RoomCheck(
                        r.getString("by"), Instant.parse(r.getString("at")), confirmed(object(r, "checklist"))));
        Optional<StudentRecord.Result> result = Optional.ofNullable(p.getJsonObject("result"))
                .map(r -> new StudentRecord.Result(
                        r.getDouble("points"),
                        r.getDouble("percent"),
                        r.getString("letter"),
                        r.getDouble("gpa"),
                        r.getString("traditional"),
                        Optional.ofNullable(r.getString("changedByAppeal"))));
        return new StudentRecord(
                StudentState.ofCode(p.getString("status")),
                instant(p, "admittedAt"),
                identity,
                room,
                Optional.ofNullable(p.getValue("ticket") instanceof Integer n ? n : null),
                p.getJsonObject("phase") == null ? Optional.empty() : Optional.of(clock(p, limits)),
                scores,
                Optional.ofNullable(p.getString("confirmedBy")),
                result,
                instant(p, "publishedAt"),
                photos(object(p, "photos")),
                Optional.ofNullable(object(p, "incomplete").getString("deadline"))
                        .map(Instant::parse),
                instant(p, "updatedAt"));
    }

    /** The fields of a student's progress the aggregate owns; a fact it does not have is removed. */
    static void write(StudentRecord was, StudentRecord r, JsonObject p) {
        if (was == null || !was.photos().equals(r.photos())) {
            JsonObject photos = new JsonObject();
            r.photos()
                    .forEach((kind, ph) -> photos.put(
                            kind,
                            new JsonObject()
                                    .put("at", ph.at().toString())
                                    .put("by", ph.by())
                                    .put("contentType", ph.contentType())
                                    .put("bytes", ph.bytes())
                                    .put("sha256", ph.sha256())));
            put(p, "photos", photos.isEmpty() ? Optional.empty() : Optional.of(photos));
        }
        put(p, "status", r.status().map(StudentState::code));
        put(p, "admittedAt", r.admittedAt().map(Instant::toString));
        put(
                p,
                "identity",
                r.identity()
                        .map(i -> new JsonObject()
                                .put("by", i.by())
                                .put("at", i.at().toString())
                                .put("note", i.note())));
        put(p, "room", r.room().map(c -> {
            JsonObject items = new JsonObject();
            c.checklist().forEach(item -> items.put(item, true));
            return new JsonObject()
                    .put("by", c.by())
                    .put("at", c.at().toString())
                    .put("checklist", items);
        }));
        put(p, "ticket", r.ticket());
        Instant at = r.updatedAt().orElse(Instant.EPOCH);
        put(p, "phase", r.clock().map(c -> clockJson(c, at)));
        p.put("scores", new JsonObject(new HashMap<String, Object>(r.scores())));
        put(p, "confirmedBy", r.confirmedBy());
        put(p, "result", r.result().map(x -> {
            JsonObject o = new JsonObject()
                    .put("points", x.points())
                    .put("percent", x.percent())
                    .put("letter", x.letter())
                    .put("gpa", x.gpa())
                    .put("traditional", x.traditional());
            x.changedByAppeal().ifPresent(a -> o.put("changedByAppeal", a));
            return o;
        }));
        put(p, "publishedAt", r.publishedAt().map(Instant::toString));
        put(p, "updatedAt", r.updatedAt().map(Instant::toString));
        if (was == null || !was.incompleteUntil().equals(r.incompleteUntil()))
            put(p, "incomplete", r.incompleteUntil().map(d -> new JsonObject().put("deadline", d.toString())));
    }
}
