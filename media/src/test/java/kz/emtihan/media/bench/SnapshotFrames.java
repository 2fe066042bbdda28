package kz.emtihan.media.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import kz.emtihan.media.vision.FaceAnalyser;
import kz.emtihan.media.vision.FaceBenchAccess;
import kz.emtihan.media.vision.FaceBox;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.MatOfByte;
import org.opencv.core.MatOfInt;
import org.opencv.core.Scalar;
import org.opencv.core.Size;
import org.opencv.imgcodecs.Imgcodecs;
import org.opencv.imgproc.Imgproc;

/**
 * Issue 14 (8): labelled 640x480 JPEG snapshots as the student page makes them (letterboxed on black, quality 80:
 * {@code student-snapshots.js}) from the fixtures: every photo in {@code faces/}, every frame of the MJPEG and Y4M
 * fake-camera videos in {@code video/}, and a synthetic face-size sweep (a portrait scaled so that its face is N
 * pixels wide, on the coffee photo, alone or beside a large second face).
 */
final class SnapshotFrames {
    static final int W = 640, H = 480, QUALITY = 80;

    /** One snapshot and how many faces it really shows. */
    record Labelled(String name, byte[] jpeg, int faces) {}

    private SnapshotFrames() {}

    /** Photos and video frames, in a fixed order. */
    static List<Labelled> fixtures(Path dir) throws IOException {
        FaceBenchAccess.loadNatives();
        List<Labelled> out = new ArrayList<>();
        for (Path p : list(dir.resolve("faces"), "*.{png,jpg,jpeg}")) {
            String n = p.getFileName().toString();
            Mat img = Imgcodecs.imread(p.toString(), Imgcodecs.IMREAD_COLOR);
            out.add(new Labelled(n, letterbox(img), n.startsWith("two_faces") ? 2 : n.startsWith("noface") ? 0 : 1));
            img.release();
        }
        for (Path p : list(dir.resolve("video"), "*.{mjpeg,y4m}")) {
            String n = p.getFileName().toString();
            byte[] all = Files.readAllBytes(p);
            List<byte[]> frames = n.endsWith(".y4m") ? y4m(all) : FaceBench.mjpegFrames(all);
            for (int i = 0; i < frames.size(); i++) {
                // presence_seq_30f-face_30f-noface_30f-twofaces: 30 frames of one face, 30 of none, 30 of two
                int faces = n.startsWith("presence_seq") ? new int[] {1, 0, 2}[Math.min(2, i / 30)] : 1;
                out.add(new Labelled(n + "#" + i, frames.get(i), faces));
            }
        }
        if (out.isEmpty()) throw new IllegalStateException("no fixture frames under " + dir);
        return out;
    }

    /** Face widths of the sweep, in pixels of the 640x480 snapshot. */
    static final int[] SWEEP = {16, 20, 24, 28, 32, 40, 48, 56, 64, 80, 96, 128};

    /**
     * The sweep: for each portrait (Hopper, Collins) and width w, a square of twice the face's width around the face
     * (found by YuNet in the original photo), scaled so that the face is w px, pasted on the right of the coffee
     * photo (label 1), and the same beside a 150 px Hopper face on the left (label 2: a second face behind the
     * student).
     */
    static List<Labelled> sweep(Path dir) throws IOException {
        FaceBenchAccess.loadNatives();
        Mat bg = Imgcodecs.imread(dir.resolve("faces/noface_coffee_640x480.png").toString());
        List<Mat> faces = new ArrayList<>();
        for (String name : List.of("face_grace_hopper.jpg", "face_astronaut_eileen_collins.png")) {
            faces.add(faceSquare(dir.resolve("faces").resolve(name)));
        }
        List<Labelled> out = new ArrayList<>();
        for (int w : SWEEP) {
            for (int pair = 0; pair < 2; pair++) {
                for (int who = 0; who < 2; who++) {
                    Mat frame = bg.clone();
                    if (pair == 1) paste(frame, faces.get(0), 300, 10, 90);
                    paste(frame, faces.get(who), 2 * w, W - 10 - 2 * w, (H - 2 * w) / 2);
                    String name = (pair == 1 ? "pair+" : "") + (who == 0 ? "hopper@" : "collins@") + w;
                    out.add(new Labelled(name, encode(frame), 1 + pair));
                    frame.release();
                }
            }
        }
        bg.release();
        faces.forEach(Mat::release);
        return out;
    }

    /** The square of twice the face's width centred on the (one) face of a portrait. */
    private static Mat faceSquare(Path portrait) throws IOException {
        Mat img = Imgcodecs.imread(portrait.toString());
        FaceBox f;
        try (FaceAnalyser a = FaceBenchAccess.yunet()) {
            f = a.analyse(Files.readAllBytes(portrait)).boxes().get(0);
        }
        int side = Math.min(Math.min(img.cols(), img.rows()), 2 * f.width());
        int x = Math.max(0, Math.min(img.cols() - side, f.x() + f.width() / 2 - side / 2));
        int y = Math.max(0, Math.min(img.rows() - side, f.y() + f.height() / 2 - side / 2));
        Mat square = img.submat(y, y + side, x, x + side).clone();
        img.release();
        return square;
    }

    private static void paste(Mat frame, Mat square, int side, int x, int y) {
        Mat s = new Mat();
        Imgproc.resize(square, s, new Size(side, side), 0, 0, Imgproc.INTER_AREA);
        s.copyTo(frame.submat(y, y + side, x, x + side));
        s.release();
    }

    /** As the page: fit in 640x480 keeping the aspect ratio, centre on black, JPEG quality 80. */
    static byte[] letterbox(Mat img) {
        double scale = Math.min((double) W / img.cols(), (double) H / img.rows());
        int w = (int) Math.round(img.cols() * scale), h = (int) Math.round(img.rows() * scale);
        Mat fit = new Mat(), box = new Mat();
        Imgproc.resize(img, fit, new Size(w, h), 0, 0, scale < 1 ? Imgproc.INTER_AREA : Imgproc.INTER_LINEAR);
        int top = (H - h) / 2, left = (W - w) / 2;
        Core.copyMakeBorder(fit, box, top, H - h - top, left, W - w - left, Core.BORDER_CONSTANT, new Scalar(0, 0, 0));
        byte[] jpeg = encode(box);
        fit.release();
        box.release();
        return jpeg;
    }

    static byte[] encode(Mat img) {
        MatOfByte out = new MatOfByte();
        MatOfInt params = new MatOfInt(Imgcodecs.IMWRITE_JPEG_QUALITY, QUALITY);
        Imgcodecs.imencode(".jpg", img, out, params);
        byte[] b = out.toArray();
        out.release();
        params.release();
        return b;
    }

    /** Frames of a YUV4MPEG2 4:2:0 file (the 320x240 fake camera), letterboxed to 640x480 JPEG as the page would. */
    static List<byte[]> y4m(byte[] all) {
        int eol = indexOf(all, 0);
        String[] header = new String(all, 0, eol, StandardCharsets.US_ASCII).split(" ");
        int w = 0, h = 0;
        for (String f : header) {
            if (f.startsWith("W")) w = Integer.parseInt(f.substring(1));
            if (f.startsWith("H")) h = Integer.parseInt(f.substring(1));
        }
        int size = w * h * 3 / 2;
        List<byte[]> out = new ArrayList<>();
        for (int at = eol + 1; at < all.length; ) {
            at = indexOf(all, at) + 1; // after "FRAME...\n"
            if (at + size > all.length) break;
            Mat yuv = new Mat(h * 3 / 2, w, CvType.CV_8UC1), bgr = new Mat();
            yuv.put(0, 0, Arrays.copyOfRange(all, at, at + size));
            Imgproc.cvtColor(yuv, bgr, Imgproc.COLOR_YUV2BGR_I420);
            out.add(letterbox(bgr));
            yuv.release();
            bgr.release();
            at += size;
        }
        return out;
    }

    private static int indexOf(byte[] all, int from) {
        for (int i = from; i < all.length; i++) if (all[i] == '\n') return i;
        return all.length;
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
