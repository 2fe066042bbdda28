package kz.emtihan.exam;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import kz.emtihan.exam.model.Exam;
import kz.emtihan.exam.model.ExamKind;
import kz.emtihan.exam.model.ExamPlan;
import kz.emtihan.refusal.CommonRefusal;
import kz.emtihan.refusal.FieldProblem;
import kz.emtihan.refusal.Refusal;
import kz.emtihan.text.Text;

/** Exams as JSON: the teacher's request, the stored form, and the views. */
final class ExamJson {
    private ExamJson() {}

    static ExamPlan plan(JsonObject o) {
        String bankId = string(o, "bankId");
        String title = string(o, "title");
        if (title.length() > 300) throw badField("title", FieldProblem.tooLong(300));
        ExamKind kind = ExamKind.fromCode(o.getValue("kind") instanceof String s ? s : "")
                .orElseThrow(() ->
                        badField("kind", FieldProblem.oneOf("intermediate-attestation, midterm, current-control")));
        return new ExamPlan(
                bankId,
                title,
                kind,
                instant(o, "opensAt"),
                instant(o, "closesAt"),
                optionalInt(o, "durationMinutes"),
                optionalInt(o, "questionCount"));
    }

    /** 5.36-5.38: the exam this one retakes, if the request names one. */
    static Optional<String> retakeOf(JsonObject o) {
        Object v = o.getValue("retakeOf");
        if (v == null) return Optional.empty();
        if (v instanceof String s && !s.isBlank() && s.length() <= 64) return Optional.of(s.strip());
        throw badField("retakeOf", ExamWords.field("exam-id"));
    }

    static Exam.Proctoring proctoring(JsonObject o) {
        Object p = o.getValue("proctoring");
        if (p == null) return new Exam.Proctoring(false, false, false);
        if (!(p instanceof JsonObject j)) throw badField("proctoring", ExamWords.field("object"));
        return new Exam.Proctoring(bool(j, "camera"), bool(j, "screen"), bool(j, "identity"));
    }

    static JsonObject toJson(Exam e) {
        JsonObject o = new JsonObject()
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
        e.retakeOf().ifPresent(r -> o.put("retakeOf", r));
        return o;
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
                o.getString("owner"),
                java.util.Optional.ofNullable(o.getString("retakeOf")));
    }

    private static String string(JsonObject o, String field) {
        if (o.getValue(field) instanceof String s && !s.isBlank()) return s.strip();
        throw badField(field, ExamWords.field("text"));
    }

    private static Instant instant(JsonObject o, String field) {
        try {
            return Instant.parse(string(o, field));
        } catch (DateTimeParseException e) {
            throw badField(field, ExamWords.field("instant"));
        }
    }

    private static Optional<Integer> optionalInt(JsonObject o, String field) {
        Object v = o.getValue(field);
        if (v == null) return Optional.empty();
        if (v instanceof Integer i) return Optional.of(i);
        throw badField(field, ExamWords.field("whole-number"));
    }

    private static boolean bool(JsonObject o, String field) {
        Object v = o.getValue(field, false);
        if (v instanceof Boolean b) return b;
        throw badField("proctoring." + field, ExamWords.field("true-or-false"));
    }

    static Refusal badField(String field, Text problem) {
        return Refusal.of(CommonRefusal.BAD_FIELD, field, problem);
    }
}
