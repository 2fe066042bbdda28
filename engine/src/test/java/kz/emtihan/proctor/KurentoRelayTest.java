package kz.emtihan.proctor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import kz.emtihan.TestEngine;
import kz.emtihan.media.kurento.FakeSdp;
import kz.emtihan.media.kurento.KmsPeer;
import kz.emtihan.media.kurento.RealKms;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.kurento.client.KurentoClient;

/**
 * Issue 4, 4-5 with {@code media.kurento.url}, issue 17 (2) against the real Kurento Media Server test.sh starts: a
 * student's page (real Kurento endpoints playing a clip, {@link KmsPage}) publishes its camera through the engine's
 * signalling, the server records it, a proctor's page receives the video through the server, a student cannot watch
 * another, and when the attempt ends the pipeline is released: the file plays and the server's own
 * {@code getPipelines} shows nothing of the attempt left.
 */
@EnabledIfEnvironmentVariable(named = RealKms.URL_VARIABLE, matches = "wss?://.+")
class KurentoRelayTest {
    static final Duration WAIT = Duration.ofSeconds(20);
    static TestEngine app;
    static KurentoClient eyes;
    static Path clip;
    static String teacher;
    static String proctor;

    @BeforeAll
    static void start() throws Exception {
        clip = RealKms.clip(Files.createTempDirectory("emtihan-relay"), 30);
        eyes = RealKms.client(RealKms.url().orElseThrow());
        app = TestEngine.start(
                Map.of("EMTIHAN_MEDIA_KURENTO_URL", RealKms.url().orElseThrow().toString()));
        app.users("teacher", "t1");
        app.users("proctor", "p1");
        app.users("student", "s1", "s2");
        teacher = app.loginAs("t1");
        proctor = app.loginAs("p1");
        TestEngine.awaitUntil(
                "the engine connects to the media server",
                () -> app.engine().services().proctor().kurento().orElseThrow().connected(),
                WAIT);
    }

    @AfterAll
    static void stop() {
        if (app != null) app.close();
        if (eyes != null) eyes.destroy();
    }

    @Test
    void aPublishedCameraIsRecordedWatchedAndReleasedWhenTheAttemptEnds() throws Exception {
        Map<String, String> before = RealKms.objects(eyes);
        String exam = ProctorFixtures.proctoredExam(app, teacher, "s1");
        String student = app.loginAs("s1");
        JsonObject started =
                app.post("/api/v1/exams/" + exam + "/attempts", student, null).json();
        String attempt = started.getString("id");
        // 5.17.2: the questions are served once the identity photos are in
        ProctorFixtures.identity(app, student, attempt, ProctorFixtures.ONE_FACE, ProctorFixtures.OTHER_FACE);
        started = app.get("/api/v1/attempts/" + attempt, student).json();
        assertEquals(
                true,
                started.getJsonObject("proctoring").getBoolean("kurento"),
                "the page is told to publish to the server");

        try (KmsPage page = KmsPage.open(app, student);
                KmsPage watcher = KmsPage.open(app, proctor);
                KmsPage other = KmsPage.open(app, app.loginAs("s2"))) {
            page.send(new JsonObject().put("type", "attempt").put("attemptId", attempt));
            page.next("following");
            KmsPeer camera = page.publish(eyes, clip, attempt, "camera");
            TestEngine.awaitUntil(
                    "the server's candidates reach the student's page, after the answer",
                    () -> page.candidates("media", "camera") > 0,
                    WAIT);
            Map<String, String> objects = created(before);
            assertEquals(1, RealKms.ofType(objects, "RecorderEndpoint").size(), "the camera is recorded: " + objects);

            KmsPeer view = watcher.view(eyes, attempt, "camera");
            assertTrue(view.videoArrives(WAIT), "the proctor's page receives the camera through the server");
            assertTrue(watcher.candidates("media-view", "camera") > 0, "the viewer endpoint's candidates, to it only");
            assertEquals(
                    2,
                    RealKms.ofType(created(before), "WebRtcEndpoint").size(),
                    "one publisher, one viewer: " + created(before));

            other.send(new JsonObject()
                    .put("type", "media-view")
                    .put("attemptId", attempt)
                    .put("stream", "camera")
                    .put("data", new JsonObject().put("kind", "offer").put("sdp", FakeSdp.viewerOffer())));
            assertEquals("media-refused", other.next("error").getString("error"), "a student cannot watch another");
            page.send(new JsonObject()
                    .put("type", "media")
                    .put("attemptId", attempt)
                    .put("stream", "microphone")
                    .put("data", new JsonObject().put("kind", "offer").put("sdp", "v=0")));
            assertEquals("media-refused", page.next("error").getString("error"));

            // the server writes <dataDir>/kurento/<attempt>/camera-<startMillis>.webm; the review lists it
            JsonArray files = app.get("/api/v1/attempts/" + attempt + "/recordings", proctor)
                    .json()
                    .getJsonArray("camera");
            assertEquals(1, files.size(), files.encode());
            TestEngine.awaitUntil(
                    "a few seconds of the camera on the disk",
                    () -> app.get("/api/v1/attempts/" + attempt + "/recordings", proctor)
                                    .json()
                                    .getJsonArray("camera")
                                    .getJsonObject(0)
                                    .getLong("bytes", 0L)
                            > 100_000,
                    WAIT);

            assertEquals(
                    200,
                    app.post("/api/v1/attempts/" + attempt + "/submit", student, null)
                            .status());
            TestEngine.awaitUntil(
                    "the attempt's pipeline is released", () -> created(before).isEmpty(), WAIT);
            camera.close();
            view.close();
        }
        assertEquals(before, RealKms.objects(eyes), "nothing of the attempt or its pages is left on the server");
        JsonObject rec = app.get("/api/v1/attempts/" + attempt + "/recordings", proctor)
                .json()
                .getJsonArray("camera")
                .getJsonObject(0);
        Path played = Files.createTempFile("emtihan-relay-camera", ".webm");
        try {
            Files.write(played, app.getBytes(rec.getString("url"), proctor));
            double seconds = RealKms.playableSeconds(played);
            assertTrue(seconds >= 1, "the finalised recording plays " + seconds + " s");
        } finally {
            Files.deleteIfExists(played);
        }
    }

    static Map<String, String> created(Map<String, String> before) {
        return KmsPage.engineObjects(eyes, before);
    }
}
