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
 * analysis; boxes are reported in original pixel coordinates. Every native Mat allocated per call is
 * released before {@link #analyse} returns, also on error.
 */
public final class FaceAnalyser implements AutoCloseable {

    /** Longer side, in pixels, of the image that is actually analysed. */
    public static final int WORK_SIDE = 640;
    /** Minimum YuNet score for a face to count (OpenCV's sample default is 0.9). */
    public static final float DEFAULT_SCORE_THRESHOLD = 0.9f;

    private static final String RES = "/kz/emtihan/media/vision/";
    private static final String YUNET = "face_detection_yunet_2023mar.onnx";
    private static final String HAAR = "haarcascade_frontalface_default.xml";

    private FaceDetectorYN yunet;
    private CascadeClassifier haar;
    private boolean closed;

    /** YuNet with {@link #DEFAULT_SCORE_THRESHOLD}, Haar if YuNet cannot load. */
    public FaceAnalyser() {
        this(DEFAULT_SCORE_THRESHOLD, true);
    }

    /**
     * @param scoreThreshold minimum YuNet score in (0,1)
     * @param tryYuNet       false forces the Haar fallback (for tests)
     * @throws IllegalStateException if neither detector can be loaded
     */
    FaceAnalyser(float scoreThreshold, boolean tryYuNet) {
        OpenCvNatives.load();
        if (tryYuNet) {
            MatOfByte model = null, config = new MatOfByte();
            try {
                model = new MatOfByte(readResource(YUNET));
                yunet = FaceDetectorYN.create("onnx", model, config, new Size(320, 320), scoreThreshold, 0.3f, 50);
            } catch (RuntimeException | Error e) {
                yunet = null;
            } finally {
                if (model != null) model.release();
                config.release();
            }
        }
        if (yunet == null) haar = loadHaar();
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
        Mat img = null, work = new Mat(), gray = new Mat(), lap = new Mat(), faces = new Mat();
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
            Imgproc.Laplacian(gray, lap, CvType.CV_64F);
            Core.meanStdDev(lap, mean, std);
            double sd = std.toArray()[0];
            double sharpness = sd * sd;

            List<FaceBox> boxes = new ArrayList<>();
            if (yunet != null) {
                yunet.setInputSize(work.size());
                yunet.detect(work, faces);
                float[] row = new float[15];
                for (int i = 0; i < faces.rows(); i++) {
                    faces.get(i, 0, row);
                    boxes.add(box(row[0], row[1], row[2], row[3], scale, row[14]));
                }
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
            gray.release();
            lap.release();
            faces.release();
            mean.release();
            std.release();
            rects.release();
        }
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
