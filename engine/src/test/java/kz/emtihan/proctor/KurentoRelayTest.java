package kz.emtihan.proctor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.Map;
import kz.emtihan.TestEngine;
import kz.emtihan.TestSocket;
import kz.emtihan.media.kurento.FakeKms;
import kz.emtihan.media.kurento.FakeSdp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 4, 4-5 with {@code media.kurento.url}: the engine relays a student's camera offer and a proctor's viewer
 * offer to the media server (the stand-in speaking Kurento's JSON-RPC, driven by the real kurento-client), sends
 * the server's ICE candidates to the right page, and releases the attempt's pipeline when the attempt ends.
 */
class KurentoRelayTest {
    static Vertx kmsVertx;
    static FakeKms kms;
    static TestEngine app;
    static String teacher;
    static String proctor;

    @BeforeAll
    static void start() throws Exception {
        kmsVertx = Vertx.vertx();
        kms = FakeKms.start(kmsVertx, false);
        app = TestEngine.start(Map.of("EMTIHAN_MEDIA_KURENTO_URL", kms.url().toString()));
        app.users("teacher", "t1");
        app.users("proctor", "p1");
        app.users("student", "s1", "s2");
        teacher = app.loginAs("t1");
        proctor = app.loginAs("p1");
        TestEngine.awaitUntil(
                "the engine connects to the stand-in media server",
                () -> app.engine().services().proctor().kurento().orElseThrow().connected(),
                Duration.ofSeconds(20));
    }

    @AfterAll
    static void stop() throws Exception {
        app.close();
        kms.close();
        kmsVertx.close().await();
    }

    @Test
    void aPublishedCameraIsRecordedWatchedAndReleasedWhenTheAttemptEnds() throws Exception {
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

        TestSocket page = TestSocket.open(app, student).following(attempt);
        page.send(new JsonObject()
                .put("type", "media")
                .put("attemptId", attempt)
                .put("stream", "camera")
                .put("data", new JsonObject().put("kind", "offer").put("sdp", FakeSdp.publisherOffer(true))));
        JsonObject answer = page.next("media");
        assertEquals(
                "answer",
                answer.getJsonObject("data").getString("kind"),
                "the answer comes before the server's candidates");
        assertTrue(answer.getJsonObject("data").getString("sdp").startsWith("v=0"), answer.encode());
        assertEquals(
                "ice",
                page.next("media").getJsonObject("data").getString("kind"),
                "the server's candidates reach the student's page");
        assertTrue(
                kms.media().types().containsValue("RecorderEndpoint"),
                "the camera is recorded: " + kms.media().types());

        TestSocket watcher = TestSocket.open(app, proctor);
        watcher.next("time");
        watcher.send(new JsonObject()
                .put("type", "media-view")
                .put("attemptId", attempt)
                .put("stream", "camera")
                .put("data", new JsonObject().put("kind", "offer").put("sdp", FakeSdp.viewerOffer())));
        assertEquals(
                "answer",
                watcher.next("media-view").getJsonObject("data").getString("kind"),
                "the viewer's answer first");
        assertEquals(
                "ice",
                watcher.next("media-view").getJsonObject("data").getString("kind"),
                "then its candidates, to the proctor only");
        long endpoints = kms.media().types().values().stream()
                .filter("WebRtcEndpoint"::equals)
                .count();
        assertEquals(2, endpoints, "one publisher, one viewer");

        TestSocket other = TestSocket.open(app, app.loginAs("s2"));
        other.next("time");
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

        // the server writes <dir>/<attempt>/<stream>-<startMillis>.webm into the directory it shares with the engine
        java.nio.file.Path files =
                app.engine().services().config().dataDir().resolve("kurento").resolve(attempt);
        java.nio.file.Files.createDirectories(files);
        long startedAt = java.time.Instant.parse(started.getString("startedAt")).toEpochMilli();
        java.nio.file.Files.write(files.resolve("camera-" + startedAt + ".webm"), new byte[] {1, 2, 3});
        JsonObject recordings =
                app.get("/api/v1/attempts/" + attempt + "/recordings", proctor).json();
        assertEquals(1, recordings.getJsonArray("camera").size(), recordings.encode());
        assertEquals(
                3,
                app.getBytes(recordings.getJsonArray("camera").getJsonObject(0).getString("url"), proctor).length);
        assertTrue(recordings.getDouble("coverage") > 0.9, "recorded from the start until now: " + recordings);

        app.post("/api/v1/attempts/" + attempt + "/submit", student, null);
        TestEngine.awaitUntil(
                "the pipeline is released",
                () -> !kms.media().types().containsValue("MediaPipeline"),
                Duration.ofSeconds(10));
        page.close();
        watcher.close();
        other.close();
    }
}
