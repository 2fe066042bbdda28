package kz.emtihan.proctor;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import kz.emtihan.auth.Caller;
import kz.emtihan.exam.AttemptFacts;
import kz.emtihan.exam.ExamKeys;
import kz.emtihan.live.LiveHub;
import kz.emtihan.media.vision.FrameAnalysis;
import kz.emtihan.media.vision.PresenceRule;
import kz.emtihan.proctor.model.EvidenceKind;
import kz.emtihan.proctor.model.Flag;
import kz.emtihan.proctor.model.FlagKind;
import kz.emtihan.proctor.model.PresenceWindow;
import kz.emtihan.proctor.model.ProctorTexts;
import kz.emtihan.refusal.CommonRefusal;
import kz.emtihan.refusal.FieldProblem;
import kz.emtihan.refusal.Refusal;
import kz.emtihan.text.Language;

/**
 * Watching a running attempt (issue 4, 3): camera snapshots analysed for faces, events the page reports, and the
 * server's own observation of a lost connection, each turned into a flag that is stored and pushed live.
 */
final class Watching {
    /** A page's own time for an event is believed if it is within this of the server's. */
    private static final Duration CLIENT_CLOCK_SLACK = Duration.ofMinutes(2);

    private final Vertx vertx;
    private final ProctorAccess access;
    private final ProctorStore store;
    private final EvidenceFiles files;
    private final FaceWork faces;
    private final LiveHub live;
    private final PresenceWindow presence;
    private final UploadGate gate;
    private final EvidenceWatch evidence;

    Watching(
            Vertx vertx,
            ProctorAccess access,
            ProctorStore store,
            EvidenceFiles files,
            FaceWork faces,
            LiveHub live,
            PresenceWindow presence,
            UploadGate gate,
            EvidenceWatch evidence) {
        this.evidence = evidence;
        this.vertx = vertx;
        this.access = access;
        this.store = store;
        this.files = files;
        this.faces = faces;
        this.live = live;
        this.presence = presence;
        this.gate = gate;
    }

    Future<JsonObject> snapshot(Caller caller, String attemptId, byte[] jpeg, Language language) {
        return access.ownerWhileOpen(caller, attemptId).compose(a -> {
            gate.admit(attemptId);
            return faces.analyseSnapshot(attemptId, jpeg)
                    .recover(err -> Future.failedFuture(
                            err instanceof IllegalArgumentException
                                    ? Refusal.of(ProctorRefusal.BAD_IMAGE, ProctorTexts.thing("snapshot"), "JPEG")
                                    : err))
                    .compose(f -> evidence.seen(a, EvidenceKind.SNAPSHOTS)
                            .compose(v -> f.isPresent() ? observe(a, jpeg, f.get(), language) : notAnalysed(a, jpeg)))
                    .onSuccess(r -> kz.emtihan.metrics.EngineMetrics.of(vertx).uploaded("snapshot", jpeg.length));
        });
    }

    /**
     * Issue 14 (8): a snapshot the node had no time for (SnapshotBacklog) is kept as the latest picture and counts as
     * sent, but is no observation: no presence flag comes of it.
     */
    private Future<JsonObject> notAnalysed(AttemptFacts a, byte[] jpeg) {
        Instant now = live.serverNow();
        return vertx.executeBlocking(
                        () -> {
                            files.writeLatest(a.id(), jpeg);
                            return null;
                        },
                        false)
                .compose(v -> live.publish(
                        ExamKeys.examChannel(a.examId()),
                        new JsonObject()
                                .put("type", "snapshot")
                                .put("examId", a.examId())
                                .put("attemptId", a.id())
                                .put("studentId", a.studentId())
                                .put("at", now.toString())))
                .map(v -> new JsonObject()
                        .put("analysed", false)
                        .put("faces", 0)
                        .put("judgeable", false)
                        .put("flags", new JsonArray()));
    }

    private Future<JsonObject> observe(AttemptFacts a, byte[] jpeg, FrameAnalysis f, Language language) {
        Instant now = live.serverNow();
        String snapshotId = "s" + now.toEpochMilli();
        return vertx.executeBlocking(
                        () -> {
                            files.writeLatest(a.id(), jpeg);
                            return null;
                        },
                        false)
                .compose(v -> store.observe(a.id(), f.observation(), presence.size(), snapshotId, now.toString()))
                .compose(recent -> {
                    Optional<Flag> flag = presence.raisedBy(recent).map(kind -> presenceFlag(kind, now, snapshotId, f));
                    Future<List<Flag>> raised = flag.isEmpty()
                            ? Future.succeededFuture(List.of())
                            : vertx.executeBlocking(
                                            () -> {
                                                files.keepSnapshot(a.id(), snapshotId, jpeg);
                                                return null;
                                            },
                                            false)
                                    .compose(v -> store.raise(a, flag.get()))
                                    .map(List::of);
                    return raised.compose(flags -> live.publish(
                                    ExamKeys.examChannel(a.examId()),
                                    new JsonObject()
                                            .put("type", "snapshot")
                                            .put("examId", a.examId())
                                            .put("attemptId", a.id())
                                            .put("studentId", a.studentId())
                                            .put("at", now.toString())
                                            .put("faces", f.faces()))
                            .map(v -> new JsonObject()
                                    .put("analysed", true)
                                    .put("faces", f.faces())
                                    .put("judgeable", f.judgeable())
                                    .put(
                                            "flags",
                                            new JsonArray(flags.stream()
                                                    .map(x -> FlagJson.toJson(x, a.id(), language))
                                                    .toList()))));
                });
    }

    private static Flag presenceFlag(PresenceRule.Flag kind, Instant at, String snapshotId, FrameAnalysis f) {
        Optional<String> evidence = Optional.of(snapshotId);
        return switch (kind) {
            case NO_FACE -> Flag.of(FlagKind.NO_FACE, at, evidence, ProctorTexts.noFaceRun());
            case MULTIPLE_FACES -> Flag.of(FlagKind.MULTIPLE_FACES, at, evidence, ProctorTexts.facesRun(f.faces()));
            case INSUFFICIENT_EVIDENCE ->
                Flag.unclear(
                        at, evidence, ProctorTexts.cannotJudge(Math.round(f.brightness()), Math.round(f.sharpness())));
            case NONE -> throw new IllegalArgumentException("no flag");
        };
    }

    /** An event the page reports (tab hidden, copy, ...): a flag. */
    Future<JsonObject> event(Caller caller, String attemptId, JsonObject body, Language language) {
        String type = body.getValue("type") instanceof String s ? s : "";
        FlagKind kind = FlagKind.fromCode(type).filter(FlagKind::pageReported).orElse(null);
        if (kind == null) {
            return Future.failedFuture(Refusal.of(
                    CommonRefusal.BAD_FIELD,
                    "type",
                    FieldProblem.oneOf(String.join(
                            ", ",
                            java.util.Arrays.stream(FlagKind.values())
                                    .filter(FlagKind::pageReported)
                                    .map(FlagKind::code)
                                    .toList()))));
        }
        Instant now = live.serverNow();
        Instant at = now;
        if (body.getValue("at") != null) {
            try {
                Instant claimed = Instant.parse(String.valueOf(body.getValue("at")));
                if (Duration.between(claimed, now).abs().compareTo(CLIENT_CLOCK_SLACK) <= 0) at = claimed;
            } catch (DateTimeParseException e) {
                return Future.failedFuture(Refusal.of(CommonRefusal.BAD_FIELD, "at", ProctorTexts.notAnInstant()));
            }
        }
        Instant when = at;
        return access.ownerWhileOpen(caller, attemptId)
                .compose(a -> {
                    gate.admit(attemptId);
                    return store.raise(a, Flag.of(kind, when, Optional.empty(), ProctorTexts.pageReported()));
                })
                .map(f -> new JsonObject().put("flag", FlagJson.toJson(f, attemptId, language)));
    }

    /** The student's page closed its socket while the attempt ran: the server's own observation. */
    Future<Void> disconnected(String attemptId) {
        return access.attempts()
                .facts(attemptId)
                .compose(a -> a.status().finished()
                        ? Future.succeededFuture()
                        : store.raise(
                                        a,
                                        Flag.of(
                                                FlagKind.DISCONNECTED,
                                                live.serverNow(),
                                                Optional.empty(),
                                                ProctorTexts.connectionLost()))
                                .mapEmpty());
    }

    /** Flags of an attempt: for its watchers, and for its student once it is reviewed (the basis of an appeal). */
    Future<JsonArray> flags(Caller caller, String attemptId, Language language) {
        return access.watcherOrOwner(
                        caller, attemptId, a -> store.fields(attemptId).map(f -> f.containsKey("verdict")))
                .compose(a -> store.flagsOf(attemptId))
                .map(list -> new JsonArray(list.stream()
                        .map(f -> FlagJson.toJson(f, attemptId, language))
                        .toList()));
    }

    /** A snapshot kept as evidence: for watchers, and the student once reviewed. */
    Future<byte[]> evidence(Caller caller, String attemptId, String snapshotId) {
        return access.watcherOrOwner(
                        caller, attemptId, a -> store.fields(attemptId).map(f -> f.containsKey("verdict")))
                .compose(a -> vertx.executeBlocking(() -> files.snapshot(attemptId, snapshotId), false))
                .recover(err -> Future.failedFuture(
                        EvidenceFiles.missing(err) || err instanceof IllegalArgumentException
                                ? Refusal.of(CommonRefusal.NOT_FOUND, ProctorTexts.thing("snapshot"), snapshotId)
                                : err));
    }

    Future<byte[]> latest(Caller caller, String attemptId) {
        return access.watcher(caller, attemptId)
                .compose(a -> vertx.executeBlocking(() -> files.latest(attemptId), false))
                .recover(err -> Future.failedFuture(
                        EvidenceFiles.missing(err) ? Refusal.of(ProctorRefusal.NO_SNAPSHOT, attemptId) : err));
    }
}
