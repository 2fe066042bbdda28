package kz.emtihan.proctor;

import static kz.emtihan.proctor.ProctorFixtures.DARK;
import static kz.emtihan.proctor.ProctorFixtures.NO_FACE;
import static kz.emtihan.proctor.ProctorFixtures.ONE_FACE;
import static kz.emtihan.proctor.ProctorFixtures.TWO_FACES;
import static kz.emtihan.proctor.ProctorFixtures.snapshot;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import kz.emtihan.TestEngine;
import kz.emtihan.TestSocket;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Issue 4, 3: snapshots and page events become flags (3 no-face, 2 multiple-faces, 3 unclear in a row), stored and pushed live. */
class WatchingTest {
    static TestEngine app;
    static String teacher;
    static String proctor;

    @BeforeAll
    static void start() {
        app = TestEngine.start(Map.of("EMTIHAN_PROCTORING_UPLOADS_PER_MINUTE", "30"));
        app.users("teacher", "t1");
        app.users("proctor", "p1");
        app.users("student", "s1", "s2", "s3", "s4", "s5", "s6");
        teacher = app.loginAs("t1");
        proctor = app.loginAs("p1");
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void noFaceIsRaisedOnTheThirdEmptySnapshotOnceAndReachesTheDashboardLive() throws Exception {
        String exam = ProctorFixtures.proctoredExam(app, teacher, "s1", "s2");
        String student = app.loginAs("s1");
        String attempt = ProctorFixtures.startServed(app, student, exam);
        TestSocket dashboard = TestSocket.open(app, proctor).subscribed(exam);

        assertEquals(1, snapshot(app, student, attempt, ONE_FACE).json().getInteger("faces"));
        assertEquals(
                0,
                snapshot(app, student, attempt, NO_FACE)
                        .json()
                        .getJsonArray("flags")
                        .size());
        assertEquals(
                0,
                snapshot(app, student, attempt, NO_FACE)
                        .json()
                        .getJsonArray("flags")
                        .size(),
                "two empty frames are not enough");
        JsonObject third = snapshot(app, student, attempt, NO_FACE).json();
        assertEquals(0, third.getInteger("faces"));
        assertEquals(true, third.getBoolean("judgeable"));
        JsonObject flag = third.getJsonArray("flags").getJsonObject(0);
        assertEquals("no-face", flag.getString("kind"));
        assertEquals("medium", flag.getString("severity"));
        assertEquals(false, flag.getBoolean("insufficientEvidence"));
        assertEquals(
                0,
                snapshot(app, student, attempt, NO_FACE)
                        .json()
                        .getJsonArray("flags")
                        .size(),
                "raised once, not every frame");

        JsonObject pushed = dashboard.next("flag");
        assertEquals(attempt, pushed.getString("attemptId"));
        assertEquals("no-face", pushed.getJsonObject("flag").getString("kind"));
        assertEquals(flag.getString("evidence"), pushed.getJsonObject("flag").getString("evidence"));
        assertArrayEquals(
                NO_FACE,
                app.getBytes(flag.getString("evidence"), proctor),
                "the evidence is the snapshot that raised it");
        assertArrayEquals(NO_FACE, app.getBytes("/api/v1/attempts/" + attempt + "/snapshots/latest", proctor));

        JsonObject board =
                app.get("/api/v1/exams/" + exam + "/proctoring", proctor).json();
        JsonObject first = board.getJsonArray("students").getJsonObject(0);
        assertEquals("s1", first.getString("studentId"), "the flagged student comes first");
        assertEquals(1, first.getJsonObject("flagCounts").getInteger("no-face"));
        assertEquals(0, first.getInteger("faces"));
        assertEquals(
                "not-started", board.getJsonArray("students").getJsonObject(1).getString("status"));
        dashboard.close();
    }

    @Test
    void twoFacesAreHeldOverTwoSnapshotsAndADarkCameraIsInsufficientEvidence() {
        String exam = ProctorFixtures.proctoredExam(app, teacher, "s3");
        String student = app.loginAs("s3");
        String attempt = ProctorFixtures.startServed(app, student, exam);
        assertEquals(
                0,
                snapshot(app, student, attempt, TWO_FACES)
                        .json()
                        .getJsonArray("flags")
                        .size(),
                "one bad frame accuses no one");
        JsonObject second = snapshot(app, student, attempt, TWO_FACES).json();
        // issue 14 (8): at the default 320x240 first look the second face is unsure; the full look counts it
        assertEquals(true, second.getBoolean("analysed"));
        assertEquals(2, second.getInteger("faces"));
        assertEquals(
                "multiple-faces", second.getJsonArray("flags").getJsonObject(0).getString("kind"));
        assertEquals("high", second.getJsonArray("flags").getJsonObject(0).getString("severity"));

        snapshot(app, student, attempt, DARK);
        assertEquals(false, snapshot(app, student, attempt, DARK).json().getBoolean("judgeable"));
        JsonObject unclear = snapshot(app, student, attempt, DARK)
                .json()
                .getJsonArray("flags")
                .getJsonObject(0);
        assertEquals(
                true,
                unclear.getBoolean("insufficientEvidence"),
                "a covered camera says insufficient evidence: " + unclear);
        assertEquals("low", unclear.getString("severity"));

        JsonArray flags =
                app.get("/api/v1/attempts/" + attempt + "/flags", proctor).array();
        assertEquals(2, flags.size());
        JsonObject review =
                app.get("/api/v1/attempts/" + attempt + "/review", proctor).json();
        JsonObject penalty =
                review.getJsonObject("credibility").getJsonArray("penalties").getJsonObject(0);
        assertEquals("1 × several faces", penalty.getString("reason"), review.encode());
        assertEquals("multiple-faces", penalty.getJsonObject("reasonArgs").getString("kind"));
        assertTrue(
                !review.getJsonObject("credibility").encode().contains("no-face"),
                "insufficient evidence takes nothing off");
    }

    @Test
    void pageEventsBecomeFlagsAndABadEventChangesNothing() throws Exception {
        String exam = ProctorFixtures.proctoredExam(app, teacher, "s4");
        String student = app.loginAs("s4");
        String attempt = ProctorFixtures.startServed(app, student, exam);
        TestSocket dashboard = TestSocket.open(app, proctor).subscribed(exam);
        TestEngine.Reply hidden = app.post(
                "/api/v1/attempts/" + attempt + "/events", student, new JsonObject().put("type", "tab-hidden"));
        assertEquals(200, hidden.status(), hidden.body());
        assertEquals("tab-hidden", hidden.json().getJsonObject("flag").getString("kind"));
        assertEquals("tab-hidden", dashboard.next("flag").getJsonObject("flag").getString("kind"));

        assertEquals(
                400,
                app.post("/api/v1/attempts/" + attempt + "/events", student, new JsonObject().put("type", "no-face"))
                        .status(),
                "the page cannot report what only the server decides");
        assertEquals(
                400,
                app.post(
                                "/api/v1/attempts/" + attempt + "/events",
                                student,
                                new JsonObject().put("type", "copy").put("at", "yesterday"))
                        .status());
        assertEquals(
                403,
                app.post(
                                "/api/v1/attempts/" + attempt + "/events",
                                app.loginAs("s1"),
                                new JsonObject().put("type", "copy"))
                        .status());
        assertEquals(
                415,
                app.send("POST", "/api/v1/attempts/" + attempt + "/snapshots", student, "image/png", ONE_FACE)
                        .status());
        assertEquals(
                400,
                app.send(
                                "POST",
                                "/api/v1/attempts/" + attempt + "/snapshots",
                                student,
                                "image/jpeg",
                                "garbage".getBytes())
                        .status());
        assertEquals(
                1,
                app.get("/api/v1/attempts/" + attempt + "/flags", proctor)
                        .array()
                        .size(),
                "only the tab-hidden flag");
        dashboard.close();
    }

    @Test
    void theServerFlagsALostConnectionAndTheStudentSeesFlagsOnlyAfterReview() throws Exception {
        String exam = ProctorFixtures.proctoredExam(app, teacher, "s5");
        String student = app.loginAs("s5");
        String attempt = ProctorFixtures.startServed(app, student, exam);
        TestSocket dashboard = TestSocket.open(app, proctor).subscribed(exam);
        TestSocket page = TestSocket.open(app, student).following(attempt);
        page.close();
        assertEquals(
                "disconnected", dashboard.next("flag").getJsonObject("flag").getString("kind"));

        TestEngine.Reply before = app.get("/api/v1/attempts/" + attempt + "/flags", student);
        assertEquals(403, before.status());
        assertEquals("not-reviewed", before.error());
        app.post("/api/v1/attempts/" + attempt + "/submit", student, null);
        assertEquals(
                200,
                app.post(
                                "/api/v1/attempts/" + attempt + "/review",
                                proctor,
                                new JsonObject().put("verdict", "clean").put("comment", ""))
                        .status());
        JsonArray mine =
                app.get("/api/v1/attempts/" + attempt + "/flags", student).array();
        assertEquals("disconnected", mine.getJsonObject(0).getString("kind"));
        assertEquals(
                403,
                app.get("/api/v1/attempts/" + attempt + "/flags", app.loginAs("s1"))
                        .status(),
                "never another student's");
        dashboard.close();
    }

    @Test
    void uploadsOverTheRatePerMinuteAreRefused() {
        String exam = ProctorFixtures.proctoredExam(app, teacher, "s6");
        String student = app.loginAs("s6");
        String attempt = ProctorFixtures.startServed(app, student, exam);
        int accepted = 0;
        TestEngine.Reply last = null;
        for (int i = 0; i < 40; i++) {
            last = app.post(
                    "/api/v1/attempts/" + attempt + "/events", student, new JsonObject().put("type", "window-blur"));
            if (last.status() != 200) break;
            accepted++;
        }
        assertEquals(429, last.status());
        assertEquals("too-many-uploads", last.error());
        assertTrue(accepted >= 29 && accepted <= 31, "about 30 a minute were accepted: " + accepted);
        assertEquals(
                accepted,
                app.get("/api/v1/attempts/" + attempt + "/flags", proctor)
                        .array()
                        .size(),
                "a refused event stores nothing");
    }
}
