package kz.emtihan.proctor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import kz.emtihan.TestEngine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 4, 6-7: the reviewer's verdict in the audit trail, the student's view of a reviewed attempt, media deleted
 * after the retention period, and a full disk answered with 507 and a flag while the exam goes on.
 */
class ReviewAndRetentionTest {
    static TestEngine app;
    static String teacher;
    static String proctor;

    @BeforeAll
    static void start() {
        // retention 0 days: an attempt's media may go as soon as it ends; a floor no disk meets: every chunk finds the
        // disk "full"
        app = TestEngine.start(Map.of(
                "EMTIHAN_PROCTORING_RETENTION_DAYS",
                "0",
                "EMTIHAN_PROCTORING_MIN_FREE_BYTES",
                Long.toString(Long.MAX_VALUE / 2)));
        app.users("teacher", "t1");
        app.users("proctor", "p1");
        app.users("student", "s1", "s2", "s3");
        teacher = app.loginAs("t1");
        proctor = app.loginAs("p1");
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void aVerdictNeedsAFinishedAttemptAndAReasonAndIsShownToItsStudent() {
        String exam = ProctorFixtures.proctoredExam(app, teacher, "s1");
        String student = app.loginAs("s1");
        String attempt = ProctorFixtures.startServed(app, student, exam);
        app.post("/api/v1/attempts/" + attempt + "/events", student, new JsonObject().put("type", "paste"));
        JsonObject verdict = new JsonObject().put("verdict", "suspicious").put("comment", "pasted text at 10:02");
        assertEquals(
                "attempt-open",
                app.post("/api/v1/attempts/" + attempt + "/review", proctor, verdict)
                        .error());
        app.post("/api/v1/attempts/" + attempt + "/submit", student, null);
        assertEquals(
                403, app.get("/api/v1/attempts/" + attempt + "/review", student).status(), "not before it is reviewed");
        assertEquals(
                400,
                app.post("/api/v1/attempts/" + attempt + "/review", proctor, new JsonObject().put("verdict", "guilty"))
                        .status());
        assertEquals(
                "comment-required",
                app.post(
                                "/api/v1/attempts/" + attempt + "/review",
                                proctor,
                                new JsonObject().put("verdict", "violation"))
                        .error());
        assertEquals(
                403,
                app.post("/api/v1/attempts/" + attempt + "/review", student, verdict)
                        .status());

        JsonObject review = app.post("/api/v1/attempts/" + attempt + "/review", proctor, verdict)
                .json();
        assertEquals("suspicious", review.getJsonObject("verdict").getString("verdict"));
        assertEquals("p1", review.getJsonObject("verdict").getString("by"));
        // issue 15 (2): the page shows the people the review mentions by name
        assertEquals("s1", review.getString("studentName"));
        assertEquals(
                "p1",
                review.getJsonObject("people").getString("p1"),
                review.getJsonObject("people").encode());
        assertEquals(
                (int) Math.round((50 + (100 - 6) / 2.0) / 2),
                review.getJsonObject("credibility").getInteger("score").intValue(),
                "one medium flag and no recording at all: " + review.getJsonObject("credibility"));
        String timeline = review.getJsonArray("timeline").encode();
        assertTrue(
                timeline.contains("\"paste\"")
                        && timeline.contains("\"review\"")
                        && timeline.contains("attempt-submitted"),
                timeline);

        // issue 11: the flag's detail and the credibility explanation in the reader's language, keys and args beside
        JsonObject ru = app.send(
                        "GET",
                        "/api/v1/attempts/" + attempt + "/review",
                        proctor,
                        null,
                        null,
                        "Accept-Language",
                        "ru-RU,ru;q=0.9")
                .json();
        JsonObject flag = ru.getJsonArray("flags").getJsonObject(0);
        assertEquals("сообщено страницей экзамена", flag.getString("detail"), flag.encode());
        assertEquals("flag.page-reported", flag.getString("detailKey"));
        JsonObject credibility = ru.getJsonObject("credibility");
        assertEquals("credibility.formula", credibility.getString("formulaKey"));
        assertTrue(credibility.getString("formula").startsWith("округлить"), credibility.encode());
        JsonObject pasted = credibility.getJsonArray("penalties").getJsonObject(0);
        assertEquals("1 × вставка", pasted.getString("reason"), pasted.encode());
        assertEquals(1, pasted.getJsonObject("reasonArgs").getInteger("n"));
        assertEquals(
                "1 × pasting",
                review.getJsonObject("credibility")
                        .getJsonArray("penalties")
                        .getJsonObject(0)
                        .getString("reason"),
                "no Accept-Language: English");
        TestEngine.Reply kk = app.send(
                "POST",
                "/api/v1/attempts/" + attempt + "/review",
                proctor,
                "application/json",
                new JsonObject().put("verdict", "violation").encode().getBytes(),
                "Accept-Language",
                "kk");
        assertEquals("comment-required", kk.error());
        assertEquals(
                "«бұзушылық» шешімінің неге негізделгенін жазыңыз.", kk.json().getString("message"));

        JsonObject seen =
                app.get("/api/v1/attempts/" + attempt + "/review", student).json();
        assertEquals("suspicious", seen.getJsonObject("verdict").getString("verdict"));
        assertEquals(
                403,
                app.get("/api/v1/attempts/" + attempt + "/review", app.loginAs("s2"))
                        .status());
    }

    @Test
    void aFullDiskRefusesTheChunkRaisesAFlagAndTheExamGoesOn() {
        String exam = ProctorFixtures.proctoredExam(app, teacher, "s2");
        String student = app.loginAs("s2");
        JsonObject started =
                app.post("/api/v1/exams/" + exam + "/attempts", student, null).json();
        String attempt = started.getString("id");
        // 5.17.2: the questions are served once the identity photos are in
        ProctorFixtures.identity(app, student, attempt, ProctorFixtures.ONE_FACE, ProctorFixtures.OTHER_FACE);
        started = app.get("/api/v1/attempts/" + attempt, student).json();
        TestEngine.Reply full = app.send(
                "PUT",
                "/api/v1/attempts/" + attempt + "/recordings/camera/0/0",
                student,
                "video/webm",
                new byte[1000],
                "X-Segment-Start",
                Instant.now().toString());
        assertEquals(507, full.status());
        assertEquals("storage-full", full.error());
        app.send(
                "PUT", "/api/v1/attempts/" + attempt + "/recordings/camera/0/0", student, "video/webm", new byte[1000]);
        List<String> kinds = app.get("/api/v1/attempts/" + attempt + "/flags", proctor).array().stream()
                .map(f -> ((JsonObject) f).getString("kind"))
                .toList();
        assertEquals(List.of("storage-full"), kinds, "one flag, not one per refused chunk");
        JsonObject q = started.getJsonArray("questions").getJsonObject(0);
        assertEquals(
                200,
                app.put(
                                "/api/v1/attempts/" + attempt + "/answers/" + q.getString("id"),
                                student,
                                new JsonObject().put("seq", 1).put("choices", new io.vertx.core.json.JsonArray()))
                        .status(),
                "answers are still taken");
    }

    @Test
    void mediaIsDeletedAfterTheRetentionPeriodAndTheDeletionIsAudited() throws Exception {
        String exam = ProctorFixtures.proctoredExam(app, teacher, "s3");
        String student = app.loginAs("s3");
        String attempt = ProctorFixtures.startServed(app, student, exam);
        ProctorFixtures.snapshot(app, student, attempt, ProctorFixtures.ONE_FACE);
        Path media =
                app.engine().services().config().dataDir().resolve("proctoring").resolve(attempt);
        assertTrue(Files.exists(media.resolve("latest.jpg")));

        List<String> first = app.engine().services().proctor().retention().run().await(10, TimeUnit.SECONDS);
        assertFalse(first.contains(attempt), "a running attempt keeps its media");
        app.post("/api/v1/attempts/" + attempt + "/submit", student, null);
        List<String> second =
                app.engine().services().proctor().retention().run().await(10, TimeUnit.SECONDS);
        assertTrue(second.contains(attempt), second.toString());
        assertFalse(Files.exists(media), "snapshots and photos are gone");
        assertEquals(
                404,
                app.get("/api/v1/attempts/" + attempt + "/snapshots/latest", proctor)
                        .status());
        assertTrue(app.get("/api/v1/attempts/" + attempt + "/review", proctor)
                .json()
                .getJsonArray("timeline")
                .encode()
                .contains("media-deleted"));
    }

    @Test
    void aSittingsRecordingsGoAfterTheSamePeriodWithoutAnAttemptsAuditEntry() throws Exception {
        Path room =
                app.engine().services().config().dataDir().resolve("kurento").resolve("sRoomOfASitting");
        Files.createDirectories(room);
        Path file = room.resolve("abcdefghijklmnop-1.webm");
        Files.write(file, new byte[] {0x1a, 0x45, (byte) 0xdf, (byte) 0xa3});
        // written an hour ago, the file and its folder (retention takes the newest of them since issue 14's uploads;
        // a file stamped "now" raced the server's clock against a period of 0 days)
        java.nio.file.attribute.FileTime hourAgo =
                java.nio.file.attribute.FileTime.from(java.time.Instant.now().minusSeconds(3600));
        Files.setLastModifiedTime(file, hourAgo);
        Files.setLastModifiedTime(room, hourAgo);
        List<String> deleted =
                app.engine().services().proctor().retention().run().await(10, TimeUnit.SECONDS);
        assertTrue(deleted.contains("sRoomOfASitting"), deleted.toString());
        assertFalse(Files.exists(room), "older than the period (0 days here): gone");
        assertEquals(
                0L,
                app.redis(io.vertx.redis.client.Request.cmd(io.vertx.redis.client.Command.EXISTS)
                                .arg("proctor:sRoomOfASitting:audit")
                                .arg("proctor:sRoomOfASitting"))
                        .toLong(),
                "no proctoring record is made up for it");
    }
}
