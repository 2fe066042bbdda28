package kz.emtihan.proctor;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import kz.emtihan.auth.Caller;
import kz.emtihan.config.ProctorSettings;
import kz.emtihan.exam.AttemptFacts;
import kz.emtihan.exam.ExamRefusal;
import kz.emtihan.live.LiveHub;
import kz.emtihan.media.recording.ChunkConflictException;
import kz.emtihan.media.recording.RecordingStorage;
import kz.emtihan.media.recording.Segment;
import kz.emtihan.media.recording.SegmentReader;
import kz.emtihan.media.recording.Stored;
import kz.emtihan.proctor.model.Flag;
import kz.emtihan.proctor.model.FlagKind;
import kz.emtihan.proctor.model.ProctorTexts;
import kz.emtihan.proctor.model.SegmentTimes;
import kz.emtihan.refusal.CommonRefusal;
import kz.emtihan.refusal.Refusal;

/**
 * Camera and screen recordings of an attempt (issue 4, 4): the page restarts its MediaRecorders every segment and
 * sends each segment's chunks in order; {@link RecordingStorage} in {@code media} (a local directory or a bucket:
 * issue 14, 1) keeps every segment as a
 * standalone, checksummed WebM file, acknowledges a resent chunk without storing it twice and fills gaps in
 * order. A full disk refuses the chunk with 507 and raises a flag; the exam itself goes on.
 */
final class Recordings {
    static final List<String> STREAMS = List.of("camera", "screen");
    /** Uploads are accepted this long after the deadline plus grace: the last segment is still in flight. */
    private static final long LATE_UPLOAD_MILLIS = 60_000;

    private static final long STORAGE_FLAG_EVERY_MILLIS = 5 * 60_000;
    private final Vertx vertx;
    private final ProctorAccess access;
    private final ProctorStore proctorStore;
    private final RecordingStorage store;
    private final ProctorSettings settings;
    private final UploadGate gate;
    private final LiveHub live;
    private final long graceMillis;
    private final Map<String, Long> storageFlagged = new ConcurrentHashMap<>();
    private final Optional<KurentoRecordings> kurento;
    private final EvidenceWatch evidence;

    Recordings(
            Vertx vertx,
            ProctorAccess access,
            ProctorStore proctorStore,
            RecordingStorage store,
            ProctorSettings settings,
            UploadGate gate,
            LiveHub live,
            long graceMillis,
            Optional<KurentoRecordings> kurento,
            EvidenceWatch evidence) {
        this.evidence = evidence;
        this.kurento = kurento;
        this.vertx = vertx;
        this.access = access;
        this.proctorStore = proctorStore;
        this.store = store;
        this.settings = settings;
        this.gate = gate;
        this.live = live;
        this.graceMillis = graceMillis;
    }

    Future<JsonObject> put(
            Caller caller,
            String attemptId,
            String stream,
            String segmentText,
            String chunkText,
            String segmentStart,
            byte[] webm) {
        if (!STREAMS.contains(stream)) return Future.failedFuture(noStream(stream));
        int segment = number(ProctorRefusal.BAD_SEGMENT, segmentText);
        int chunk = number(ProctorRefusal.BAD_CHUNK, chunkText);
        if (webm.length == 0) return Future.failedFuture(Refusal.of(ProctorRefusal.EMPTY_CHUNK));
        if (webm.length > settings.maxChunkBytes())
            return Future.failedFuture(Refusal.of(CommonRefusal.BODY_TOO_LARGE));
        return access.owner(caller, attemptId).compose(a -> {
            Instant now = live.serverNow();
            long until = Math.max(
                            a.deadline().toEpochMilli(),
                            a.finishedAt().map(Instant::toEpochMilli).orElse(0L))
                    + graceMillis
                    + LATE_UPLOAD_MILLIS;
            if (now.toEpochMilli() > until) {
                return Future.failedFuture(Refusal.of(ExamRefusal.ATTEMPT_CLOSED));
            }
            gate.admit(attemptId);
            // the page's clock is corrected by the server's, but is not trusted past the attempt's own bounds
            long start = Math.min(
                    Math.max(startMillis(segmentStart, now), a.startedAt().toEpochMilli() - LATE_UPLOAD_MILLIS),
                    now.toEpochMilli());
            return vertx.executeBlocking(
                            () -> {
                                Optional<Path> disk = store.localRoot();
                                if (disk.isPresent() && gate.diskLow(disk.get())) throw new DiskFull();
                                return store.put(attemptId, stream, segment, chunk, start, webm);
                            },
                            false)
                    .onSuccess(s -> kz.emtihan.metrics.EngineMetrics.of(vertx).chunkStored(s.duplicate(), webm.length))
                    .compose(s -> evidence.seen(a, kz.emtihan.proctor.model.EvidenceKind.recordingOf(stream))
                            .map(ack(s)))
                    .recover(err -> refused(a, err));
        });
    }

    private static JsonObject ack(Stored s) {
        return new JsonObject()
                .put("stored", true)
                .put("duplicate", s.duplicate())
                .put("nextChunk", s.nextChunk());
    }

    private Future<JsonObject> refused(AttemptFacts a, Throwable err) {
        if (err instanceof ChunkConflictException) {
            return Future.failedFuture(Refusal.of(ProctorRefusal.CHUNK_CONFLICT));
        }
        if (err instanceof IllegalArgumentException)
            return Future.failedFuture(Refusal.of(ProctorRefusal.BAD_CHUNK, MAX_NUMBER));
        if (err instanceof DiskFull
                || err instanceof IOException io
                        && String.valueOf(io.getMessage()).contains("No space")) {
            Refusal full = Refusal.of(ProctorRefusal.STORAGE_FULL);
            long now = System.currentTimeMillis();
            Long last = storageFlagged.get(a.id());
            if (last != null && now - last < STORAGE_FLAG_EVERY_MILLIS) return Future.failedFuture(full);
            storageFlagged.put(a.id(), now);
            return proctorStore
                    .raise(
                            a,
                            Flag.of(FlagKind.STORAGE_FULL, live.serverNow(), Optional.empty(), ProctorTexts.diskFull()))
                    .compose(f -> Future.failedFuture(full));
        }
        return Future.failedFuture(err);
    }

    /** The segments of both streams with their start and length, and how much of the attempt they cover. */
    Future<JsonObject> list(Caller caller, String attemptId) {
        return access.watcher(caller, attemptId).compose(this::listOf);
    }

    Future<JsonObject> listOf(AttemptFacts a) {
        String attemptId = a.id();
        return vertx.executeBlocking(
                () -> {
                    long end = Math.max(
                            a.startedAt().toEpochMilli(),
                            Math.min(a.endOrDeadline().toEpochMilli(), System.currentTimeMillis()));
                    if (kurento.isPresent()) return serverRecorded(a, end);
                    JsonObject out = new JsonObject();
                    for (String stream : STREAMS) out.put(stream, segments(attemptId, stream, end));
                    out.put(
                            "coverage",
                            store.coverage(attemptId, a.startedAt().toEpochMilli(), end, settings.segmentSeconds()));
                    return out;
                },
                false);
    }

    private JsonArray segments(String attemptId, String stream, long endMillis) throws IOException {
        List<Segment> segments = new ArrayList<>();
        for (Segment s : store.segments(attemptId, stream)) if (s.bytes() > 0) segments.add(s);
        List<Double> seconds = SegmentTimes.seconds(
                segments.stream().map(Segment::startEpochMillis).toList(),
                settings.segmentSeconds() * 1000L,
                endMillis);
        JsonArray out = new JsonArray();
        for (int i = 0; i < segments.size(); i++) {
            Segment s = segments.get(i);
            out.add(new JsonObject()
                    .put("segment", s.number())
                    .put("startsAt", Instant.ofEpochMilli(s.startEpochMillis()).toString())
                    .put("seconds", seconds.get(i))
                    .put("bytes", s.bytes())
                    .put("complete", s.complete())
                    .put("sha256", s.sha256())
                    .put("url", "/api/v1/attempts/" + attemptId + "/recordings/" + stream + "/" + s.number()));
        }
        return out;
    }

    /**
     * What a media server recorded: one file per publish, each playing until the next starts or the attempt ends.
     * The server's files carry no index the engine reads, so coverage counts each file until the next one.
     */
    private JsonObject serverRecorded(AttemptFacts a, long endMillis) throws IOException {
        JsonObject out = new JsonObject();
        List<Long> allStarts = new ArrayList<>();
        for (String stream : STREAMS) {
            List<KurentoRecordings.File> files = kurento.orElseThrow().files(a.id(), stream);
            List<Long> starts =
                    files.stream().map(KurentoRecordings.File::startMillis).toList();
            allStarts.addAll(starts);
            List<Double> seconds = SegmentTimes.seconds(starts, Long.MAX_VALUE / 4, endMillis);
            JsonArray list = new JsonArray();
            for (int i = 0; i < files.size(); i++) {
                KurentoRecordings.File f = files.get(i);
                list.add(new JsonObject()
                        .put("segment", f.number())
                        .put("startsAt", Instant.ofEpochMilli(f.startMillis()).toString())
                        .put("seconds", seconds.get(i))
                        .put("bytes", f.bytes())
                        .put("complete", true)
                        .put("url", "/api/v1/attempts/" + a.id() + "/recordings/" + stream + "/" + f.number()));
            }
            out.put(stream, list);
        }
        long start = a.startedAt().toEpochMilli();
        out.put(
                "coverage",
                allStarts.isEmpty()
                        ? 0.0
                        : kz.emtihan.media.recording.Coverage.ratio(
                                start,
                                endMillis,
                                Math.max(
                                        1,
                                        endMillis
                                                - allStarts.stream()
                                                        .min(Long::compare)
                                                        .orElse(start)),
                                allStarts));
        return out;
    }

    /** The segment's recorded bytes: a local file, or the chunks in the bucket (issue 14, 1). */
    Future<SegmentReader> file(Caller caller, String attemptId, String stream, String segmentText) {
        if (!STREAMS.contains(stream)) return Future.failedFuture(noStream(stream));
        int segment = number(ProctorRefusal.BAD_SEGMENT, segmentText);
        return access.watcher(caller, attemptId)
                .compose(a -> vertx.executeBlocking(
                        () -> {
                            if (kurento.isPresent()) {
                                return kurento.get()
                                        .file(attemptId, stream, segment) // the disk or the bucket (issue 14, 1)
                                        .orElseThrow(() -> noSegment(stream, segment));
                            }
                            try {
                                return store.open(attemptId, stream, segment);
                            } catch (java.nio.file.NoSuchFileException e) {
                                throw noSegment(stream, segment);
                            }
                        },
                        false));
    }

    private static long startMillis(String header, Instant now) {
        if (header == null || header.isBlank()) return now.toEpochMilli();
        try {
            return Instant.parse(header.trim()).toEpochMilli();
        } catch (DateTimeParseException e) {
            throw Refusal.of(ProctorRefusal.BAD_HEADER, "X-Segment-Start");
        }
    }

    private static final int MAX_NUMBER = 100_000;

    private static int number(ProctorRefusal refusal, String text) {
        try {
            int n = Integer.parseInt(text);
            if (n >= 0 && n <= MAX_NUMBER) return n;
        } catch (NumberFormatException e) {
            // fall through
        }
        throw Refusal.of(refusal, MAX_NUMBER);
    }

    private static Refusal noStream(String stream) {
        return Refusal.of(CommonRefusal.NOT_FOUND, ProctorTexts.thing("stream"), stream);
    }

    private static Refusal noSegment(String stream, int segment) {
        return Refusal.of(CommonRefusal.NOT_FOUND, ProctorTexts.thing("segment"), stream + "/" + segment);
    }

    /** The disk has less free space than {@code proctoring.minFreeBytes}. */
    private static final class DiskFull extends IOException {
        DiskFull() {
            super("No space left (below proctoring.minFreeBytes)");
        }
    }
}
