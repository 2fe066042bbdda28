package kz.emtihan.media.bench;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;
import java.util.function.Supplier;
import kz.emtihan.media.vision.FaceAnalyser;
import kz.emtihan.media.vision.FaceBenchAccess;
import kz.emtihan.media.vision.FrameAnalysis;
import org.opencv.core.Core;
import org.opencv.core.Mat;
import org.opencv.core.MatOfByte;
import org.opencv.core.MatOfInt;
import org.opencv.core.Scalar;
import org.opencv.core.Size;
import org.opencv.imgcodecs.Imgcodecs;
import org.opencv.imgproc.Imgproc;

/**
 * Face analysis throughput: {@link FaceAnalyser#analyse} on 640x480 JPEG snapshots, the size the student
 * page sends every {@code snapshotSeconds}.
 *
 * <p>Frames: every fixture photo in {@code fixtures/faces/} letterboxed in memory to 640x480 on gray
 * (like the fixture videos) and encoded as JPEG quality {@value #JPEG_QUALITY}, plus every frame of the
 * MJPEG files in {@code fixtures/video/} (already 640x480 JPEG). Each timed call is the whole
 * {@code analyse}: JPEG decode, light and sharpness, face detection.
 *
 * <p>A run: {@code threads} Java threads, each with its own analyser (the class is not thread-safe),
 * warm up on {@code warmup} frames, then all go through the frame set {@code rounds} times, starting
 * at different offsets. Rounds are fenced by a barrier so each round's wall time is known. fps = frames
 * analysed / wall time of the measured rounds. OpenCV's own thread pool is set with
 * {@link Core#setNumThreads} before the run: 1 for the per-core figures.
 */
final class FaceBench {
    static final int WIDTH = 640, HEIGHT = 480, JPEG_QUALITY = 85;

    /** One encoded frame. */
    record Frame(String name, byte[] jpeg) {}

    /** Result of one run. */
    record Run(
            String detector,
            int threads,
            int opencvThreads,
            int frames,
            double seconds,
            double fps,
            double p50Ms,
            double p90Ms,
            double maxMs,
            double minRoundFps,
            double maxRoundFps,
            double processCores,
            double boxBusy,
            int facesPerPass) {
        /** Process CPU time per analysed frame, ms: unlike fps, not inflated when other work shares the box. */
        double cpuMsPerFrame() {
            return processCores * seconds * 1000 / frames;
        }

        /** fps divided by the cores the run could use (threads x OpenCV threads, at most the box). */
        double fpsPerCore(int cores) {
            return fps / Math.min(cores, threads * Math.max(1, opencvThreads));
        }
    }

    private FaceBench() {}

    /** Loads the fixture photos (letterboxed to 640x480 JPEG) and the fixture video frames. */
    static List<Frame> frames(Path fixtures) throws IOException {
        FaceBenchAccess.loadNatives();
        List<Frame> frames = new ArrayList<>();
        for (Path p : list(fixtures.resolve("faces"), "*.{png,jpg,jpeg}")) {
            frames.add(new Frame(p.getFileName().toString(), letterbox(Files.readAllBytes(p))));
        }
        for (Path p : list(fixtures.resolve("video"), "*.{mjpeg,mjpg}")) {
            int i = 0;
            for (byte[] jpeg : mjpegFrames(Files.readAllBytes(p))) {
                frames.add(new Frame(p.getFileName() + "#" + i++, jpeg));
            }
        }
        if (frames.isEmpty()) {
            throw new IllegalStateException("no fixture frames under " + fixtures);
        }
        return frames;
    }

    /**
     * Runs one configuration.
     *
     * @param analyser      creates one analyser per thread
     * @param opencvThreads value for {@link Core#setNumThreads} (1 = pinned; -1 = OpenCV's default)
     */
    static Run run(
            Supplier<FaceAnalyser> analyser, int threads, int opencvThreads, List<Frame> frames, int warmup, int rounds)
            throws Exception {
        Core.setNumThreads(opencvThreads);
        int effectiveCvThreads = Core.getNumThreads();
        int perThread = rounds * frames.size();
        long[][] ns = new long[threads][perThread];
        int[] faces = new int[threads];
        String[] detector = new String[1];
        CyclicBarrier fence = new CyclicBarrier(threads + 1);
        List<Thread> workers = new ArrayList<>();
        Throwable[] failure = new Throwable[1];
        for (int t = 0; t < threads; t++) {
            int id = t;
            Thread w = new Thread(
                    () -> {
                        try (FaceAnalyser a = analyser.get()) {
                            detector[0] = a.detector().name();
                            for (int i = 0; i < warmup; i++) {
                                a.analyse(frames.get(i % frames.size()).jpeg());
                            }
                            fence.await(); // start
                            int n = 0, offset = id * frames.size() / threads;
                            for (int r = 0; r < rounds; r++) {
                                for (int i = 0; i < frames.size(); i++) {
                                    byte[] jpeg = frames.get((offset + i) % frames.size())
                                            .jpeg();
                                    long t0 = System.nanoTime();
                                    FrameAnalysis fa = a.analyse(jpeg);
                                    ns[id][n++] = System.nanoTime() - t0;
                                    if (r == 0) {
                                        faces[id] += fa.faces();
                                    }
                                }
                                fence.await(); // end of round
                            }
                        } catch (Throwable e) {
                            failure[0] = e;
                            fence.reset();
                        }
                    },
                    "face-bench-" + t);
            w.start();
            workers.add(w);
        }
        SysStats sys = new SysStats(Path.of("."));
        SysStats.Snapshot start = null;
        long t0 = 0, prev = 0;
        double minRound = Double.MAX_VALUE, maxRound = 0;
        try {
            fence.await();
            start = sys.now();
            t0 = System.nanoTime();
            prev = t0;
            for (int r = 0; r < rounds; r++) {
                fence.await();
                long now = System.nanoTime();
                double roundFps = threads * frames.size() / ((now - prev) / 1e9);
                minRound = Math.min(minRound, roundFps);
                maxRound = Math.max(maxRound, roundFps);
                prev = now;
            }
        } catch (BrokenBarrierException e) {
            // a worker failed; reported below
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        SysStats.Snapshot end = sys.now();
        for (Thread w : workers) {
            w.join();
        }
        if (failure[0] != null) {
            throw new IllegalStateException("face bench worker failed", failure[0]);
        }
        SysStats.Delta d = SysStats.since(start, end);
        long[] all = new long[threads * perThread];
        for (int t = 0; t < threads; t++) {
            System.arraycopy(ns[t], 0, all, t * perThread, perThread);
        }
        long[] s = Stats.sorted(all, all.length);
        return new Run(
                detector[0],
                threads,
                effectiveCvThreads,
                all.length,
                seconds,
                all.length / seconds,
                Stats.ms(s, 50),
                Stats.ms(s, 90),
                Stats.ms(s, 100),
                minRound,
                maxRound,
                d.processCores(),
                d.boxBusy(),
                faces[0]);
    }

    /** Scales to fit 640x480 keeping the aspect ratio, pads with gray, encodes as JPEG. */
    static byte[] letterbox(byte[] encoded) {
        MatOfByte in = new MatOfByte(encoded), out = new MatOfByte();
        MatOfInt params = new MatOfInt(Imgcodecs.IMWRITE_JPEG_QUALITY, JPEG_QUALITY);
        Mat img = Imgcodecs.imdecode(in, Imgcodecs.IMREAD_COLOR), fit = new Mat(), box = new Mat();
        try {
            if (img.empty()) {
                throw new IllegalArgumentException("undecodable fixture");
            }
            double scale = Math.min((double) WIDTH / img.cols(), (double) HEIGHT / img.rows());
            int w = (int) Math.round(img.cols() * scale), h = (int) Math.round(img.rows() * scale);
            Imgproc.resize(img, fit, new Size(w, h), 0, 0, scale < 1 ? Imgproc.INTER_AREA : Imgproc.INTER_LINEAR);
            int top = (HEIGHT - h) / 2, left = (WIDTH - w) / 2;
            Core.copyMakeBorder(
                    fit,
                    box,
                    top,
                    HEIGHT - h - top,
                    left,
                    WIDTH - w - left,
                    Core.BORDER_CONSTANT,
                    new Scalar(64, 64, 64));
            Imgcodecs.imencode(".jpg", box, out, params);
            return out.toArray();
        } finally {
            in.release();
            out.release();
            params.release();
            img.release();
            fit.release();
            box.release();
        }
    }

    /** Splits raw MJPEG into JPEGs: each from an FFD8 (SOI) to the next FFD9 (EOI). */
    static List<byte[]> mjpegFrames(byte[] all) {
        List<byte[]> frames = new ArrayList<>();
        int start = -1;
        for (int i = 0; i + 1 < all.length; i++) {
            int a = all[i] & 0xff, b = all[i + 1] & 0xff;
            if (start < 0 && a == 0xff && b == 0xd8) {
                start = i;
            } else if (start >= 0 && a == 0xff && b == 0xd9) {
                frames.add(java.util.Arrays.copyOfRange(all, start, i + 2));
                start = -1;
                i++;
            }
        }
        return frames;
    }

    private static List<Path> list(Path dir, String glob) throws IOException {
        List<Path> paths = new ArrayList<>();
        if (Files.isDirectory(dir)) {
            try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, glob)) {
                ds.forEach(paths::add);
            }
        }
        paths.sort(null);
        return paths;
    }
}
