package kz.emtihan.media.vision;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.MatOfByte;
import org.opencv.core.MatOfDouble;
import org.opencv.core.MatOfRect;
import org.opencv.core.Rect;
import org.opencv.core.Size;
import org.opencv.imgcodecs.Imgcodecs;
import org.opencv.imgproc.Imgproc;
import org.opencv.objdetect.CascadeClassifier;
import org.opencv.objdetect.FaceDetectorYN;

/**
 * Counts faces and measures light and sharpness in one JPEG or PNG snapshot.
 *
 * <p><b>Not thread-safe.</b> The underlying OpenCV detector keeps per-call state; use one instance per
 * worker thread and {@link #close()} it when the thread is done. Creating one costs a few ms (model
 * load), so reuse it across frames.
 *
 * <p>Detection uses OpenCV's YuNet ({@code face_detection_yunet_2023mar.onnx}, bundled on the
 * classpath). Only if YuNet cannot be loaded does it fall back to the Haar cascade
 * {@code haarcascade_frontalface_default.xml}, which is less accurate and gives no scores; the result
 * says which detector ran. Images whose longer side exceeds {@link #WORK_SIDE} are scaled down for
 * analysis (light, sharpness and the full-size look); boxes are reported in original pixel coordinates. With a
 * {@link FirstLook} (issue 14 (8)) YuNet first looks at that image scaled into a smaller box (320x240: a quarter of
 * the detector's work) and looks at full size only when the first look is unsure. Every native Mat allocated per
 * call is released before {@link #analyse} returns, also on error.
 */
public final class FaceAnalyser implements AutoCloseable {

    /** Longer side, in pixels, of the image that is actually analysed. */
    public static final int WORK_SIDE = 640;
    /** Minimum YuNet score for a face to count (OpenCV's sample default is 0.9). */
    public static final float DEFAULT_SCORE_THRESHOLD = 0.9f;

    private static final String RES = "/kz/emtihan/media/vision/";
    private static final String YUNET = "face_detection_yunet_2023mar.onnx";
    private static final String HAAR = "haarcascade_frontalface_default.xml";

    private final float threshold;
    private final FirstLook firstLook;
    /** False only in the bench: the first look's answer even when unsure (what the small size alone finds). */
    boolean secondLook = true;

    private FaceDetectorYN yunet;
    private CascadeClassifier haar;
    private boolean closed;
    private long looks, fullLooks;

    /** YuNet with {@link #DEFAULT_SCORE_THRESHOLD} at full size (one look), Haar if YuNet cannot load. */
    public FaceAnalyser() {
        this(DEFAULT_SCORE_THRESHOLD, true, null);
    }

    /**
     * Issue 14 (8): YuNet looks at the image scaled into {@code firstLook} first and at full size only when that
     * look is unsure ({@link FirstLook#unsure}); Haar (one look) if YuNet cannot load.
     */
    public FaceAnalyser(FirstLook firstLook) {
        this(DEFAULT_SCORE_THRESHOLD, true, firstLook);
    }

    /**
     * @param scoreThreshold minimum YuNet score in (0,1)
     * @param tryYuNet       false forces the Haar fallback (for tests)
     * @throws IllegalStateException if neither detector can be loaded
     */
    FaceAnalyser(float scoreThreshold, boolean tryYuNet) {
        this(scoreThreshold, tryYuNet, null);
    }

    FaceAnalyser(float scoreThreshold, boolean tryYuNet, FirstLook firstLook) {
        OpenCvNatives.load();
        this.threshold = scoreThreshold;
        this.firstLook = firstLook;
        if (tryYuNet) {
            MatOfByte model = null, config = new MatOfByte();
            // with a first look the detector keeps the unsure candidates too; faces are those >= scoreThreshold (the
            // same boxes as a detector at scoreThreshold: NMS lets only a higher score suppress a box)
            float keep = firstLook == null ? scoreThreshold : Math.min(scoreThreshold, FirstLook.UNSURE_FROM);
            try {
                model = new MatOfByte(readResource(YUNET));
                yunet = FaceDetectorYN.create("onnx", model, config, new Size(320, 320), keep, 0.3f, 50);
            } catch (RuntimeException | Error e) {
                yunet = null;
            } finally {
                if (model != null) model.release();
                config.release();
            }
        }
        if (yunet == null) haar = loadHaar();
    }

    /**
     * Issue 14 (8): OpenCV's own thread pool to one thread, so that each worker thread with its analyser uses one
     * core (the bench's figures; the default pool makes parallel analysers contend). Process-wide.
     */
    public static void oneThreadPerAnalyser() {
        OpenCvNatives.load();
        Core.setNumThreads(1);
    }

    /** Which detector this instance uses. */
    public FrameAnalysis.Detector detector() {
        return yunet != null ? FrameAnalysis.Detector.YUNET : FrameAnalysis.Detector.HAAR;
    }

    /**
     * Analyses one encoded snapshot.
     *
     * @param jpegOrPng the encoded bytes (anything {@code imdecode} reads)
     * @throws IllegalArgumentException if the bytes cannot be decoded as an image
     * @throws IllegalStateException    if this analyser is closed
     */
    public FrameAnalysis analyse(byte[] jpegOrPng) {
        if (closed) throw new IllegalStateException("closed");
        MatOfByte buf = new MatOfByte(jpegOrPng);
        Mat img = null, work = new Mat(), small = new Mat(), gray = new Mat(), lap = new Mat(), faces = new Mat();
        MatOfDouble mean = new MatOfDouble(), std = new MatOfDouble();
        MatOfRect rects = new MatOfRect();
        try {
            img = Imgcodecs.imdecode(buf, Imgcodecs.IMREAD_COLOR);
            if (img.empty()) throw new IllegalArgumentException("not a decodable image");
            double scale = Math.min(1.0, (double) WORK_SIDE / Math.max(img.cols(), img.rows()));
            if (scale < 1.0) {
                Imgproc.resize(
                        img,
                        work,
                        new Size(Math.round(img.cols() * scale), Math.round(img.rows() * scale)),
                        0,
                        0,
                        Imgproc.INTER_AREA);
            } else {
                img.copyTo(work);
            }
            Imgproc.cvtColor(work, gray, Imgproc.COLOR_BGR2GRAY);
            double brightness = Core.mean(gray).val[0];
            // 16-bit Laplacian: the same values as 64-bit for 8-bit input (|value| <= 1020), in half the time
            Imgproc.Laplacian(gray, lap, CvType.CV_16S);
            Core.meanStdDev(lap, mean, std);
            double sd = std.toArray()[0];
            double sharpness = sd * sd;

            List<FaceBox> boxes = new ArrayList<>();
            if (yunet != null) {
                looks++;
                double first = firstLook == null ? 1.0 : firstLook.scale(work.cols(), work.rows());
                if (first < 1.0) {
                    Imgproc.resize(
                            work,
                            small,
                            new Size(Math.round(work.cols() * first), Math.round(work.rows() * first)),
                            0,
                            0,
                            Imgproc.INTER_AREA);
                    detect(small, faces);
                    if (!secondLook || !firstLook.needsFullLook(scores(faces), threshold)) {
                        addFaces(faces, scale * first, boxes);
                        return new FrameAnalysis(boxes.size(), boxes, brightness, sharpness, detector());
                    }
                }
                if (first < 1.0) fullLooks++;
                detect(work, faces);
                addFaces(faces, scale, boxes);
            } else {
                Imgproc.equalizeHist(gray, gray);
                haar.detectMultiScale(gray, rects, 1.1, 5, 0, new Size(30, 30), new Size());
                for (Rect r : rects.toArray()) boxes.add(box(r.x, r.y, r.width, r.height, scale, Double.NaN));
            }
            return new FrameAnalysis(boxes.size(), boxes, brightness, sharpness, detector());
        } finally {
            buf.release();
            if (img != null) img.release();
            work.release();
            small.release();
            gray.release();
            lap.release();
            faces.release();
            mean.release();
            std.release();
            rects.release();
        }
    }

    private void detect(Mat image, Mat faces) {
        yunet.setInputSize(image.size());
        yunet.detect(image, faces);
    }

    private static float[] scores(Mat faces) {
        float[] scores = new float[faces.rows()];
        float[] row = new float[15];
        for (int i = 0; i < scores.length; i++) {
            faces.get(i, 0, row);
            scores[i] = row[14];
        }
        return scores;
    }

    /** The YuNet rows scoring at least the threshold, best first, in original pixels ({@code scale}: original to image). */
    private void addFaces(Mat faces, double scale, List<FaceBox> boxes) {
        float[] row = new float[15];
        for (int i = 0; i < faces.rows(); i++) {
            faces.get(i, 0, row);
            if (row[14] >= threshold) boxes.add(box(row[0], row[1], row[2], row[3], scale, row[14]));
        }
    }

    /**
     * Analyses so far, and how many of them needed the full-size look after an unsure first look (issue 14 (8): the
     * bench reports the share). Not synchronised, like the rest of this class.
     */
    public long[] looks() {
        return new long[] {looks, fullLooks};
    }

    private static FaceBox box(double x, double y, double w, double h, double scale, double score) {
        return new FaceBox(
                (int) Math.round(x / scale),
                (int) Math.round(y / scale),
                (int) Math.round(w / scale),
                (int) Math.round(h / scale),
                score);
    }

    /** Drops the detectors; further {@link #analyse} calls fail. Idempotent. */
    @Override
    public void close() {
        closed = true;
        yunet = null; // FaceDetectorYN has no explicit delete in the Java API; freed by its finalizer
        haar = null;
    }

    private static CascadeClassifier loadHaar() {
        Path tmp = null;
        try {
            tmp = Files.createTempFile("emtihan-haar-", ".xml");
            Files.write(tmp, readResource(HAAR));
            CascadeClassifier c = new CascadeClassifier(tmp.toString());
            if (c.empty()) throw new IllegalStateException("Haar cascade failed to load");
            return c;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (tmp != null) tmp.toFile().delete();
        }
    }

    private static byte[] readResource(String name) {
        try (InputStream in = FaceAnalyser.class.getResourceAsStream(RES + name)) {
            if (in == null) throw new IllegalStateException("missing resource " + RES + name);
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
