package kz.emtihan.proctor;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import kz.emtihan.media.vision.FaceAnalyser;
import kz.emtihan.media.vision.FrameAnalysis;

/**
 * Face analysis off the event loop (about 19 ms a 640×480 frame here): a worker pool with one
 * {@link FaceAnalyser} per thread, since an analyser is not thread-safe and costs a model load to create.
 */
final class FaceWork implements AutoCloseable {
    private final WorkerExecutor pool;
    private final kz.emtihan.metrics.EngineMetrics metrics;
    private final ThreadLocal<FaceAnalyser> analysers = ThreadLocal.withInitial(FaceAnalyser::new);

    FaceWork(Vertx vertx, int threads) {
        this.pool = vertx.createSharedWorkerExecutor("emtihan-faces", threads);
        this.metrics = kz.emtihan.metrics.EngineMetrics.of(vertx); // issue 14 (5): face-analysis time
    }

    /** Faces, light and sharpness of a JPEG or PNG; fails with IllegalArgumentException for bytes that are not an image. */
    Future<FrameAnalysis> analyse(byte[] image) {
        return pool.executeBlocking(
                () -> metrics.timeFaces(() -> analysers.get().analyse(image)), false);
    }

    @Override
    public void close() {
        pool.close();
    }
}
