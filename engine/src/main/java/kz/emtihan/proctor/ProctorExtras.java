package kz.emtihan.proctor;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import kz.emtihan.config.ProctorSettings;
import kz.emtihan.exam.AttemptExtras;
import kz.emtihan.exam.model.Exam;
import kz.emtihan.media.recording.RecordingStorage;

/**
 * Proctoring's part of an attempt view (docs/proctoring.md): what the page must record and how, the identity
 * state, and, under the {@code wait} policy, no questions until a proctor has approved the student (5.17.2).
 */
final class ProctorExtras implements AttemptExtras {
    private final Vertx vertx;
    private final ProctorSettings settings;
    private final ProctorStore store;
    private final RecordingStorage recordings;
    private final java.util.Optional<KurentoRelay> kurento;
    private final kz.emtihan.live.IceServers ice;
    private final EvidenceWatch evidence;

    ProctorExtras(
            Vertx vertx,
            ProctorSettings settings,
            ProctorStore store,
            RecordingStorage recordings,
            java.util.Optional<KurentoRelay> kurento,
            EvidenceWatch evidence) {
        this.evidence = evidence;
        this.vertx = vertx;
        this.settings = settings;
        this.store = store;
        this.recordings = recordings;
        this.kurento = kurento;
        this.ice = new kz.emtihan.live.IceServers(settings.ice());
    }

    /**
     * A media server's pipeline for a finished attempt is released (its recordings finalised), and its evidence is
     * watched no more. An exam without proctoring never watched it: its submits cost no Redis batch here.
     */
    @Override
    public void finished(Exam exam, String attemptId) {
        kurento.ifPresent(k -> k.release(attemptId));
        if (proctored(exam)) evidence.forget(attemptId);
    }

    static boolean proctored(Exam exam) {
        Exam.Proctoring p = exam.proctoring();
        return p.camera() || p.screen() || p.identity();
    }

    /**
     * An exam that asks for identity photos serves no questions and takes no answers until they are in (and, under
     * policy wait, approved): the attempt starts held and its clock starts when it is released (5.17.2, issue 10, 4).
     */
    @Override
    public boolean holdAtStart(Exam exam) {
        return exam.proctoring().identity();
    }

    @Override
    public java.util.List<String> watchFromStart(Exam exam) {
        return proctored(exam) ? evidence.fromStart(exam) : java.util.List.of();
    }

    @Override
    public long watchGraceMillis() {
        return settings.evidenceGraceSeconds() * 1000L;
    }

    @Override
    public java.util.List<String> watchFromClock(Exam exam) {
        return proctored(exam) ? evidence.fromClock(exam) : java.util.List.of();
    }

    @Override
    public Future<JsonObject> decorate(JsonObject view, Exam exam, boolean held) {
        if (!proctored(exam)) return Future.succeededFuture(view.putNull("proctoring"));
        String attemptId = view.getString("id");
        // issue 14 (1): the view of an attempt created by this very request (its server time is its start) has nothing
        // recorded yet, so the recordings are not asked (with a bucket: two LISTs per student at the exam's start)
        boolean created = view.getString("startedAt", "").equals(view.getString("serverTime"));
        Future<JsonObject> next = created
                ? Future.succeededFuture(firstSegments())
                : vertx.executeBlocking(() -> nextSegments(attemptId), false);
        return Future.all(store.fields(attemptId), next).map(done -> {
            java.util.Map<String, String> f = done.resultAt(0);
            JsonObject p = settings.toJson()
                    .put("camera", exam.proctoring().camera())
                    .put("screen", exam.proctoring().screen())
                    .put("identity", exam.proctoring().identity())
                    .put("identityStatus", f.getOrDefault("identityStatus", "none"))
                    .put("held", held)
                    .put("nextSegments", done.<JsonObject>resultAt(1))
                    .put("kurento", kurento.isPresent())
                    .put(
                            "iceServers",
                            ice.forUser(view.getString("studentId"), java.time.Instant.now())
                                    .getJsonArray("iceServers"));
            if (f.containsKey("identityDecision"))
                p.put("identityReason", new JsonObject(f.get("identityDecision")).getString("reason"));
            if (held) view.put("questions", new JsonArray()).put("answers", new JsonObject());
            return view.put("proctoring", p);
        });
    }

    private static JsonObject firstSegments() {
        JsonObject out = new JsonObject();
        for (String stream : Recordings.STREAMS) out.put(stream, 0);
        return out;
    }

    /** Per stream, the first segment number not yet used: a page opened in a new tab goes on from there. */
    private JsonObject nextSegments(String attemptId) throws java.io.IOException {
        JsonObject out = new JsonObject();
        for (String stream : Recordings.STREAMS) {
            out.put(stream, recordings.nextSegment(attemptId, stream));
        }
        return out;
    }
}
