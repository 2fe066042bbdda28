package kz.emtihan.proctor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.json.JsonObject;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import javax.imageio.ImageIO;
import kz.emtihan.Fixtures;
import kz.emtihan.TestEngine;

/** The real face photos of {@code ../shared/fixtures/faces} as a browser would send them (JPEG), and request helpers. */
public final class ProctorFixtures {
    private ProctorFixtures() {}

    static final byte[] ONE_FACE = jpeg("face_grace_hopper.jpg");
    static final byte[] OTHER_FACE = jpeg("face_astronaut_eileen_collins.png");
    static final byte[] TWO_FACES = jpeg("two_faces_collins_hopper_640x480.png");
    static final byte[] NO_FACE = jpeg("noface_coffee_640x480.png");
    static final byte[] DARK = dark();

    /** The fixture re-encoded as JPEG, as the page's canvas sends it. */
    static byte[] jpeg(String name) {
        try (InputStream in = ProctorFixtures.class.getResourceAsStream("/fixtures/faces/" + name)) {
            BufferedImage src = ImageIO.read(in);
            BufferedImage rgb = new BufferedImage(src.getWidth(), src.getHeight(), BufferedImage.TYPE_INT_RGB);
            Graphics2D g = rgb.createGraphics();
            g.drawImage(src, 0, 0, null);
            g.dispose();
            return encode(rgb);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A covered lens: an almost black 640×480 frame. */
    private static byte[] dark() {
        BufferedImage img = new BufferedImage(640, 480, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(new Color(6, 6, 8));
        g.fillRect(0, 0, 640, 480);
        g.dispose();
        return encode(img);
    }

    private static byte[] encode(BufferedImage img) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(img, "jpg", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** POSTs the two photos as multipart/form-data, as the page's FormData does. */
    public static TestEngine.Reply identity(
            TestEngine app, String token, String attemptId, byte[] face, byte[] document) {
        String boundary = "----emtihan" + System.nanoTime();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String[] names = {"face", "document"};
        byte[][] files = {face, document};
        for (int i = 0; i < 2; i++) {
            if (files[i] == null) continue;
            out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + names[i]
                            + "\"; filename=\"" + names[i] + ".jpg\"\r\nContent-Type: image/jpeg\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            out.writeBytes(files[i]);
            out.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        out.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return app.send(
                "POST",
                "/api/v1/attempts/" + attemptId + "/identity",
                token,
                "multipart/form-data; boundary=" + boundary,
                out.toByteArray());
    }

    static TestEngine.Reply snapshot(TestEngine app, String token, String attemptId, byte[] jpeg) {
        return app.send("POST", "/api/v1/attempts/" + attemptId + "/snapshots", token, "image/jpeg", jpeg);
    }

    /** A proctored exam (camera, screen and identity) open now, with this roster. */
    static String proctoredExam(TestEngine app, String teacherToken, String... students) {
        Instant now = Instant.now();
        JsonObject exam = Fixtures.attestation(
                Fixtures.validBank(app, teacherToken), now.minus(Duration.ofHours(1)), now.plus(Duration.ofDays(1)));
        exam.getJsonObject("proctoring").put("identity", true);
        return Fixtures.exam(app, teacherToken, exam, students);
    }

    /**
     * Starts the attempt and sends usable identity photos: under policy review-later its questions are then served and
     * its clock starts (5.17.2, issue 10, 4).
     */
    static String startServed(TestEngine app, String studentToken, String examId) {
        String attempt = start(app, studentToken, examId);
        TestEngine.Reply sent = identity(app, studentToken, attempt, ONE_FACE, OTHER_FACE);
        assertEquals("pending", sent.json().getString("status"), sent.body());
        return attempt;
    }

    static String start(TestEngine app, String studentToken, String examId) {
        TestEngine.Reply r = app.post("/api/v1/exams/" + examId + "/attempts", studentToken, null);
        assertEquals(201, r.status(), r.body());
        return r.json().getString("id");
    }
}
