package kz.emtihan.proctor;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import java.util.Optional;
import java.util.OptionalLong;
import kz.emtihan.config.FaceAnalysisSettings;
import kz.emtihan.media.vision.FaceAnalyser;
import kz.emtihan.media.vision.FirstLook;
import kz.emtihan.media.vision.FrameAnalysis;
import kz.emtihan.proctor.model.SnapshotBacklog;

/**
 * Face analysis off the event loop: a worker pool with one {@link FaceAnalyser} per thread, since an analyser is not
 * thread-safe and costs a model load to create. Issue 14 (8): YuNet looks at 320x240 first and at 640x480 when
 * unsure (about 8 ms of CPU a snapshot, 35 with the second look: docs/face-analysis.md), OpenCV's own pool pinned to
 * one thread so that each worker uses one core; snapshots waiting for analysis are bounded by a
 * {@link SnapshotBacklog}.
 */
final class FaceWork implements AutoCloseable {
    private final WorkerExecutor pool;
    private final kz.emtihan.metrics.EngineMetrics metrics;
    private final ThreadLocal<FaceAnalyser> analysers;
    private final SnapshotBacklog backlog;

    FaceWork(Vertx vertx, int threads, FaceAnalysisSettings settings) {
        this.pool = vertx.createSharedWorkerExecutor("emtihan-faces", threads);
        this.metrics = kz.emtihan.metrics.EngineMetrics.of(vertx); // issue 14 (5): face-analysis time
        // 640x480 (or more) is the full-size look alone, as before issue 14
        Optional<FirstLook> firstLook = settings.width() >= 640 && settings.height() >= 480
                ? Optional.empty()
                : Optional.of(new FirstLook(settings.width(), settings.height(), settings.recheckNoFace()));
        this.analysers =
                ThreadLocal.withInitial(() -> firstLook.map(FaceAnalyser::new).orElseGet(FaceAnalyser::new));
        this.backlog = new SnapshotBacklog(settings.queue());
        FaceAnalyser.oneThreadPerAnalyser();
    }

    /** Faces, light and sharpness of a JPEG or PNG; fails with IllegalArgumentException for bytes that are not an image. */
    Future<FrameAnalysis> analyse(byte[] image) {
        return pool.executeBlocking(
                () -> metrics.timeFaces(() -> analysers.get().analyse(image)), false);
    }

    /**
     * A running attempt's camera snapshot: analysed, or empty when it was not (the backlog was full, or a newer
     * snapshot of the attempt arrived before its turn).
     */
    Future<Optional<FrameAnalysis>> analyseSnapshot(String attemptId, byte[] image) {
        OptionalLong ticket = backlog.arrive(attemptId);
        if (ticket.isEmpty()) return Future.succeededFuture(Optional.empty());
        return pool.executeBlocking(
                () -> backlog.turn(attemptId, ticket.getAsLong())
                        ? Optional.of(metrics.timeFaces(() -> analysers.get().analyse(image)))
                        : Optional.<FrameAnalysis>empty(),
                false);
    }

    @Override
    public void close() {
        pool.close();
    }
}
