package kz.emtihan.proctor;

import static kz.emtihan.proctor.ProctorFixtures.NO_FACE;
import static kz.emtihan.proctor.ProctorFixtures.ONE_FACE;
import static kz.emtihan.proctor.ProctorFixtures.OTHER_FACE;
import static kz.emtihan.proctor.ProctorFixtures.TWO_FACES;
import static kz.emtihan.proctor.ProctorFixtures.identity;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.Map;
import kz.emtihan.TestEngine;
import kz.emtihan.TestSocket;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** 5.17.2, 6.15.6: identity photos checked by OpenCV, decided by a proctor; policy "wait" holds the test until then. */
class IdentityTest {
    static TestEngine app;
    static String teacher;
    static String proctor;

    @BeforeAll
    static void start() {
        app = TestEngine.start(Map.of("EMTIHAN_PROCTORING_IDENTITY_POLICY", "wait"));
        app.users("teacher", "t1");
        app.users("proctor", "p1");
        app.users("student", "s1", "s2", "s3", "s4");
        teacher = app.loginAs("t1");
        proctor = app.loginAs("p1");
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void unusablePhotosAreRefusedAtOnceAndChangeNothing() {
        String exam = ProctorFixtures.proctoredExam(app, teacher, "s1");
        String student = app.loginAs("s1");
        String attempt = ProctorFixtures.start(app, student, exam);

        JsonObject noFace = identity(app, student, attempt, NO_FACE, ONE_FACE).json();
        assertEquals("rejected", noFace.getString("status"));
        assertEquals(0, noFace.getInteger("faceCount"));
        assertEquals("face", noFace.getJsonArray("problems").getJsonObject(0).getString("field"));
        assertEquals("no-face", noFace.getJsonArray("problems").getJsonObject(0).getString("error"));

        JsonObject two = identity(app, student, attempt, TWO_FACES, NO_FACE).json();
        assertEquals("rejected", two.getString("status"));
        assertEquals(2, two.getInteger("faceCount"));
        assertEquals(0, two.getInteger("documentFaceCount"));
        assertEquals(2, two.getJsonArray("problems").size(), "both photos are wrong: " + two);

        assertEquals(400, identity(app, student, attempt, ONE_FACE, null).status(), "the ID photo is required");
        assertEquals(
                400,
                identity(app, student, attempt, "not an image".getBytes(), ONE_FACE)
                        .status());
        JsonObject view =
                app.get("/api/v1/attempts/" + attempt + "/identity", proctor).json();
        assertEquals("none", view.getString("status"), "refused photos are not submitted: " + view);
        assertEquals(
                404,
                app.get("/api/v1/attempts/" + attempt + "/identity/face", proctor)
                        .status());
    }

    @Test
    void underTheWaitPolicyTheTestStartsWhenAProctorApprovesAndTheWaitIsGivenBack() throws Exception {
        String exam = ProctorFixtures.proctoredExam(app, teacher, "s2");
        String student = app.loginAs("s2");
        JsonObject started =
                app.post("/api/v1/exams/" + exam + "/attempts", student, null).json();
        String attempt = started.getString("id");
        JsonObject proctoring = started.getJsonObject("proctoring");
        assertEquals("wait", proctoring.getString("identityPolicy"));
        assertEquals("none", proctoring.getString("identityStatus"));
        assertEquals(true, proctoring.getBoolean("held"));
        assertEquals(0, started.getJsonArray("questions").size(), "no questions until the identity is approved");
        assertEquals(
                180_000,
                proctoring.getJsonObject("recorders").getJsonObject("camera").getInteger("videoBitsPerSecond"));
        assertEquals(
                new io.vertx.core.json.JsonArray(),
                proctoring.getJsonArray("iceServers"),
                "no STUN/TURN configured: none, but the field is there");

        // a question of the paper, as a student who kept an old copy would know it
        String onPaper = kz.emtihan.exam.model.Paper.decode(
                        app.redis(io.vertx.redis.client.Request.cmd(io.vertx.redis.client.Command.HGET)
                                        .arg(kz.emtihan.exam.ExamKeys.attempt(attempt))
                                        .arg("paper"))
                                .toString())
                .items()
                .get(0)
                .questionId();
        TestEngine.Reply held = app.put(
                "/api/v1/attempts/" + attempt + "/answers/" + onPaper,
                student,
                new JsonObject().put("choices", new JsonArray()).put("seq", 1));
        assertEquals(409, held.status());
        assertEquals("identity-required", held.error(), "no photos yet");

        TestSocket page = TestSocket.open(app, student).following(attempt);
        TestSocket dashboard = TestSocket.open(app, proctor).subscribed(exam);
        JsonObject sent = identity(app, student, attempt, ONE_FACE, OTHER_FACE).json();
        assertEquals("pending", sent.getString("status"));
        assertEquals(1, sent.getInteger("faceCount"));
        assertEquals(1, sent.getInteger("documentFaceCount"));
        assertTrue(sent.getValue("similarity") == null, "no recognition model is configured");
        assertEquals("pending", dashboard.next("identity").getString("status"));
        TestEngine.Reply waiting = app.put(
                "/api/v1/attempts/" + attempt + "/answers/" + onPaper,
                student,
                new JsonObject().put("choices", new JsonArray()).put("seq", 1));
        assertEquals("identity-pending", waiting.error(), "photos in, not yet approved: " + waiting.body());
        assertEquals(
                0,
                app.get("/api/v1/attempts/" + attempt, student)
                        .json()
                        .getJsonArray("questions")
                        .size());

        JsonObject view =
                app.get("/api/v1/attempts/" + attempt + "/identity", proctor).json();
        assertEquals("pending", view.getString("status"));
        assertEquals("proctor", view.getString("matching"));
        assertArrayEquals(ONE_FACE, app.getBytes("/api/v1/attempts/" + attempt + "/identity/face", proctor));
        assertArrayEquals(OTHER_FACE, app.getBytes("/api/v1/attempts/" + attempt + "/identity/document", proctor));
        assertEquals(
                403,
                app.get("/api/v1/attempts/" + attempt + "/identity/face", student)
                        .status(),
                "photos are for staff");

        assertEquals(
                400,
                app.post(
                                "/api/v1/attempts/" + attempt + "/identity/decision",
                                proctor,
                                new JsonObject().put("approved", false))
                        .status(),
                "a rejection needs a reason");
        assertEquals(
                403,
                app.post(
                                "/api/v1/attempts/" + attempt + "/identity/decision",
                                student,
                                new JsonObject().put("approved", true))
                        .status(),
                "a student cannot approve themselves");

        assertTrue(started.getValue("deadline") == null, "the clock has not started: " + started.encode());
        assertEquals(false, started.getBoolean("clockStarted"));
        Instant beforeApproval = Instant.now();
        TestEngine.Reply approved = app.post(
                "/api/v1/attempts/" + attempt + "/identity/decision",
                proctor,
                new JsonObject().put("approved", true).put("reason", "matches the ID card"));
        assertEquals(200, approved.status(), approved.body());
        assertEquals("approved", approved.json().getString("status"));
        assertEquals("p1", approved.json().getJsonObject("decision").getString("by"));
        assertEquals("approved", page.next("identity").getString("status"));
        Instant deadlineAfter = Instant.parse(page.next("deadline").getString("deadline"));
        // the exam is 50 minutes long; the clock starts with the approval, so the whole wait is the student's
        assertTrue(
                !deadlineAfter.isBefore(
                        beforeApproval.plus(java.time.Duration.ofMinutes(50)).minusMillis(1000)),
                "the clock starts when the questions are first served: " + deadlineAfter + " vs " + beforeApproval);

        JsonObject resumed = app.get("/api/v1/attempts/" + attempt, student).json();
        assertEquals(false, resumed.getJsonObject("proctoring").getBoolean("held"));
        assertEquals("approved", resumed.getJsonObject("proctoring").getString("identityStatus"));
        assertEquals(deadlineAfter.toString(), resumed.getString("deadline"));
        JsonObject q = resumed.getJsonArray("questions").getJsonObject(0);
        assertEquals(
                200,
                app.put(
                                "/api/v1/attempts/" + attempt + "/answers/" + q.getString("id"),
                                student,
                                new JsonObject().put("choices", new JsonArray()).put("seq", 1))
                        .status());

        JsonArray timeline = app.get("/api/v1/attempts/" + attempt + "/review", proctor)
                .json()
                .getJsonArray("timeline");
        assertTrue(
                timeline.encode().contains("identity-submitted")
                        && timeline.encode().contains("identity-approved"),
                "both are in the audit trail: " + timeline);
        page.close();
        dashboard.close();
    }

    @Test
    void aRejectionKeepsTheTestHeldAndTellsTheStudentWhy() throws Exception {
        String exam = ProctorFixtures.proctoredExam(app, teacher, "s3");
        String student = app.loginAs("s3");
        String attempt = ProctorFixtures.start(app, student, exam);
        TestSocket page = TestSocket.open(app, student).following(attempt);
        assertEquals(
                409,
                app.post(
                                "/api/v1/attempts/" + attempt + "/identity/decision",
                                proctor,
                                new JsonObject().put("approved", true))
                        .status(),
                "nothing to decide before photos arrive");
        identity(app, student, attempt, ONE_FACE, OTHER_FACE);
        app.post(
                "/api/v1/attempts/" + attempt + "/identity/decision",
                proctor,
                new JsonObject().put("approved", false).put("reason", "the ID card shows someone else"));
        JsonObject told = page.next("identity");
        assertEquals("rejected", told.getString("status"));
        assertEquals("the ID card shows someone else", told.getString("reason"));
        JsonObject view = app.get("/api/v1/attempts/" + attempt, student).json();
        assertEquals("rejected", view.getJsonObject("proctoring").getString("identityStatus"));
        assertEquals(
                "the ID card shows someone else",
                view.getJsonObject("proctoring").getString("identityReason"),
                "shown after a reload");
        assertEquals(true, view.getJsonObject("proctoring").getBoolean("held"));
        assertEquals(0, view.getJsonArray("questions").size());
        String onPaper = kz.emtihan.exam.model.Paper.decode(
                        app.redis(io.vertx.redis.client.Request.cmd(io.vertx.redis.client.Command.HGET)
                                        .arg(kz.emtihan.exam.ExamKeys.attempt(attempt))
                                        .arg("paper"))
                                .toString())
                .items()
                .get(0)
                .questionId();
        assertEquals(
                "identity-required",
                app.put(
                                "/api/v1/attempts/" + attempt + "/answers/" + onPaper,
                                student,
                                new JsonObject().put("choices", new JsonArray()).put("seq", 1))
                        .error(),
                "rejected: new photos are needed first");
        page.close();
    }

    @Test
    void anotherStudentCannotSendPhotosForAnAttempt() {
        String exam = ProctorFixtures.proctoredExam(app, teacher, "s4");
        String attempt = ProctorFixtures.start(app, app.loginAs("s4"), exam);
        assertEquals(
                403,
                identity(app, app.loginAs("s1"), attempt, ONE_FACE, OTHER_FACE).status());
    }
}
