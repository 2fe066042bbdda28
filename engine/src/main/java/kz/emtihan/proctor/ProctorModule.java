package kz.emtihan.proctor;

import io.vertx.core.Vertx;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Optional;
import kz.emtihan.config.ProctorSettings;
import kz.emtihan.exam.ExamModule;
import kz.emtihan.live.LiveHub;
import kz.emtihan.media.recording.RecordingStore;
import kz.emtihan.proctor.model.PresenceWindow;
import kz.emtihan.store.RedisStore;

/** The proctoring context (DESIGN.md {@code proctor/}), wired over the exam context, the store and the data directory. */
public record ProctorModule(
        ProctorSettings settings,
        Identity identity,
        Watching watching,
        Recordings recordings,
        Review review,
        Dashboard dashboard,
        ProctorActions actions,
        Retention retention,
        FaceWork faces,
        Optional<KurentoRelay> kurento,
        EvidenceWatch evidence,
        FacePrecheck precheck) {

    public static ProctorModule create(
            Vertx vertx,
            RedisStore redis,
            ExamModule exam,
            LiveHub live,
            ProctorSettings settings,
            Path dataDir,
            long graceMillis) {
        try {
            ProctorStore store = new ProctorStore(redis.redis());
            EvidenceFiles files = new EvidenceFiles(dataDir.resolve("proctoring"));
            Path recordingsRoot = dataDir.resolve("recordings");
            RecordingStore recordingStore = new RecordingStore(recordingsRoot, settings.maxChunkBytes());
            FaceWork faces =
                    new FaceWork(vertx, Math.max(1, Runtime.getRuntime().availableProcessors()));
            ProctorAccess access = new ProctorAccess(exam.attempts(), exam.exams());
            UploadGate gate = new UploadGate(settings.uploadsPerMinute(), settings.minFreeBytes());
            PresenceWindow presence =
                    new PresenceWindow(settings.noFaceAfter(), settings.multipleFacesAfter(), settings.unclearAfter());
            // with a media server, the server records (into its own directory: docs/kurento.md) and relays the live
            // view
            Path serverRecordings = dataDir.resolve("kurento");
            String recordingsUri = settings.kurentoRecordingsUri()
                    .orElse(serverRecordings.toAbsolutePath().toUri().toString());
            Optional<KurentoRelay> kurento =
                    settings.kurentoUrl().map(url -> new KurentoRelay(vertx, live, url, recordingsUri));
            kurento.ifPresent(KurentoRelay::start);
            EvidenceWatch evidence = new EvidenceWatch(
                    vertx, redis.redis(), exam.attempts(), store, live, settings, kurento.isPresent());
            evidence.start();
            Recordings recordings = new Recordings(
                    vertx,
                    access,
                    store,
                    recordingStore,
                    recordingsRoot,
                    settings,
                    gate,
                    live,
                    graceMillis,
                    kurento.map(k -> new KurentoRecordings(serverRecordings)),
                    evidence);
            exam.attempts().extras(new ProctorExtras(vertx, settings, store, recordingStore, kurento, evidence));
            return new ProctorModule(
                    settings,
                    new Identity(vertx, access, store, files, faces, live, settings.identityPolicy()),
                    new Watching(vertx, access, store, files, faces, live, presence, gate, evidence),
                    recordings,
                    new Review(access, store, recordings, live, settings),
                    new Dashboard(exam.progress(), store, kurento.isPresent(), exam.exams()),
                    new ProctorActions(access, store, live),
                    new Retention(
                            vertx,
                            exam.attempts(),
                            store,
                            files,
                            java.util.List.of(recordingsRoot, serverRecordings),
                            settings.retention(),
                            live),
                    faces,
                    kurento,
                    evidence,
                    new FacePrecheck(faces, settings.prechecksPerMinute()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the proctoring directories under " + dataDir, e);
        }
    }

    /** Runs the retention job every {@code cleanupInterval}; returns the timer id. */
    public long scheduleRetention(Vertx vertx) {
        return vertx.setPeriodic(settings.cleanupInterval().toMillis(), t -> retention.run());
    }

    /** WebRTC signalling with the media server, or none when the browsers record by themselves. */
    public kz.emtihan.live.LiveMedia liveMedia() {
        return kurento.<kz.emtihan.live.LiveMedia>map(k -> k).orElse(kz.emtihan.live.LiveMedia.NONE);
    }

    public void close() {
        evidence.stop();
        kurento.ifPresent(KurentoRelay::close);
        faces.close();
    }

    /** The server saw the student's page lose its connection while the attempt ran. */
    public void disconnected(String attemptId) {
        watching.disconnected(attemptId);
    }
}
