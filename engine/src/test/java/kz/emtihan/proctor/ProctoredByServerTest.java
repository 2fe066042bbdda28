package kz.emtihan.proctor;

import static kz.emtihan.proctor.ProctorFixtures.DARK;
import static kz.emtihan.proctor.ProctorFixtures.NO_FACE;
import static kz.emtihan.proctor.ProctorFixtures.ONE_FACE;
import static kz.emtihan.proctor.ProctorFixtures.OTHER_FACE;
import static kz.emtihan.proctor.ProctorFixtures.identity;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Request;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import kz.emtihan.Fixtures;
import kz.emtihan.TestEngine;
import kz.emtihan.TestSocket;
import kz.emtihan.exam.model.Paper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 10, 4: a proctored exam is proctored by the server, not by the page. Tried as an attacker would: a student
 * with a valid token calls the API directly, with no photos, no camera, no screen and no socket. Intervals are short
 * (snapshots 2 s, chunks 300 ms, socket 2 s, missing after 2 of them, no start-up grace) and the tests wait on the
 * flags arriving.
 */
class ProctoredByServerTest {
    static TestEngine app;
    static String teacher;
    static String proctor;
    static final Duration FLAG_WAIT = Duration.ofSeconds(20);

    @BeforeAll
    static void start() {
        app = TestEngine.start(Map.of(
                "EMTIHAN_PROCTORING_SNAPSHOT_SECONDS",
                "2",
                "EMTIHAN_PROCTORING_CHUNK_MILLIS",
                "300",
                "EMTIHAN_PROCTORING_SOCKET_SECONDS",
                "2",
                "EMTIHAN_PROCTORING_EVIDENCE_MISSING_AFTER",
                "2",
                "EMTIHAN_PROCTORING_PRECHECKS_PER_MINUTE",
                "3",
                "EMTIHAN_PROCTORING_EVIDENCE_GRACE_SECONDS",
                "0"));
        app.users("teacher", "t1");
        app.users("proctor", "p1");
        app.users("student", "s1", "s2", "s3", "s4", "s5", "s6", "s7");
        teacher = app.loginAs("t1");
        proctor = app.loginAs("p1");
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    private static String firstQuestion(String attempt) {
        return Paper.decode(app.redis(Request.cmd(Command.HGET)
                                .arg(kz.emtihan.exam.ExamKeys.attempt(attempt))
                                .arg("paper"))
                        .toString())
                .items()
                .get(0)
                .questionId();
    }

    private static String optionOf(String attempt) {
        return Paper.decode(app.redis(Request.cmd(Command.HGET)
                                .arg(kz.emtihan.exam.ExamKeys.attempt(attempt))
                                .arg("paper"))
                        .toString())
                .items()
                .get(0)
                .optionOrder()
                .get(0);
    }

    /** The evidence-missing flags of the attempt that arrive on the dashboard's socket, until {@code wanted} are all in. */
    private static Set<String> awaitMissing(TestSocket dashboard, String attempt, Set<String> wanted)
            throws InterruptedException {
        Set<String> seen = new HashSet<>();
        long giveUp = System.nanoTime() + FLAG_WAIT.toNanos();
        while (!seen.containsAll(wanted)) {
            Duration left = Duration.ofNanos(giveUp - System.nanoTime());
            if (left.isNegative())
                throw new AssertionError("only " + seen + " of " + wanted + " arrived for " + attempt);
            JsonObject event = dashboard.next("flag", left);
            JsonObject flag = event.getJsonObject("flag");
            if (attempt.equals(event.getString("attemptId")) && "evidence-missing".equals(flag.getString("kind"))) {
                assertEquals("high", flag.getString("severity"));
                seen.add(flag.getString("missing"));
            }
        }
        return seen;
    }

    @Test
    void anApiOnlyStudentGetsNoQuestionTakesNoAnswerAndIsListedFirstWithEvidenceMissing() throws Exception {
        String exam = ProctorFixtures.proctoredExam(app, teacher, "s1", "s2");
        TestSocket dashboard = TestSocket.open(app, proctor).subscribed(exam);
        // an honest classmate: photos in, socket open, one snapshot
        String honestToken = app.loginAs("s2");
        String honest = ProctorFixtures.startServed(app, honestToken, exam);
        TestSocket honestPage = TestSocket.open(app, honestToken).following(honest);
        assertEquals(
                200,
                ProctorFixtures.snapshot(app, honestToken, honest, ONE_FACE).status());

        String cheater = app.loginAs("s1");
        TestEngine.Reply started = app.post("/api/v1/exams/" + exam + "/attempts", cheater, null);
        assertEquals(201, started.status(), started.body());
        String attempt = started.json().getString("id");
        for (TestEngine.Reply view : List.of(
                started,
                app.get("/api/v1/attempts/" + attempt, cheater),
                app.post("/api/v1/exams/" + exam + "/attempts", cheater, null))) {
            assertEquals(
                    0,
                    view.json().getJsonArray("questions").size(),
                    "5.17.2: no question before the photos: " + view.body());
            assertFalse(view.body().contains("Question "), "no question text anywhere: " + view.body());
            assertNull(view.json().getValue("deadline"), "the clock has not started");
            assertEquals(false, view.json().getBoolean("clockStarted"));
        }

        String question = firstQuestion(attempt);
        TestEngine.Reply save = app.put(
                "/api/v1/attempts/" + attempt + "/answers/" + question,
                cheater,
                new JsonObject()
                        .put("choices", new JsonArray().add(optionOf(attempt)))
                        .put("seq", 1));
        assertEquals(409, save.status(), save.body());
        assertEquals("identity-required", save.error());
        TestEngine.Reply submitWithAnswers = app.post(
                "/api/v1/attempts/" + attempt + "/submit",
                cheater,
                new JsonObject()
                        .put("answers", new JsonObject().put(question, new JsonArray().add(optionOf(attempt)))));
        assertEquals(409, submitWithAnswers.status(), submitWithAnswers.body());
        assertEquals("identity-required", submitWithAnswers.error());
        TestEngine.Reply submit = app.post("/api/v1/attempts/" + attempt + "/submit", cheater, null);
        assertEquals("identity-required", submit.error(), submit.body());
        assertFalse(submit.body().contains("Question "));
        assertEquals(
                0L,
                app.redis(Request.cmd(Command.HLEN).arg(kz.emtihan.exam.ExamKeys.answers(attempt)))
                        .toLong(),
                "nothing stored");
        assertEquals(
                "in-progress",
                app.get("/api/v1/attempts/" + attempt, cheater).json().getString("status"));

        // no socket, no camera chunks, no screen chunks: the server notices by itself
        assertEquals(
                Set.of("socket", "camera-recording", "screen-recording"),
                awaitMissing(dashboard, attempt, Set.of("socket", "camera-recording", "screen-recording")));
        // the classmate's evidence arrives again (their gaps, if any, close)
        assertEquals(
                200,
                ProctorFixtures.snapshot(app, honestToken, honest, ONE_FACE).status());
        for (String stream : List.of("camera", "screen")) {
            TestEngine.Reply chunk = app.send(
                    "PUT",
                    "/api/v1/attempts/" + honest + "/recordings/" + stream + "/0/0",
                    honestToken,
                    "video/webm",
                    new byte[2_000],
                    "X-Segment-Start",
                    Instant.now().toString());
            assertEquals(200, chunk.status(), chunk.body());
        }
        JsonArray rows =
                app.get("/api/v1/exams/" + exam + "/proctoring", proctor).json().getJsonArray("students");
        JsonObject top = rows.getJsonObject(0);
        assertEquals("s1", top.getString("studentId"), "the stuck student is listed first: " + rows.encode());
        assertEquals("identity-missing", top.getString("stage"));
        assertEquals(true, top.getBoolean("stuck"));
        assertTrue(
                top.getJsonArray("missing")
                        .getList()
                        .containsAll(List.of("socket", "camera-recording", "screen-recording")),
                top.encode());
        assertTrue(top.getInteger("credibility") < 30, "no photos, no recording, no socket: " + top.encode());
        JsonObject other = rows.getJsonObject(1);
        assertEquals("s2", other.getString("studentId"));
        assertFalse(other.getBoolean("stuck"), other.encode());
        assertEquals(new JsonArray(), other.getJsonArray("missing"), other.encode());
        assertTrue(other.getInteger("credibility") > top.getInteger("credibility"), rows.encode());
        honestPage.close();
        dashboard.close();
    }

    @Test
    void theIdentityStepUsesNoExamTimeAndTheWindowStillBoundsTheClock() throws Exception {
        String exam = ProctorFixtures.proctoredExam(app, teacher, "s3");
        String student = app.loginAs("s3");
        String attempt = ProctorFixtures.start(app, student, exam);
        JsonObject held = app.get("/api/v1/attempts/" + attempt, student).json();
        Instant startedAt = Instant.parse(held.getString("startedAt"));
        Instant closesAt = Instant.parse(held.getString("closesAt"));
        assertEquals(
                closesAt.toEpochMilli(),
                app.redis(Request.cmd(Command.ZSCORE)
                                .arg(kz.emtihan.exam.ExamKeys.deadlines(exam))
                                .arg(attempt))
                        .toLong(),
                "a held attempt is still closed by the sweeper at the window's close");

        Instant beforePhotos = Instant.now();
        JsonObject sent = identity(app, student, attempt, ONE_FACE, OTHER_FACE).json();
        Instant deadline = Instant.parse(sent.getString("deadline"));
        Instant servedAt = deadline.minus(Duration.ofMinutes(50));
        assertTrue(
                servedAt.isAfter(startedAt),
                "the clock starts with the questions, not at the start: " + servedAt + " " + startedAt);
        assertFalse(servedAt.isBefore(beforePhotos.minusMillis(500)), servedAt + " vs " + beforePhotos);
        JsonObject served = app.get("/api/v1/attempts/" + attempt, student).json();
        assertEquals(deadline.toString(), served.getString("deadline"));
        assertEquals(true, served.getBoolean("clockStarted"));
        assertTrue(served.getJsonArray("questions").size() > 0);
        assertEquals(
                deadline.toEpochMilli(),
                app.redis(Request.cmd(Command.ZSCORE)
                                .arg(kz.emtihan.exam.ExamKeys.deadlines(exam))
                                .arg(attempt))
                        .toLong());
        String log = app.redis(Request.cmd(Command.LRANGE)
                        .arg(kz.emtihan.exam.ExamKeys.log(attempt))
                        .arg(0)
                        .arg(-1))
                .toString();
        assertTrue(log.contains("clock-started"), log);

        // the window's close still bounds it: an exam closing in 20 minutes gives 20, not 50
        Instant now = Instant.now();
        JsonObject closing = Fixtures.attestation(
                Fixtures.validBank(app, teacher), now.minus(Duration.ofHours(1)), now.plus(Duration.ofMinutes(20)));
        closing.getJsonObject("proctoring").put("identity", true);
        String soon = Fixtures.exam(app, teacher, closing, "s4");
        String other = app.loginAs("s4");
        String short1 = ProctorFixtures.start(app, other, soon);
        JsonObject late = identity(app, other, short1, ONE_FACE, OTHER_FACE).json();
        assertEquals(
                Instant.parse(closing.getString("closesAt")).toEpochMilli(),
                Instant.parse(late.getString("deadline")).toEpochMilli());

        // an unproctored exam starts its clock at the start, as before
        JsonObject plain = Fixtures.attestation(
                Fixtures.validBank(app, teacher), now.minus(Duration.ofHours(1)), now.plus(Duration.ofDays(1)));
        plain.put(
                "proctoring",
                new JsonObject().put("camera", false).put("screen", false).put("identity", false));
        String plainExam = Fixtures.exam(app, teacher, plain, "s5");
        JsonObject plainView = app.post("/api/v1/exams/" + plainExam + "/attempts", app.loginAs("s5"), null)
                .json();
        assertEquals(
                Instant.parse(plainView.getString("startedAt")).plus(Duration.ofMinutes(50)),
                Instant.parse(plainView.getString("deadline")));
        assertEquals(true, plainView.getBoolean("clockStarted"));
    }

    @Test
    void stoppedSnapshotsRaiseOneFlagPerGapEvenWithSeveralScannersAndTheirReturnIsNoted() throws Exception {
        String exam = ProctorFixtures.proctoredExam(app, teacher, "s6");
        TestSocket dashboard = TestSocket.open(app, proctor).subscribed(exam);
        String student = app.loginAs("s6");
        String attempt = ProctorFixtures.startServed(app, student, exam);
        TestSocket page = TestSocket.open(app, student).following(attempt);
        assertEquals(
                200, ProctorFixtures.snapshot(app, student, attempt, ONE_FACE).status());
        awaitMissing(dashboard, attempt, Set.of("snapshots"));

        // several nodes scanning the same sets at once (this one's timer is running too): the gap is claimed once
        EvidenceWatch watch = app.engine().services().proctor().evidence();
        List<Future<Integer>> scans = new ArrayList<>();
        for (int i = 0; i < 6; i++) scans.add(watch.scan());
        Future.all(scans).await(10, TimeUnit.SECONDS);
        JsonArray flags =
                app.get("/api/v1/attempts/" + attempt + "/flags", proctor).array();
        long snapshotGaps = flags.stream()
                .map(JsonObject.class::cast)
                .filter(f ->
                        "evidence-missing".equals(f.getString("kind")) && "snapshots".equals(f.getString("missing")))
                .count();
        assertEquals(1, snapshotGaps, "one flag per gap: " + flags.encode());
        assertTrue(app.get("/api/v1/exams/" + exam + "/proctoring", proctor)
                .json()
                .getJsonArray("students")
                .getJsonObject(0)
                .getJsonArray("missing")
                .contains("snapshots"));

        assertEquals(
                200, ProctorFixtures.snapshot(app, student, attempt, ONE_FACE).status());
        JsonObject resumed = dashboard.next("evidence-resumed", FLAG_WAIT);
        while (!"snapshots".equals(resumed.getString("evidence")))
            resumed = dashboard.next("evidence-resumed", FLAG_WAIT);
        assertEquals(attempt, resumed.getString("attemptId"));
        assertTrue(resumed.getLong("missingMillis") > 4_000, resumed.encode());
        String timeline = app.get("/api/v1/attempts/" + attempt + "/review", proctor)
                .json()
                .getJsonArray("timeline")
                .encode();
        assertTrue(timeline.contains("evidence-resumed"), "the return is in the audit trail: " + timeline);
        page.close();
        dashboard.close();
    }

    @Test
    void thePrecheckRefusesACameraInWhichItFindsNoFace() {
        String student = app.loginAs("s7");
        JsonObject face = app.send("POST", "/api/v1/proctoring/precheck/face", student, "image/jpeg", ONE_FACE)
                .json();
        assertEquals(true, face.getBoolean("ok"), face.encode());
        assertEquals(1, face.getInteger("faces"));
        JsonObject none = app.send("POST", "/api/v1/proctoring/precheck/face", student, "image/jpeg", NO_FACE)
                .json();
        assertEquals(false, none.getBoolean("ok"));
        assertEquals("no-face", none.getString("problem"));
        JsonObject dark = app.send("POST", "/api/v1/proctoring/precheck/face", student, "image/jpeg", DARK)
                .json();
        assertEquals(false, dark.getBoolean("ok"));
        assertEquals("too-dark", dark.getString("problem"));
        TestEngine.Reply limited =
                app.send("POST", "/api/v1/proctoring/precheck/face", student, "image/jpeg", ONE_FACE);
        assertEquals(429, limited.status(), "three a minute in this test's config: " + limited.body());
        assertEquals("too-many-prechecks", limited.error());

        String another = app.loginAs("s5");
        assertEquals(
                415,
                app.send("POST", "/api/v1/proctoring/precheck/face", another, "text/plain", "hello".getBytes())
                        .status());
        assertEquals(
                "bad-image",
                app.send("POST", "/api/v1/proctoring/precheck/face", another, "image/jpeg", "not a jpeg".getBytes())
                        .error());
        assertEquals(
                413,
                app.send(
                                "POST",
                                "/api/v1/proctoring/precheck/face",
                                another,
                                "image/jpeg",
                                new byte[4 * 1024 * 1024 + 1])
                        .status());
        assertEquals(
                401,
                app.send("POST", "/api/v1/proctoring/precheck/face", null, "image/jpeg", ONE_FACE)
                        .status());
    }
}
