package kz.emtihan.statement;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;
import kz.emtihan.auth.Caller;
import kz.emtihan.auth.model.Role;
import kz.emtihan.exam.ExamPersonal;
import kz.emtihan.refusal.CommonRefusal;
import kz.emtihan.refusal.FieldProblem;
import kz.emtihan.refusal.Refusal;
import kz.emtihan.statement.model.Reason;
import kz.emtihan.statement.model.ScanType;
import kz.emtihan.statement.model.Statement;
import kz.emtihan.statement.model.StatementRefusal;
import kz.emtihan.statement.model.StatementWords;

/**
 * Extensions and individual statements (5.34-5.35): a student applies for an exam they are on the roster of, with a
 * reason and a scanned document; the dean, the director and the vice-rector sign in that order; the dean's office
 * issues the statement, which opens the student's personal window on the exam for 14 calendar days. Every step is
 * audited with who and when; the registrar sees them all with names.
 */
public final class Statements {
    /** The roles that sign (5.34) and so see every application. */
    static final Role[] SIGNERS = {Role.DEAN, Role.DIRECTOR, Role.VICE_RECTOR};

    private final StatementStore store;
    private final ExamPersonal exams;
    private final StatementViews views;
    private final Supplier<Instant> clock;
    private final ZoneId zone;

    Statements(StatementStore store, ExamPersonal exams, StatementViews views, Supplier<Instant> clock, ZoneId zone) {
        this.store = store;
        this.exams = exams;
        this.views = views;
        this.clock = clock;
        this.zone = zone;
    }

    /**
     * {@code {"examId", "reason": "illness"|"birth"|"death-in-family"|"other", "text", "document": {"base64"}}} from a
     * student for themself: on the exam's roster (403 otherwise), with no attempt at it (a student who sat has their
     * result, 5.34), and with no other open application for it (409 statement-open). A refused request writes nothing.
     */
    public Future<JsonObject> apply(Caller caller, JsonObject body) {
        if (!caller.has(Role.STUDENT)) return Future.failedFuture(Refusal.of(CommonRefusal.FORBIDDEN));
        String examId = body.getValue("examId") instanceof String e && !e.isBlank() ? e : null;
        if (examId == null)
            return Future.failedFuture(Refusal.of(CommonRefusal.BAD_FIELD, "examId", FieldProblem.required()));
        Reason reason =
                body.getValue("reason") instanceof String r ? Reason.fromCode(r).orElse(null) : null;
        if (reason == null)
            return Future.failedFuture(Refusal.of(
                    CommonRefusal.BAD_FIELD, "reason", FieldProblem.oneOf("illness, birth, death-in-family, other")));
        String text = body.getValue("text") instanceof String t ? t.trim() : "";
        if (text.length() > 2000)
            return Future.failedFuture(Refusal.of(CommonRefusal.BAD_FIELD, "text", FieldProblem.tooLong(2000)));
        if (reason == Reason.OTHER && text.isEmpty())
            return Future.failedFuture(
                    Refusal.of(CommonRefusal.BAD_FIELD, "text", StatementWords.field("other-needs-text")));
        byte[] scan = scanOf(body.getValue("document"));
        String type =
                ScanType.of(scan).orElseThrow(() -> Refusal.of(StatementRefusal.BAD_SCAN, ScanType.MAX_BYTES / 1024));
        Instant now = clock.get();
        return exams.exam(examId)
                .compose(exam -> exams.onRoster(examId, caller.id()))
                .compose(on -> on
                        ? exams.attemptStatus(examId, caller.id())
                        : Future.failedFuture(Refusal.of(CommonRefusal.FORBIDDEN))) // only for an exam of one's own
                .compose(attempt -> {
                    if (attempt.isPresent())
                        return Future.failedFuture(Refusal.of(
                                StatementRefusal.STATEMENT_ATTEMPT_EXISTS,
                                "5.34",
                                StatementWords.attempt(attempt.get())));
                    Statement s =
                            Statement.apply(StatementKeys.newId(examId), caller.id(), examId, reason, text, type, now);
                    return store.apply(s, Buffer.buffer(scan), event("applied", caller, now))
                            .compose(open -> open.isEmpty()
                                    ? views.one(caller, s, now)
                                    : store.get(open.get())
                                            .compose(o -> Future.failedFuture(Refusal.of(
                                                    StatementRefusal.STATEMENT_OPEN,
                                                    "5.34",
                                                    StatementWords.status(o.status(now))))));
                });
    }

    private static byte[] scanOf(Object document) {
        if (!(document instanceof JsonObject d) || !(d.getValue("base64") instanceof String b64))
            throw Refusal.of(StatementRefusal.BAD_SCAN, ScanType.MAX_BYTES / 1024);
        try {
            return Base64.getDecoder().decode(b64);
        } catch (IllegalArgumentException e) {
            throw Refusal.of(StatementRefusal.BAD_SCAN, ScanType.MAX_BYTES / 1024);
        }
    }

    /** {@code {"approved": bool, "reason"}} by the awaited signer (5.34); a refusal needs its reason and ends it. */
    public Future<JsonObject> sign(Caller caller, String id, JsonObject body) {
        if (!caller.hasAny(SIGNERS)) return Future.failedFuture(Refusal.of(CommonRefusal.FORBIDDEN));
        if (!(body.getValue("approved") instanceof Boolean approved))
            return Future.failedFuture(
                    Refusal.of(CommonRefusal.BAD_FIELD, "approved", FieldProblem.oneOf("true, false")));
        String reason = body.getValue("reason") instanceof String r ? r.trim() : "";
        if (!approved && reason.isEmpty()) return Future.failedFuture(Refusal.of(CommonRefusal.REASON_REQUIRED));
        if (reason.length() > 2000)
            return Future.failedFuture(Refusal.of(CommonRefusal.BAD_FIELD, "reason", FieldProblem.tooLong(2000)));
        Instant now = clock.get();
        return store.update(id, s -> {
                    Statement next = s.sign(caller.id(), caller.roles(), approved, reason, now);
                    Statement.Signature g =
                            next.signatures().get(next.signatures().size() - 1);
                    JsonObject e = event(approved ? "approved" : "refused", caller, now)
                            .put("signer", g.signer().role().code());
                    if (!approved) e.put("reason", reason);
                    return Future.succeededFuture(new StatementStore.Change(next, e, !approved, ""));
                })
                .compose(s -> views.one(caller, s, now));
    }

    /**
     * 5.34-5.35: the dean's office issues the individual statement on an application all three approved: the student's
     * personal window on the exam opens now (or when the exam opens, if later: nobody sees its questions early), for 14
     * calendar days from the issue ({@link kz.emtihan.statement.model.Validity}), in the same write.
     */
    public Future<JsonObject> issue(Caller caller, String id) {
        if (!caller.has(Role.DEAN)) return Future.failedFuture(Refusal.of(CommonRefusal.FORBIDDEN));
        Instant now = clock.get();
        return store.update(
                        id,
                        s -> Future.all(exams.attemptStatus(s.examId(), s.studentId()), exams.exam(s.examId()))
                                .map(done -> {
                                    java.util.Optional<String> attempt = done.resultAt(0);
                                    kz.emtihan.exam.model.Exam exam = done.resultAt(1);
                                    Statement next = s.issue(caller.id(), now, zone, attempt);
                                    var v = next.issued().orElseThrow().validity();
                                    // the window never opens before the exam itself: nobody sees its questions early
                                    Instant from = v.from().isBefore(exam.opensAt()) ? exam.opensAt() : v.from();
                                    JsonObject e = event("issued", caller, now)
                                            .put("validFrom", v.from().toString())
                                            .put("validUntil", v.until().toString());
                                    return new StatementStore.Change(
                                            next,
                                            e,
                                            false,
                                            from.toEpochMilli() + ":"
                                                    + v.until().toEpochMilli());
                                }))
                .compose(s -> views.one(caller, s, now));
    }

    /**
     * The statements the caller may see: a student their own; the signers, the registrar and admins all of them. Newest
     * first.
     */
    public Future<JsonArray> list(Caller caller) {
        Instant now = clock.get();
        boolean all = caller.hasAny(Role.REGISTRAR, Role.ADMIN, Role.DEAN, Role.DIRECTOR, Role.VICE_RECTOR);
        if (!all && !caller.has(Role.STUDENT)) return Future.failedFuture(Refusal.of(CommonRefusal.FORBIDDEN));
        return store.all(all ? StatementStore.ALL : StatementStore.ofStudent(caller.id()))
                .compose(found -> views.many(
                        caller,
                        found.stream()
                                .sorted(Comparator.comparing(Statement::appliedAt)
                                        .reversed())
                                .toList(),
                        now));
    }

    /** One statement with its audit trail: its student, the signers, the registrar, admins. */
    public Future<JsonObject> get(Caller caller, String id) {
        Instant now = clock.get();
        return readable(caller, id)
                .compose(s -> views.one(caller, s, now)
                        .compose(json -> store.auditOf(id).map(a -> json.put("audit", new JsonArray(List.copyOf(a))))));
    }

    /** The scan as sent, with the type read from its bytes: for the signers, the registrar and the student who sent it. */
    public Future<Scan> scan(Caller caller, String id) {
        return store.get(id).compose(s -> {
            boolean mine = caller.has(Role.STUDENT) && caller.id().equals(s.studentId());
            if (!mine && !caller.hasAny(Role.DEAN, Role.DIRECTOR, Role.VICE_RECTOR, Role.REGISTRAR))
                return Future.failedFuture(Refusal.of(CommonRefusal.FORBIDDEN));
            String ending = ScanType.ENDINGS.getOrDefault(s.documentType(), "bin");
            return store.scanOf(id).map(b -> new Scan(s.documentType(), id + "." + ending, b));
        });
    }

    /** A scan: its type, the name to save it under, its bytes. */
    public record Scan(String contentType, String filename, Buffer bytes) {}

    private Future<Statement> readable(Caller caller, String id) {
        return store.get(id).compose(s -> {
            boolean staff = caller.hasAny(Role.REGISTRAR, Role.ADMIN, Role.DEAN, Role.DIRECTOR, Role.VICE_RECTOR);
            boolean mine = caller.has(Role.STUDENT) && caller.id().equals(s.studentId());
            return staff || mine ? Future.succeededFuture(s) : Future.failedFuture(Refusal.of(CommonRefusal.FORBIDDEN));
        });
    }

    private static JsonObject event(String type, Caller caller, Instant at) {
        return new JsonObject().put("type", type).put("by", caller.id()).put("at", at.toString());
    }
}
