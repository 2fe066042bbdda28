package kz.emtihan.sitting;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import kz.emtihan.auth.Caller;
import kz.emtihan.auth.model.Role;
import kz.emtihan.grade.model.Grade;
import kz.emtihan.refusal.CommonRefusal;
import kz.emtihan.refusal.FieldProblem;
import kz.emtihan.refusal.Refusal;
import kz.emtihan.sitting.model.IncompleteGrade;
import kz.emtihan.sitting.model.Postponement;
import kz.emtihan.sitting.model.PostponementDeadline;
import kz.emtihan.sitting.model.SittingRefusal;
import kz.emtihan.sitting.model.SittingWords;
import kz.emtihan.sitting.model.StudentStep;

/**
 * 6.15.2-6.15.3: a student who cannot sit remotely, or is absent for a valid reason, applies with a scanned document;
 * the chair allows or refuses; an allowed postponement gives the grade "I" with a deadline (a day the chair sets, from
 * the day of the decision through 10 July for a master's applicant, from config, which is also the default), which
 * turns into "F" by itself once the deadline passes without a result. A student has at most one application awaiting
 * the chair or allowed, and none once the sitting is closed. The scan is kept apart from the sitting's document
 * ({@code sitting:<id>:postponement:<n>}) and served with the type it was sent as.
 */
public final class SittingPostponements {
    private static final int MAX_SCAN_BYTES = 700 * 1024;
    /** The scans kept, with the file ending each is served under. */
    private static final Map<String, String> SCAN_TYPES =
            Map.of("application/pdf", "pdf", "image/jpeg", "jpg", "image/png", "png");

    private final Sittings sittings;
    private final Redis redis;

    SittingPostponements(Sittings sittings, Redis redis) {
        this.sittings = sittings;
        this.redis = redis;
    }

    /**
     * {@code {"reason", "document": {"contentType", "base64"}}} from a student of the sitting, before its result, while
     * the sitting is open (409 {@code sitting-closed}) and unless the student's earlier application awaits the chair or
     * was allowed (409 {@code already}); after a refusal the student may apply again (6.15.3). A refusal writes nothing.
     */
    public Future<JsonObject> apply(Caller caller, String id, JsonObject body) {
        String reason = body.getValue("reason") instanceof String r ? r.trim() : "";
        if (reason.isEmpty() || reason.length() > 4000)
            return Future.failedFuture(Refusal.of(
                    CommonRefusal.BAD_FIELD, "reason", SittingWords.field("text-length", "min", 1, "max", 4000)));
        JsonObject document = body.getValue("document") instanceof JsonObject d ? d : null;
        byte[] scan;
        try {
            scan = document == null ? null : Base64.getDecoder().decode(document.getString("base64", ""));
        } catch (IllegalArgumentException e) {
            return Future.failedFuture(Refusal.of(SittingRefusal.BAD_DOCUMENT));
        }
        if (scan == null
                || scan.length == 0
                || scan.length > MAX_SCAN_BYTES
                || !SCAN_TYPES.containsKey(document.getString("contentType", ""))) {
            return Future.failedFuture(Refusal.of(SittingRefusal.BAD_DOCUMENT));
        }
        Instant now = sittings.live().serverNow();
        String type = document.getString("contentType");
        return sittings.apply(id, "postponement", sitting -> {
                    sitting.requirePart(caller.id(), StudentStep.APPLY_POSTPONEMENT); // a student, for themself
                    return sitting.applyToPostpone(caller.id(), reason, type, now); // closed, awaiting, under way: 409
                })
                .compose(doc -> {
                    JsonArray all = doc.getJsonArray("postponements");
                    JsonObject made = all.getJsonObject(all.size() - 1);
                    return redis.send(Request.cmd(Command.SET)
                                    .arg(SittingKeys.postponementScan(id, made.getString("id")))
                                    .arg(Buffer.buffer(scan)))
                            .map(x -> made);
                });
    }

    /**
     * The chair allows (the grade becomes "I" with its deadline) or refuses, with a reason. {@code "deadline":
     * "YYYY-MM-DD"}, only with an allowed one, is the last day to retake the exam, from today through the configured
     * master's applicant's day, which is the default (6.15.2-6.15.3, {@link PostponementDeadline}); outside that range,
     * 400 {@code bad-field} naming it, and nothing changes.
     */
    public Future<JsonObject> decide(Caller caller, String id, String pid, JsonObject body) {
        if (!(body.getValue("allowed") instanceof Boolean allowed))
            return Future.failedFuture(
                    Refusal.of(CommonRefusal.BAD_FIELD, "allowed", FieldProblem.oneOf("true, false")));
        String reason = body.getValue("reason") instanceof String r ? r.trim() : "";
        if (!allowed && reason.isEmpty()) return Future.failedFuture(Refusal.of(CommonRefusal.REASON_REQUIRED));
        Instant now = sittings.live().serverNow();
        var rules = sittings.rules();
        PostponementDeadline range = PostponementDeadline.on(rules.calendar().dayOf(now), rules.mastersDeadline());
        Optional<LocalDate> chosen;
        try {
            chosen = deadline(body.getValue("deadline"), allowed, range);
        } catch (Refusal r) {
            return Future.failedFuture(r);
        }
        return sittings.apply(id, "postponement-decided", sitting -> {
                    sitting.requirePart(
                            caller.id(),
                            allowed ? StudentStep.ALLOW_POSTPONEMENT : StudentStep.REFUSE_POSTPONEMENT); // the chair
                    String student = sitting.postponements().stream()
                            .filter(p -> p.id().equals(pid))
                            .map(Postponement::studentId)
                            .findFirst()
                            .orElse("");
                    IncompleteGrade i = range.grade(
                            student.isEmpty() ? "?" : student,
                            chosen,
                            rules.calendar().zone());
                    return sitting.decidePostponement(pid, allowed, reason, caller.id(), i.deadline(), now);
                })
                .map(doc -> SittingAfter.find(doc.getJsonArray("postponements"), pid, "postponement"));
    }

    private static Optional<LocalDate> deadline(Object raw, boolean allowed, PostponementDeadline range) {
        if (raw == null) return Optional.empty();
        Refusal outside = Refusal.of(
                CommonRefusal.BAD_FIELD,
                "deadline",
                SittingWords.field("deadline-range", "earliest", range.earliest(), "latest", range.latest()));
        if (!allowed)
            throw Refusal.of(CommonRefusal.BAD_FIELD, "deadline", SittingWords.field("deadline-only-allowed"));
        if (!(raw instanceof String text) || !text.matches("\\d{4}-\\d{2}-\\d{2}")) throw outside;
        try {
            LocalDate day = LocalDate.parse(text);
            if (!range.allows(day)) throw outside;
            return Optional.of(day);
        } catch (DateTimeParseException e) {
            throw outside;
        }
    }

    /** A scan as stored: its type, the name to save it under ({@code <sittingId>-<pid>.<pdf|jpg|png>}) and its bytes. */
    public record Scan(String contentType, String filename, Buffer bytes) {}

    /** The scan, for the chair, the secretary, an administrator and the student who sent it, with the type it was sent as. */
    public Future<Scan> document(Caller caller, String id, String pid) {
        return sittings.store().get(id).compose(doc -> {
            String role = SittingView.roleOf(doc, caller.id());
            if (role == null && !caller.has(Role.ADMIN))
                return Future.failedFuture(Refusal.of(CommonRefusal.FORBIDDEN));
            JsonObject p = SittingAfter.find(doc.getJsonArray("postponements"), pid, "postponement");
            if (!caller.has(Role.ADMIN)
                    && !"chair".equals(role)
                    && !"secretary".equals(role)
                    && !caller.id().equals(p.getString("studentId"))) {
                return Future.failedFuture(Refusal.of(CommonRefusal.FORBIDDEN)); // the chair, secretary, applicant
            }
            String type = p.getString("documentType", "");
            String ending = SCAN_TYPES.get(type);
            return redis.send(Request.cmd(Command.GET).arg(SittingKeys.postponementScan(id, pid)))
                    .map(r -> new Scan(
                            ending == null ? "application/octet-stream" : type,
                            id + "-" + pid + "." + (ending == null ? "bin" : ending),
                            r == null ? Buffer.buffer() : r.toBuffer()));
        });
    }

    /** "I", "F" once its deadline passed without a result, or the letter of a result published in time (6.15.3). */
    static Optional<JsonObject> standing(JsonObject progress, Instant now, int maxScore) {
        JsonObject incomplete = progress.getJsonObject("incomplete");
        if (incomplete == null) return Optional.empty();
        Instant deadline = Instant.parse(incomplete.getString("deadline"));
        IncompleteGrade i = IncompleteGrade.until(progress.getString("studentId", "student"), deadline);
        // 6.15.3: the result of the later sitting that carried the student replaces the "I" (SittingCarry)
        JsonObject from =
                progress.getJsonObject("replacedBy") != null ? progress.getJsonObject("replacedBy") : progress;
        JsonObject result = from.getJsonObject("result");
        if (result != null
                && from.getString("publishedAt") != null
                && Instant.parse(from.getString("publishedAt")).isBefore(deadline)) {
            i = i.graded(
                    new Grade(
                            result.getDouble("points"),
                            maxScore,
                            result.getDouble("percent"),
                            result.getString("letter"),
                            result.getDouble("gpa"),
                            result.getString("traditional")),
                    Instant.parse(from.getString("publishedAt")));
        }
        IncompleteGrade.Standing s = i.at(now);
        JsonObject replaced = progress.getJsonObject("replacedBy");
        JsonObject out = new JsonObject();
        if (replaced != null) out.put("sittingId", replaced.getString("sittingId")); // the sitting whose result counts
        return Optional.of(out.put("letter", s.letter())
                .put("status", s.status().name().toLowerCase(java.util.Locale.ROOT))
                .put("deadline", deadline.toString()));
    }
}
