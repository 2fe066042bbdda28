package kz.emtihan.exam;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import kz.emtihan.exam.model.Exam;
import kz.emtihan.exam.model.ExamKind;
import kz.emtihan.exam.model.ExamPlan;
import kz.emtihan.http.Rejection;

/** Exams as JSON: the teacher's request, the stored form, and the views. */
final class ExamJson {
    private ExamJson() {}

    static ExamPlan plan(JsonObject o) {
        String bankId = string(o, "bankId");
        String title = string(o, "title");
        if (title.length() > 300) throw Rejection.badRequest("bad-field", "'title' must be at most 300 characters");
        ExamKind kind = ExamKind.fromCode(o.getValue("kind") instanceof String s ? s : "")
                .orElseThrow(() -> Rejection.badRequest(
                        "bad-field", "'kind' must be intermediate-attestation, midterm or current-control"));
        return new ExamPlan(
                bankId,
                title,
                kind,
                instant(o, "opensAt"),
                instant(o, "closesAt"),
                optionalInt(o, "durationMinutes"),
                optionalInt(o, "questionCount"));
    }

    static Exam.Proctoring proctoring(JsonObject o) {
        Object p = o.getValue("proctoring");
        if (p == null) return new Exam.Proctoring(false, false, false);
        if (!(p instanceof JsonObject j)) throw Rejection.badRequest("bad-field", "'proctoring' must be an object");
        return new Exam.Proctoring(bool(j, "camera"), bool(j, "screen"), bool(j, "identity"));
    }

    static JsonObject toJson(Exam e) {
        return new JsonObject()
                .put("id", e.id())
                .put("bankId", e.bankId())
                .put("title", e.title())
                .put("kind", e.kind().code())
                .put("opensAt", e.opensAt().toString())
                .put("closesAt", e.closesAt().toString())
                .put("durationMinutes", e.durationMinutes())
                .put("questionCount", e.questionCount())
                .put(
                        "proctoring",
                        new JsonObject()
                                .put("camera", e.proctoring().camera())
                                .put("screen", e.proctoring().screen())
                                .put("identity", e.proctoring().identity()))
                .put("owner", e.owner());
    }

    static Exam fromJson(JsonObject o) {
        JsonObject p = o.getJsonObject("proctoring");
        return new Exam(
                o.getString("id"),
                o.getString("bankId"),
                o.getString("title"),
                ExamKind.fromCode(o.getString("kind")).orElseThrow(),
                Instant.parse(o.getString("opensAt")),
                Instant.parse(o.getString("closesAt")),
                o.getInteger("durationMinutes"),
                o.getInteger("questionCount"),
                new Exam.Proctoring(p.getBoolean("camera"), p.getBoolean("screen"), p.getBoolean("identity")),
                o.getString("owner"));
    }

    private static String string(JsonObject o, String field) {
        if (o.getValue(field) instanceof String s && !s.isBlank()) return s.strip();
        throw Rejection.badRequest("bad-field", "'" + field + "' must be a non-empty string");
    }

    private static Instant instant(JsonObject o, String field) {
        try {
            return Instant.parse(string(o, field));
        } catch (DateTimeParseException e) {
            throw Rejection.badRequest(
                    "bad-field", "'" + field + "' must be an ISO-8601 instant like 2026-12-01T09:00:00Z");
        }
    }

    private static Optional<Integer> optionalInt(JsonObject o, String field) {
        Object v = o.getValue(field);
        if (v == null) return Optional.empty();
        if (v instanceof Integer i) return Optional.of(i);
        throw Rejection.badRequest("bad-field", "'" + field + "' must be a whole number");
    }

    private static boolean bool(JsonObject o, String field) {
        Object v = o.getValue(field, false);
        if (v instanceof Boolean b) return b;
        throw Rejection.badRequest("bad-field", "'proctoring." + field + "' must be true or false");
    }
}
