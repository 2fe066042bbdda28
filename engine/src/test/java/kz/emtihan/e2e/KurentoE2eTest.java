package kz.emtihan.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import kz.emtihan.Fixtures;
import kz.emtihan.TestEngine;
import kz.emtihan.media.kurento.RealKms;
import kz.emtihan.proctor.KmsPage;
import kz.emtihan.sitting.SittingBodies;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.kurento.client.KurentoClient;
import org.openqa.selenium.By;

/**
 * Issue 17 (3): a browser through the real Kurento Media Server, end to end, in headless Chromium with the fake camera
 * (the face video of ../shared/fixtures) and the fake screen. A proctored attempt with {@code media.kurento.url}: the
 * page publishes camera and screen to KMS, KMS records them, the proctor's live view comes from KMS (a viewer endpoint
 * on the server), and after the attempt the files play in ffprobe and cover at least 90 % of it. The oral sitting's
 * video room runs through KMS with the secretary, the chair and a student, and its recordings play.
 */
@EnabledIfEnvironmentVariable(named = RealKms.URL_VARIABLE, matches = "wss?://.+")
class KurentoE2eTest {
    static final Duration LIVE = Duration.ofSeconds(20);
    static final int ATTEMPT_SECONDS = 75;
    static TestEngine app;
    static KurentoClient eyes;

    @BeforeAll
    static void start() {
        eyes = RealKms.client(RealKms.url().orElseThrow());
        app = TestEngine.start(
                Map.of("EMTIHAN_MEDIA_KURENTO_URL", RealKms.url().orElseThrow().toString()));
        app.users("teacher", "kt1");
        app.users("proctor", "kp1");
        app.users("student", "kface", "st1", "st2");
        app.users("commission", "c1", "m1", "m2", "ac1", "ad1");
        app.users("secretary", "sec1");
        TestEngine.awaitUntil(
                "the engine connects to the media server",
                () -> app.engine().services().proctor().kurento().orElseThrow().connected(),
                LIVE);
    }

    @AfterAll
    static void stop() {
        if (app != null) app.close();
        if (eyes != null) eyes.destroy();
    }

    @Test
    void aProctoredAttemptIsRecordedAndWatchedThroughTheMediaServer() throws Exception {
        Map<String, String> before = RealKms.objects(eyes);
        String teacher = app.loginAs("kt1");
        JsonObject e = Fixtures.attestation(
                Fixtures.validBank(app, teacher),
                Instant.now().minus(Duration.ofHours(1)),
                Instant.now().plusSeconds(ATTEMPT_SECONDS + 15));
        e.getJsonObject("proctoring").put("identity", false);
        String exam = Fixtures.exam(app, teacher, e, "kface");
        String attempt;
        try (Browser face = Browser.withFakeMedia(
                        app.base(), 1280, 900, "--use-file-for-fake-video-capture=" + ProctoringE2eTest.FACE_VIDEO);
                Browser watcher = Browser.open(app.base(), 1920, 1080)) {
            StudentFlowE2eTest.signIn(face, "kface", "en");
            face.go("/attempt.html?exam=" + exam);
            face.waitForState("proctoring");
            face.driver().findElement(By.id("setup-share")).click();
            face.waitUntil(
                    "the begin step",
                    () -> face.driver().findElement(By.id("proctoring-begin")).isDisplayed(),
                    LIVE);
            face.driver().findElement(By.id("begin-test")).click();
            face.waitForState("ready");
            String token = app.loginAs("kface");
            attempt = app.get("/api/v1/me/exams", token).array().stream()
                    .map(o -> (JsonObject) o)
                    .filter(o -> o.getString("id").equals(exam))
                    .findFirst()
                    .orElseThrow()
                    .getJsonObject("attempt")
                    .getString("id");
            TestEngine.awaitUntil(
                    "KMS records the page's camera and screen",
                    () -> RealKms.ofType(KmsPage.engineObjects(eyes, before), "RecorderEndpoint")
                                    .size()
                            == 2,
                    LIVE);
            StudentFlowE2eTest.answerShownQuestion(face, 1);

            // the proctor's live view: through KMS (a second endpoint per stream on the attempt's pipeline)
            ProctoringE2eTest.signInStaff(watcher, "kp1");
            watcher.go("/proctor.html?exam=" + exam);
            watcher.waitForState("ready");
            watcher.waitFor(By.cssSelector("li.tile[data-student='kface'] .tile-open"))
                    .click();
            watcher.waitFor(By.id("watch-start")).click();
            watcher.waitUntil(
                    "the live view is live",
                    () -> "live"
                            .equals(watcher.driver()
                                    .findElement(By.id("watch-state"))
                                    .getAttribute("data-watch")),
                    LIVE);
            watcher.waitUntil(
                    "the student's camera and screen play in the proctor's page",
                    () -> (Boolean) watcher.js("return ['watch-camera', 'watch-screen'].every(id =>"
                            + " document.getElementById(id).videoWidth > 0)"),
                    LIVE);
            assertEquals(
                    4,
                    RealKms.ofType(KmsPage.engineObjects(eyes, before), "WebRtcEndpoint")
                            .size(),
                    "two publishers and the proctor's two viewers, on the server");
            watcher.screenshot("kurento-1-proctor-live-view");
            face.screenshot("kurento-2-student");

            JsonObject a = app.get("/api/v1/attempts/" + attempt, token).json();
            Instant deadline = Instant.parse(a.getString("deadline"));
            face.waitUntil(
                    "the attempt is finished at its deadline",
                    () -> !"in-progress"
                            .equals(app.get("/api/v1/attempts/" + attempt, token)
                                    .json()
                                    .getString("status")),
                    Duration.between(Instant.now(), deadline).plusSeconds(40));
        }
        TestEngine.awaitUntil(
                "the attempt's pipeline is released",
                () -> KmsPage.engineObjects(eyes, before).isEmpty(),
                LIVE);
        JsonObject finished =
                app.get("/api/v1/attempts/" + attempt, app.loginAs("kface")).json();
        double attemptSeconds = Duration.between(
                                Instant.parse(finished.getString("startedAt")),
                                Instant.parse(finished.getString("finishedAt")))
                        .toMillis()
                / 1000.0;
        assertTrue(attemptSeconds > ATTEMPT_SECONDS * 0.8, "about a minute: " + attemptSeconds);
        String proctor = app.loginAs("kp1");
        JsonObject recordings =
                app.get("/api/v1/attempts/" + attempt + "/recordings", proctor).json();
        for (String stream : List.of("camera", "screen")) {
            double played = played(recordings.getJsonArray(stream), proctor);
            assertTrue(
                    played >= 0.9 * attemptSeconds,
                    stream + " recorded by KMS plays " + played + " s of a " + attemptSeconds + " s attempt");
        }
    }

    @Test
    void theOralSittingsRoomRunsThroughTheMediaServerAndIsRecorded() throws Exception {
        Map<String, String> before = RealKms.objects(eyes);
        String admin = app.admin();
        TestEngine.Reply created = app.post(
                "/api/v1/sittings",
                admin,
                SittingBodies.body(
                        "thesis-defence",
                        "Oral finals through KMS",
                        kz.emtihan.sitting.SittingDays.today(),
                        "en",
                        "st1",
                        "st2"));
        assertEquals(201, created.status(), created.body());
        String id = created.json().getString("id");
        String console = "/sitting.html?sitting=" + id;
        try (Browser sec = Browser.withFakeMedia(app.base(), 1366, 1000);
                Browser chair = Browser.withFakeMedia(app.base(), 1366, 900);
                Browser student = Browser.withFakeMedia(
                        app.base(), 1024, 900, "--use-file-for-fake-video-capture=" + ProctoringE2eTest.FACE_VIDEO)) {
            ProctoringE2eTest.signInStaff(sec, "sec1");
            ProctoringE2eTest.signInStaff(chair, "c1");
            for (Browser b : List.of(sec, chair)) {
                b.go(console);
                b.waitForState("ready");
                SittingE2eTest.waitLive(b);
            }
            StudentFlowE2eTest.signIn(student, "st1", "en");
            student.driver().findElement(By.id("sittings-link")).click();
            student.waitForState("ready");
            student.driver()
                    .findElement(By.cssSelector("tr[data-sitting='" + id + "'] a"))
                    .click();
            student.waitForState("ready");
            SittingE2eTest.waitLive(student);
            for (Browser b : List.of(sec, chair)) {
                SittingE2eTest.click(b, "room-join");
                b.waitUntil(
                        "in the room",
                        () -> "in"
                                .equals(b.driver()
                                        .findElement(By.id("room-state"))
                                        .getAttribute("data-room")),
                        LIVE);
            }
            SittingE2eTest.tilePlaying(chair, "sec1");
            SittingE2eTest.click(student, "room-join");
            SittingE2eTest.click(sec, "admit");
            student.waitUntil(
                    "the student in the room",
                    () -> "in"
                            .equals(student.driver()
                                    .findElement(By.id("room-state"))
                                    .getAttribute("data-room")),
                    LIVE);
            SittingE2eTest.tilePlaying(sec, "st1");
            SittingE2eTest.tilePlaying(chair, "st1");
            SittingE2eTest.tilePlaying(student, "c1");
            SittingE2eTest.tilePlaying(student, "sec1");
            Map<String, String> room = KmsPage.engineObjects(eyes, before);
            assertEquals(1, RealKms.ofType(room, "MediaPipeline").size(), "one pipeline for the room: " + room);
            assertEquals(3, RealKms.ofType(room, "RecorderEndpoint").size(), "each member recorded once: " + room);
            TestEngine.awaitUntil(
                    "the sitting notes who is recorded where",
                    () -> app.get("/api/v1/sittings/" + id, app.loginAs("c1"))
                                    .json()
                                    .getJsonArray("recordings", new JsonArray())
                                    .size()
                            == 3,
                    LIVE);
            student.screenshot("kurento-3-room-student");
            sec.screenshot("kurento-4-room-secretary");
            for (Browser b : List.of(student, chair, sec)) b.go("/index.html"); // everyone leaves the room
        }
        TestEngine.awaitUntil(
                "the last one out releases the room's pipeline",
                () -> KmsPage.engineObjects(eyes, before).isEmpty(),
                LIVE);
        JsonArray recordings =
                app.get("/api/v1/sittings/" + id, app.loginAs("c1")).json().getJsonArray("recordings");
        assertTrue(
                recordings.stream()
                        .map(o -> ((JsonObject) o).getString("userId"))
                        .toList()
                        .contains("st1"),
                recordings.encode());
        for (Object o : recordings) {
            JsonObject r = (JsonObject) o;
            double seconds = RealKms.playableSeconds(Path.of(java.net.URI.create(r.getString("uri"))));
            assertTrue(seconds >= 1, r.getString("userId") + "'s recording of the room plays " + seconds + " s");
        }
    }

    /** Seconds of video the server's files of a stream play, summed (downloaded through the review's URLs). */
    static double played(JsonArray files, String proctor) throws Exception {
        assertTrue(!files.isEmpty(), "KMS recorded the stream");
        double total = 0;
        List<String> sizes = new java.util.ArrayList<>();
        for (Object o : files) {
            Path file = Files.createTempFile("emtihan-kms-", ".webm");
            try {
                byte[] bytes = app.getBytes(((JsonObject) o).getString("url"), proctor);
                sizes.add(bytes.length + " B");
                // a recorder replaced before any frame reached it (the page published the stream again at once)
                // leaves a file without even a header: it holds no time of the attempt
                if (bytes.length < 4096) continue;
                Files.write(file, bytes);
                total += RealKms.playableSeconds(file);
            } finally {
                Files.deleteIfExists(file);
            }
        }
        System.out.println("KMS files: " + sizes + ", " + total + " s");
        return total;
    }
}
