package kz.emtihan.e2e;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import kz.emtihan.Fixtures;
import kz.emtihan.TestEngine;
import kz.emtihan.media.kurento.RealKms;
import kz.emtihan.proctor.KmsPage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.kurento.client.KurentoClient;
import org.openqa.selenium.By;

/**
 * Issue 17 (2): the camera reaches the media server at the configured bitrate, not at WebRTC's own. Two engines, each
 * with another {@code proctoring.camera.videoBitsPerSecond}; in each, Chromium with the fake camera (the face video)
 * takes a proctored attempt through the real KMS, and the camera's recording is measured with ffprobe: the video
 * packets' bytes × 8 over their time span, past the first {@link #RAMP_SECONDS}. Each must lie between {@link #BELOW}
 * and {@link #ABOVE} of its configuration, and the higher
 * configuration must give a file at least twice as dense, so a page or server that ignored the setting would fail.
 */
@EnabledIfEnvironmentVariable(named = RealKms.URL_VARIABLE, matches = "wss?://.+")
class KurentoBitrateE2eTest {
    static final Duration LIVE = Duration.ofSeconds(20);
    static final int ATTEMPT_SECONDS = 40;
    /**
     * The configured bitrate is a ceiling, as MediaRecorder's videoBitsPerSecond is: the recorded video may not exceed it
     * by more than {@link #ABOVE} (container and timing) and must reach at least {@link #BELOW} of it (Chromium's VP8
     * rate control undershoots a low target: measured 80 % at 50 kbit/s, 89 % at 150 kbit/s; a face video at 300 kbit/s
     * gave only 51 %, the picture needs no more, so the configurations stay where the content fills them).
     */
    static final double ABOVE = 1.10;

    static final double BELOW = 0.65;
    /** The first seconds of each file are the sender's ramp-up (WebRTC's bandwidth estimate, KMS's REMB): left out. */
    static final double RAMP_SECONDS = 10;

    static KurentoClient eyes;

    @BeforeAll
    static void eyes() {
        eyes = RealKms.client(RealKms.url().orElseThrow());
    }

    @AfterAll
    static void close() {
        if (eyes != null) eyes.destroy();
    }

    @Test
    void theCameraIsRecordedAtTheConfiguredBitrate() throws Exception {
        int low = 50_000;
        int high = 150_000;
        double atLow = recordedCameraBitrate(low);
        double atHigh = recordedCameraBitrate(high);
        System.out.printf(
                "issue 17 (2): camera configured %d → recorded %.0f bit/s; %d → %.0f bit/s%n",
                low, atLow, high, atHigh);
        assertWithin(low, atLow);
        assertWithin(high, atHigh);
        assertTrue(atHigh >= 2 * atLow, "the configuration decides: " + atLow + " vs " + atHigh);
    }

    private static void assertWithin(int configured, double measured) {
        assertTrue(
                measured <= ABOVE * configured && measured >= BELOW * configured,
                "recorded " + Math.round(measured) + " bit/s, configured " + configured + " (" + BELOW + "×.." + ABOVE
                        + "×)");
    }

    /** One engine with this camera bitrate, one proctored attempt through KMS: its camera file's video bit/s. */
    private static double recordedCameraBitrate(int videoBitsPerSecond) throws Exception {
        Map<String, String> before = RealKms.objects(eyes);
        try (TestEngine app = TestEngine.start(Map.of(
                "EMTIHAN_MEDIA_KURENTO_URL",
                RealKms.url().orElseThrow().toString(),
                "EMTIHAN_PROCTORING_CAMERA_VIDEO_BITS_PER_SECOND",
                Integer.toString(videoBitsPerSecond)))) {
            app.users("teacher", "bt1");
            app.users("proctor", "bp1");
            app.users("student", "bface");
            TestEngine.awaitUntil(
                    "the engine connects to the media server",
                    () -> app.engine()
                            .services()
                            .proctor()
                            .kurento()
                            .orElseThrow()
                            .connected(),
                    LIVE);
            String teacher = app.loginAs("bt1");
            JsonObject e = Fixtures.attestation(
                    Fixtures.validBank(app, teacher),
                    Instant.now().minus(Duration.ofHours(1)),
                    Instant.now().plusSeconds(ATTEMPT_SECONDS + 15));
            e.getJsonObject("proctoring").put("identity", false);
            String exam = Fixtures.exam(app, teacher, e, "bface");
            String token;
            String attempt;
            try (Browser face = Browser.withFakeMedia(
                    app.base(), 1280, 900, "--use-file-for-fake-video-capture=" + ProctoringE2eTest.FACE_VIDEO)) {
                StudentFlowE2eTest.signIn(face, "bface", "en");
                face.go("/attempt.html?exam=" + exam);
                face.waitForState("proctoring");
                face.driver().findElement(By.id("setup-share")).click();
                face.waitUntil(
                        "the begin step",
                        () -> face.driver()
                                .findElement(By.id("proctoring-begin"))
                                .isDisplayed(),
                        LIVE);
                face.driver().findElement(By.id("begin-test")).click();
                face.waitForState("ready");
                token = app.loginAs("bface");
                attempt = app.get("/api/v1/me/exams", token).array().stream()
                        .map(o -> (JsonObject) o)
                        .filter(o -> o.getString("id").equals(exam))
                        .findFirst()
                        .orElseThrow()
                        .getJsonObject("attempt")
                        .getString("id");
                Instant deadline = Instant.parse(
                        app.get("/api/v1/attempts/" + attempt, token).json().getString("deadline"));
                face.waitUntil(
                        "the attempt is finished at its deadline",
                        () -> !"in-progress"
                                .equals(app.get("/api/v1/attempts/" + attempt, token)
                                        .json()
                                        .getString("status")),
                        Duration.between(Instant.now(), deadline).plusSeconds(40));
            }
            TestEngine.awaitUntil(
                    "the attempt's pipeline is released (its files finalised)",
                    () -> KmsPage.engineObjects(eyes, before).isEmpty(),
                    LIVE);
            String proctor = app.loginAs("bp1");
            JsonArray files = app.get("/api/v1/attempts/" + attempt + "/recordings", proctor)
                    .json()
                    .getJsonArray("camera");
            return bitsPerSecond(app, files, proctor);
        }
    }

    /** The video bit/s of a stream's files together (downloaded through the review's URLs). */
    private static double bitsPerSecond(TestEngine app, JsonArray files, String proctor) throws Exception {
        assertTrue(!files.isEmpty(), "KMS recorded the camera");
        long bytes = 0;
        double seconds = 0;
        for (Object o : files) {
            byte[] body = app.getBytes(((JsonObject) o).getString("url"), proctor);
            if (body.length < 4096) continue; // a recorder replaced before its first frame: no time, no video
            Path file = Files.createTempFile("emtihan-kms-rate-", ".webm");
            try {
                Files.write(file, body);
                RealKms.VideoRate rate = RealKms.videoRate(file, RAMP_SECONDS);
                bytes += rate.bytes();
                seconds += rate.seconds();
            } finally {
                Files.deleteIfExists(file);
            }
        }
        assertTrue(seconds >= ATTEMPT_SECONDS * 0.5, "the camera plays " + seconds + " s past its ramp-up");
        return bytes * 8 / seconds;
    }
}
