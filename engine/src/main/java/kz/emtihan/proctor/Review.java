package kz.emtihan.proctor;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import kz.emtihan.audit.model.HashChain;
import kz.emtihan.auth.Caller;
import kz.emtihan.exam.AttemptFacts;
import kz.emtihan.exam.ExamRefusal;
import kz.emtihan.live.LiveHub;
import kz.emtihan.proctor.model.Credibility;
import kz.emtihan.proctor.model.Flag;
import kz.emtihan.proctor.model.ProctorTexts;
import kz.emtihan.proctor.model.Verdict;
import kz.emtihan.refusal.CommonRefusal;
import kz.emtihan.refusal.FieldProblem;
import kz.emtihan.refusal.Refusal;
import kz.emtihan.text.Language;

/**
 * Reviewing an attempt after the exam (issue 4, 6): its timeline of events and flags with their snapshots, the
 * recordings' coverage, a credibility score ({@link Credibility}) and the reviewer's verdict with a comment, all
 * in the audit trail. The student sees the review of their own attempt once it exists, never another's.
 */
final class Review {
    private final ProctorAccess access;
    private final ProctorStore store;
    private final Recordings recordings;
    private final LiveHub live;
    private final kz.emtihan.config.ProctorSettings settings;
    private final kz.emtihan.auth.Names names;

    Review(
            ProctorAccess access,
            ProctorStore store,
            Recordings recordings,
            LiveHub live,
            kz.emtihan.config.ProctorSettings settings,
            kz.emtihan.auth.Names names) {
        this.settings = settings;
        this.names = names;
        this.access = access;
        this.store = store;
        this.recordings = recordings;
        this.live = live;
    }

    Future<JsonObject> get(Caller caller, String attemptId, Language language) {
        return access.watcherOrOwner(
                        caller, attemptId, a -> store.fields(attemptId).map(f -> f.containsKey("verdict")))
                .compose(a -> Future.all(List.of(
                                store.fields(attemptId),
                                store.flagsOf(attemptId),
                                store.auditOf(attemptId),
                                recordings.listOf(a).map(r -> r.getDouble("coverage")),
                                access.exam(a),
                                access.attempts().holds().clockStartedAt(attemptId)))
                        .map(done -> {
                            Map<String, String> fields = done.resultAt(0);
                            double coverage = done.resultAt(3);
                            Credibility.Evidence evidence =
                                    evidence(a, done.resultAt(4), fields, coverage, done.resultAt(5));
                            return toJson(a, fields, done.resultAt(1), done.resultAt(2), coverage, evidence, language);
                        }))
                .compose(this::named);
    }

    /**
     * issue 15 (2): the names of the people the review mentions (the student, who decided the identity, who gave the
     * verdict, who did what in the timeline) as {@code people: {id: name}} and {@code studentName}.
     */
    private Future<JsonObject> named(JsonObject review) {
        java.util.Set<String> ids = new java.util.LinkedHashSet<>();
        ids.add(review.getString("studentId"));
        JsonObject identity = review.getJsonObject("identity");
        if (identity != null && identity.getJsonObject("decision") != null)
            ids.add(identity.getJsonObject("decision").getString("by"));
        if (review.getJsonObject("verdict") != null)
            ids.add(review.getJsonObject("verdict").getString("by"));
        for (Object o : review.getJsonArray("timeline")) {
            Object detail = ((JsonObject) o).getValue("detail");
            if (detail instanceof JsonObject d && d.getValue("by") instanceof String by) ids.add(by);
        }
        ids.remove(null);
        return names.of(ids).map(found -> {
            JsonObject people = new JsonObject();
            for (String id : ids) people.put(id, found.getOrDefault(id, id));
            return review.put("studentName", people.getString(review.getString("studentId")))
                    .put("people", people);
        });
    }

    /**
     * What of the owed evidence arrived (issue 10, 4): the recordings' coverage of the attempt, the camera snapshots
     * received of those expected from the clock's start to the end, and the identity photos.
     */
    private Credibility.Evidence evidence(
            AttemptFacts a,
            kz.emtihan.exam.model.Exam exam,
            Map<String, String> fields,
            double coverage,
            java.util.Optional<java.time.Instant> clock) {
        var p = exam.proctoring();
        double recording = p.camera() || p.screen() ? Math.max(0, Math.min(1, coverage)) : 1;
        double snapshots = 1;
        if (p.camera()) {
            long end =
                    Math.min(a.endOrDeadline().toEpochMilli(), live.serverNow().toEpochMilli());
            long elapsed = clock.map(c -> Math.max(0, end - c.toEpochMilli())).orElse(0L);
            snapshots = kz.emtihan.proctor.model.EvidenceRule.received(
                    Long.parseLong(fields.getOrDefault("snapshots", "0")),
                    elapsed,
                    settings.snapshotSeconds() * 1000L,
                    settings.evidenceMissingAfter());
        }
        double identity = !p.identity() || fields.containsKey("identitySubmittedAt") ? 1 : 0;
        return new Credibility.Evidence(recording, snapshots, identity);
    }

    private static JsonObject toJson(
            AttemptFacts a,
            Map<String, String> fields,
            List<Flag> flags,
            List<String> audit,
            double coverage,
            Credibility.Evidence evidence,
            Language language) {
        JsonArray timeline = new JsonArray();
        List<JsonObject> items = new ArrayList<>();
        items.add(new JsonObject()
                .put("at", a.startedAt().toString())
                .put("kind", "event")
                .put("type", "attempt-started"));
        a.finishedAt()
                .ifPresent(f -> items.add(new JsonObject()
                        .put("at", f.toString())
                        .put("kind", "event")
                        .put("type", "attempt-" + a.status().code())));
        for (String line : audit) {
            JsonObject e = new JsonObject(line);
            if ("flag".equals(e.getString("type"))) continue; // flags come from the flags list, with their evidence URL
            items.add(new JsonObject()
                    .put("at", e.getString("at"))
                    .put("kind", "event")
                    .put("type", e.getString("type"))
                    .put("detail", e.copy()));
        }
        for (Flag f : flags) {
            JsonObject j = FlagJson.toJson(f, a.id(), language);
            items.add(TextJson.put(
                    new JsonObject()
                            .put("at", j.getString("at"))
                            .put("kind", "flag")
                            .put("type", f.kind().code())
                            .put("severity", f.severity().code())
                            .put("evidence", j.getString("evidence"))
                            .put("insufficientEvidence", f.insufficientEvidence()),
                    "detail",
                    f.detail(),
                    language));
        }
        items.sort(Comparator.comparing(o -> o.getString("at")));
        items.forEach(timeline::add);
        return new JsonObject()
                .put("attemptId", a.id())
                .put("examId", a.examId())
                .put("studentId", a.studentId())
                .put("status", a.status().code())
                .put("startedAt", a.startedAt().toString())
                .put("deadline", a.deadline().toString())
                .put("finishedAt", a.finishedAt().map(Object::toString).orElse(null))
                .put("timeline", timeline)
                .put(
                        "flags",
                        new JsonArray(flags.stream()
                                .map(f -> FlagJson.toJson(f, a.id(), language))
                                .toList()))
                .put("credibility", CredibilityJson.toJson(Credibility.of(flags, evidence), language))
                .put("coverage", coverage)
                .put(
                        "evidence",
                        new JsonObject()
                                .put("recording", evidence.recording())
                                .put("snapshots", evidence.snapshots())
                                .put("identity", evidence.identity()))
                .put("identity", Identity.toJson(a.id(), fields))
                .put("verdict", fields.containsKey("verdict") ? new JsonObject(fields.get("verdict")) : null)
                .put("auditEvents", audit.size())
                .put("auditHead", HashChain.head(a.id(), audit));
    }

    Future<JsonObject> decide(Caller caller, String attemptId, JsonObject body, Language language) {
        // issue 10 (3): who first, then what: a caller refused is told 403 whatever the body says
        return access.watcher(caller, attemptId).compose(a -> decideChecked(caller, a, attemptId, body, language));
    }

    private Future<JsonObject> decideChecked(
            Caller caller, AttemptFacts watched, String attemptId, JsonObject body, Language language) {
        Verdict verdict = body.getValue("verdict") instanceof String s
                ? Verdict.fromCode(s).orElse(null)
                : null;
        if (verdict == null) {
            return Future.failedFuture(
                    Refusal.of(CommonRefusal.BAD_FIELD, "verdict", FieldProblem.oneOf("clean, suspicious, violation")));
        }
        Object c = body.getValue("comment");
        if (c != null && !(c instanceof String) || c instanceof String s && s.length() > 2000) {
            return Future.failedFuture(Refusal.of(CommonRefusal.BAD_FIELD, "comment", FieldProblem.tooLong(2000)));
        }
        String comment = c == null ? "" : ((String) c).trim();
        if (verdict != Verdict.CLEAN && comment.isEmpty()) {
            return Future.failedFuture(Refusal.of(ProctorRefusal.COMMENT_REQUIRED, ProctorTexts.verdict(verdict)));
        }
        return Future.succeededFuture(watched)
                .compose(a -> {
                    if (!a.status().finished()) return Future.failedFuture(Refusal.of(ExamRefusal.ATTEMPT_OPEN));
                    String at = live.serverNow().toString();
                    JsonObject v = new JsonObject()
                            .put("verdict", verdict.code())
                            .put("comment", comment)
                            .put("by", caller.id())
                            .put("byName", caller.name()) // issue 15 (2)
                            .put("at", at);
                    return store.record(
                            attemptId,
                            Map.of("verdict", v.encode()),
                            new JsonObject()
                                    .put("type", "review")
                                    .put("at", at)
                                    .put("by", caller.id())
                                    .put("verdict", verdict.code())
                                    .put("comment", comment));
                })
                .compose(x -> get(caller, attemptId, language));
    }
}
