package kz.emtihan.proctor;

import io.vertx.core.Vertx;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Optional;
import kz.emtihan.config.ProctorSettings;
import kz.emtihan.exam.ExamModule;
import kz.emtihan.live.LiveHub;
import kz.emtihan.live.LiveRegistry;
import kz.emtihan.live.RoomMedia;
import kz.emtihan.media.recording.RecordingStorage;
import kz.emtihan.media.recording.ServerRecordings;
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
        FacePrecheck precheck,
        AutoCloseable storage) {

    public static ProctorModule create(
            Vertx vertx,
            RedisStore redis,
            ExamModule exam,
            LiveHub live,
            ProctorSettings settings,
            Path dataDir,
            long graceMillis,
            kz.emtihan.config.ObjectSettings objects) {
        try {
            ProctorStore store = new ProctorStore(redis, kz.emtihan.metrics.EngineMetrics.of(vertx));
            // issue 14 (1): the data directory or a bucket every node shares
            MediaStorage media = MediaStorage.open(objects, dataDir, settings.maxChunkBytes());
            EvidenceFiles files = new EvidenceFiles(media.objects());
            RecordingStorage recordingStore = media.recordings();
            FaceWork faces = new FaceWork(
                    vertx, Math.max(1, Runtime.getRuntime().availableProcessors()), settings.faceAnalysis());
            ProctorAccess access = new ProctorAccess(exam.attempts(), exam.exams());
            UploadGate gate = new UploadGate(settings.uploadsPerMinute(), settings.minFreeBytes());
            PresenceWindow presence =
                    new PresenceWindow(settings.noFaceAfter(), settings.multipleFacesAfter(), settings.unclearAfter());
            // with a media server, the server records (into its own directory: docs/kurento.md) and relays the live
            // view
            Path serverRecordings = dataDir.resolve("kurento");
            String recordingsUri = settings.kurentoRecordingsUri()
                    .orElse(serverRecordings.toAbsolutePath().toUri().toString());
            Optional<KurentoRelay> kurento = settings.kurentoUrl()
                    .map(url -> new KurentoRelay(vertx, live, url, recordingsUri, settings.videoKbps()));
            kurento.ifPresent(KurentoRelay::start);
            // issue 14 (1): with a bucket, the server's complete files are moved there and served from there
            ServerRecordings serverFiles = new ServerRecordings(
                    serverRecordings, media.remote() ? Optional.of(media.objects()) : Optional.empty());
            if (serverFiles.uploads())
                kurento.ifPresent(k -> k.uploadTo(new KurentoUploads(vertx, serverFiles, exam.attempts())));
            EvidenceWatch evidence =
                    new EvidenceWatch(vertx, redis.redis(), exam.attempts(), exam.exams(), store, live, settings);
            evidence.start();
            kurento.ifPresent(k -> k.watchEvidence(evidence, exam.attempts())); // issue 17 (4)
            Recordings recordings = new Recordings(
                    vertx,
                    access,
                    store,
                    recordingStore,
                    settings,
                    gate,
                    live,
                    graceMillis,
                    kurento.map(k -> new KurentoRecordings(serverFiles)),
                    evidence);
            exam.attempts().extras(new ProctorExtras(vertx, settings, store, recordingStore, kurento, evidence));
            return new ProctorModule(
                    settings,
                    new Identity(vertx, access, store, files, faces, live, settings.identityPolicy()),
                    new Watching(vertx, access, store, files, faces, live, presence, gate, evidence),
                    recordings,
                    new Review(access, store, recordings, live, settings, exam.names()),
                    new Dashboard(exam.progress(), store, kurento.isPresent(), exam.exams()),
                    new ProctorActions(access, store, live),
                    new Retention(
                            vertx,
                            exam.attempts(),
                            store,
                            files,
                            recordingStore,
                            serverFiles,
                            settings.retention(),
                            live),
                    faces,
                    kurento,
                    evidence,
                    new FacePrecheck(faces, settings.prechecksPerMinute()),
                    media);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the proctoring directories under " + dataDir, e);
        }
    }

    /** Issue 14 (1): the bucket the media are kept in, for the other contexts' bytes; empty for the data directory. */
    public Optional<kz.emtihan.media.objects.ObjectStore> bucket() {
        return storage instanceof MediaStorage m && m.remote() ? Optional.of(m.objects()) : Optional.empty();
    }

    /** Runs the retention job every {@code cleanupInterval}; returns the timer id. */
    public long scheduleRetention(Vertx vertx) {
        return vertx.setPeriodic(settings.cleanupInterval().toMillis(), t -> retention.run());
    }

    /** WebRTC signalling with the media server, or none when the browsers record by themselves. */
    private LiveMedia liveMedia() {
        return kurento.<LiveMedia>map(k -> k).orElse(LiveMedia.NONE);
    }

    /** How the video rooms carry their media: through the media server if one is configured, else browser to browser. */
    public RoomMedia roomMedia() {
        return liveMedia().rooms();
    }

    /** Plugs proctoring into the live socket: the live view's signalling, and the flag of a page that disconnects. */
    public void plugInto(LiveRegistry live, ExamModule exam) {
        live.register(new LiveView(live.hub(), exam.attempts(), exam.exams(), liveMedia()))
                .register(new DisconnectWatch(watching));
    }

    public void close() {
        evidence.stop();
        kurento.ifPresent(KurentoRelay::close);
        faces.close();
        try {
            storage.close();
        } catch (Exception e) {
            // closing the object store's client at shutdown: nothing left to do
        }
    }
}
