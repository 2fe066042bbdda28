package kz.emtihan.proctor;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kz.emtihan.auth.Caller;
import kz.emtihan.config.ProctorSettings;
import kz.emtihan.exam.AttemptFacts;
import kz.emtihan.exam.ExamKeys;
import kz.emtihan.live.LiveHub;
import kz.emtihan.media.vision.FrameAnalysis;
import kz.emtihan.proctor.model.IdentityCheck;
import kz.emtihan.proctor.model.ProctorTexts;
import kz.emtihan.refusal.CommonRefusal;
import kz.emtihan.refusal.FieldProblem;
import kz.emtihan.refusal.Refusal;
import kz.emtihan.text.Language;
import kz.emtihan.text.Text;

/**
 * The identity check (5.17.2, 6.15.6): the student sends a face photo and a photo of their ID card; both must
 * show a face (the face photo exactly one) or they are refused at once; a proctor then approves or rejects with
 * a reason, side by side. No face-recognition model is bundled, so matching the two is the proctor's judgement.
 * Every submission and decision goes to the proctoring audit trail.
 */
final class Identity {
    private final Vertx vertx;
    private final ProctorAccess access;
    private final ProctorStore store;
    private final EvidenceFiles files;
    private final FaceWork faces;
    private final LiveHub live;
    private final ProctorSettings.IdentityPolicy policy;

    Identity(
            Vertx vertx,
            ProctorAccess access,
            ProctorStore store,
            EvidenceFiles files,
            FaceWork faces,
            LiveHub live,
            ProctorSettings.IdentityPolicy policy) {
        this.policy = policy;
        this.vertx = vertx;
        this.access = access;
        this.store = store;
        this.files = files;
        this.faces = faces;
        this.live = live;
    }

    Future<JsonObject> submit(Caller caller, String attemptId, byte[] face, byte[] document, Language language) {
        return access.ownerWhileOpen(caller, attemptId)
                .compose(a -> Future.all(analyse(face, "face"), analyse(document, "document"))
                        .compose(done -> {
                            FrameAnalysis f = done.resultAt(0);
                            FrameAnalysis d = done.resultAt(1);
                            List<IdentityCheck.Problem> problems =
                                    IdentityCheck.problems(f.faces(), f.judgeable(), d.faces());
                            String at = live.serverNow().toString();
                            JsonObject reply = new JsonObject()
                                    .put("faceCount", f.faces())
                                    .put("documentFaceCount", d.faces())
                                    .putNull("similarity")
                                    .put("problems", problemsJson(problems, language));
                            JsonObject audit = new JsonObject()
                                    .put("at", at)
                                    .put("by", caller.id())
                                    .put("faceCount", f.faces())
                                    .put("documentFaceCount", d.faces());
                            if (!problems.isEmpty()) {
                                return store.record(
                                                attemptId,
                                                Map.of(),
                                                audit.put("type", "identity-refused")
                                                        .put("problems", problemsJson(problems, Language.EN)))
                                        .map(v -> reply.put("status", "rejected"));
                            }
                            Map<String, String> fields = new HashMap<>();
                            fields.put("identityStatus", "pending");
                            fields.put("identityFaces", Integer.toString(f.faces()));
                            fields.put("identityDocumentFaces", Integer.toString(d.faces()));
                            fields.put("identitySubmittedAt", at);
                            return vertx.executeBlocking(
                                            () -> {
                                                files.writeIdentity(attemptId, "face", face);
                                                files.writeIdentity(attemptId, "document", document);
                                                return null;
                                            },
                                            false)
                                    .onSuccess(v -> kz.emtihan.metrics.EngineMetrics.of(vertx)
                                            .uploaded("identity-photo", (long) face.length + document.length))
                                    .compose(v ->
                                            store.record(attemptId, fields, audit.put("type", "identity-submitted")))
                                    .compose(v -> live.publish(
                                            ExamKeys.examChannel(a.examId()),
                                            new JsonObject()
                                                    .put("type", "identity")
                                                    .put("examId", a.examId())
                                                    .put("attemptId", attemptId)
                                                    .put("studentId", a.studentId())
                                                    .put("status", "pending")))
                                    .compose(v -> photosIn(attemptId, caller.id()))
                                    .map(deadline -> {
                                        deadline.ifPresent(due -> reply.put("deadline", due.toString()));
                                        return reply.put("status", "pending");
                                    });
                        }));
    }

    /**
     * The photos are in (5.17.2): under review-later the questions are served and the clock starts now; under wait the
     * hold now waits for a proctor's approval. The new deadline, if the clock started.
     */
    private Future<Optional<java.time.Instant>> photosIn(String attemptId, String actor) {
        if (policy == ProctorSettings.IdentityPolicy.WAIT) {
            return access.attempts()
                    .holds()
                    .waitFor(attemptId, "approval", actor)
                    .map(v -> Optional.empty());
        }
        return access.attempts()
                .holds()
                .release(attemptId, actor)
                .compose(deadline -> deadline.isEmpty()
                        ? Future.succeededFuture(deadline)
                        : live.publish(
                                        ExamKeys.attemptChannel(attemptId),
                                        new JsonObject()
                                                .put("type", "deadline")
                                                .put("attemptId", attemptId)
                                                .put("deadline", deadline.get().toString()))
                                .map(deadline));
    }

    private Future<FrameAnalysis> analyse(byte[] image, String field) {
        return faces.analyse(image)
                .recover(err -> Future.failedFuture(
                        err instanceof IllegalArgumentException
                                ? Refusal.of(ProctorRefusal.BAD_IMAGE, photoName(field), "JPEG, PNG")
                                : err));
    }

    /** A proctor's decision; approval releases an attempt held for it (its clock starts then). */
    Future<JsonObject> decide(Caller caller, String attemptId, JsonObject body) {
        // issue 10 (3): who first, then what: a caller refused is told 403 whatever the body says
        return access.watcher(caller, attemptId).compose(a -> decideChecked(caller, a, attemptId, body));
    }

    private Future<JsonObject> decideChecked(Caller caller, AttemptFacts watched, String attemptId, JsonObject body) {
        if (!(body.getValue("approved") instanceof Boolean approved)) {
            return Future.failedFuture(
                    Refusal.of(CommonRefusal.BAD_FIELD, "approved", FieldProblem.oneOf("true, false")));
        }
        Object r = body.getValue("reason");
        String reason = r instanceof String s ? s.trim() : "";
        if (r != null && !(r instanceof String) || reason.length() > 500) {
            return Future.failedFuture(Refusal.of(CommonRefusal.BAD_FIELD, "reason", FieldProblem.tooLong(500)));
        }
        if (!approved && reason.isEmpty()) {
            return Future.failedFuture(Refusal.of(CommonRefusal.REASON_REQUIRED));
        }
        return Future.succeededFuture(watched)
                .compose(a -> store.fields(attemptId).compose(fields -> {
                    if (!fields.containsKey("identitySubmittedAt")) {
                        return Future.failedFuture(Refusal.of(ProctorRefusal.NO_IDENTITY));
                    }
                    String status = approved ? "approved" : "rejected";
                    String at = live.serverNow().toString();
                    JsonObject decision = new JsonObject()
                            .put("approved", approved)
                            .put("reason", reason)
                            .put("by", caller.id())
                            .put("byName", caller.name()) // issue 15 (2): the proctor panel names who decided
                            .put("at", at);
                    return store.record(
                                    attemptId,
                                    Map.of("identityStatus", status, "identityDecision", decision.encode()),
                                    new JsonObject()
                                            .put("type", "identity-" + status)
                                            .put("at", at)
                                            .put("by", caller.id())
                                            .put("reason", reason))
                            .compose(v -> approved
                                    ? access.attempts().holds().release(attemptId, caller.id())
                                    // under wait a rejected student must send photos again before anything is served
                                    : policy == ProctorSettings.IdentityPolicy.WAIT
                                            ? access.attempts()
                                                    .holds()
                                                    .waitFor(attemptId, "identity", caller.id())
                                                    .map(x -> Optional.<java.time.Instant>empty())
                                            : Future.succeededFuture(Optional.<java.time.Instant>empty()))
                            .compose(deadline -> {
                                JsonObject toStudent = new JsonObject()
                                        .put("type", "identity")
                                        .put("attemptId", attemptId)
                                        .put("status", status)
                                        .put("reason", reason);
                                deadline.ifPresent(d -> toStudent.put("deadline", d.toString()));
                                Future<Void> told = live.publish(ExamKeys.attemptChannel(attemptId), toStudent);
                                if (deadline.isPresent()) {
                                    told = told.compose(x -> live.publish(
                                            ExamKeys.attemptChannel(attemptId),
                                            new JsonObject()
                                                    .put("type", "deadline")
                                                    .put("attemptId", attemptId)
                                                    .put(
                                                            "deadline",
                                                            deadline.get().toString())));
                                }
                                return told.compose(x -> live.publish(
                                        ExamKeys.examChannel(a.examId()),
                                        new JsonObject()
                                                .put("type", "identity")
                                                .put("examId", a.examId())
                                                .put("attemptId", attemptId)
                                                .put("studentId", a.studentId())
                                                .put("status", status)));
                            })
                            .compose(v -> view(caller, attemptId));
                }));
    }

    Future<JsonObject> view(Caller caller, String attemptId) {
        return access.watcher(caller, attemptId)
                .compose(a -> store.fields(attemptId))
                .map(f -> toJson(attemptId, f));
    }

    /** The photo a form field holds, as a refusal names it. */
    static Text photoName(String field) {
        return ProctorTexts.thing(field.equals("face") ? "face-photo" : "card-photo");
    }

    private static Refusal noPhoto(String which) {
        return Refusal.of(CommonRefusal.NOT_FOUND, ProctorTexts.thing("identity-photo"), which);
    }

    /** The photos' problems: {field, error, message} with the message's key and arguments, in {@code language}. */
    static JsonArray problemsJson(List<IdentityCheck.Problem> problems, Language language) {
        JsonArray out = new JsonArray();
        for (IdentityCheck.Problem p : problems) {
            out.add(TextJson.put(
                    new JsonObject().put("field", p.field()).put("error", p.error()), "message", p.text(), language));
        }
        return out;
    }

    static JsonObject toJson(String attemptId, Map<String, String> f) {
        JsonObject o = new JsonObject()
                .put("status", f.getOrDefault("identityStatus", "none"))
                .put("faceCount", f.containsKey("identityFaces") ? Integer.parseInt(f.get("identityFaces")) : null)
                .put(
                        "documentFaceCount",
                        f.containsKey("identityDocumentFaces")
                                ? Integer.parseInt(f.get("identityDocumentFaces"))
                                : null)
                .putNull("similarity")
                .put("matching", "proctor")
                .put("submittedAt", f.get("identitySubmittedAt"))
                .put("decision", f.containsKey("identityDecision") ? new JsonObject(f.get("identityDecision")) : null);
        if (f.containsKey("identitySubmittedAt")) {
            String base = "/api/v1/attempts/" + attemptId + "/identity/";
            o.put("face", base + "face").put("document", base + "document");
        }
        return o;
    }

    Future<byte[]> image(Caller caller, String attemptId, String which) {
        if (!which.equals("face") && !which.equals("document")) return Future.failedFuture(noPhoto(which));
        return access.watcher(caller, attemptId)
                .compose(a -> vertx.executeBlocking(() -> files.identity(attemptId, which), false))
                .recover(err -> Future.failedFuture(EvidenceFiles.missing(err) ? noPhoto(which) : err));
    }
}
