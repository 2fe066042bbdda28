package kz.emtihan.proctor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import kz.emtihan.TestEngine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Issue 4, 4 and 7: chunked camera/screen upload, resumable without gaps or duplicates, served seekable to watchers only. */
class RecordingsTest {
    static TestEngine app;
    static String teacher;
    static String proctor;

    @BeforeAll
    static void start() {
        app = TestEngine.start(Map.of("EMTIHAN_PROCTORING_MAX_CHUNK_BYTES", "65536"));
        app.users("teacher", "t1");
        app.users("proctor", "p1");
        app.users("student", "s1", "s2");
        teacher = app.loginAs("t1");
        proctor = app.loginAs("p1");
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    static byte[] chunk(int n) {
        byte[] b = new byte[10_000 + n];
        Arrays.fill(b, (byte) ('a' + n % 26));
        return b;
    }

    static TestEngine.Reply put(
            String token, String attempt, String stream, int segment, int chunk, byte[] body, Instant start) {
        return app.send(
                "PUT",
                "/api/v1/attempts/" + attempt + "/recordings/" + stream + "/" + segment + "/" + chunk,
                token,
                "video/webm",
                body,
                "X-Segment-Start",
                start.toString());
    }

    @Test
    void aResentOrLateChunkLeavesTheSegmentWithoutGapsOrDuplicates() {
        String exam = ProctorFixtures.proctoredExam(app, teacher, "s1");
        String student = app.loginAs("s1");
        String attempt = ProctorFixtures.startServed(app, student, exam);
        Instant start = Instant.parse(
                app.get("/api/v1/attempts/" + attempt, student).json().getString("startedAt"));

        assertEquals(200, put(student, attempt, "camera", 0, 0, chunk(0), start).status());
        JsonObject ahead =
                put(student, attempt, "camera", 0, 2, chunk(2), start).json();
        assertEquals(1, ahead.getInteger("nextChunk"), "chunk 1 is still missing");
        JsonObject filled =
                put(student, attempt, "camera", 0, 1, chunk(1), start).json();
        assertEquals(3, filled.getInteger("nextChunk"), "the gap filled and the waiting chunk followed");
        JsonObject again =
                put(student, attempt, "camera", 0, 1, chunk(1), start).json();
        assertEquals(true, again.getBoolean("duplicate"));
        TestEngine.Reply conflict = put(student, attempt, "camera", 0, 1, chunk(7), start);
        assertEquals(409, conflict.status());
        assertEquals("chunk-conflict", conflict.error());
        assertEquals(200, put(student, attempt, "screen", 0, 0, chunk(3), start).status());

        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        for (int i = 0; i < 3; i++) expected.writeBytes(chunk(i));
        JsonObject list =
                app.get("/api/v1/attempts/" + attempt + "/recordings", proctor).json();
        JsonArray camera = list.getJsonArray("camera");
        assertEquals(1, camera.size());
        assertEquals(expected.size(), camera.getJsonObject(0).getLong("bytes"));
        assertEquals(start.toString(), camera.getJsonObject(0).getString("startsAt"));
        assertEquals(1, list.getJsonArray("screen").size());
        double coverage = list.getDouble("coverage");
        assertTrue(coverage > 0 && coverage <= 1, "a running attempt is covered so far: " + coverage);

        JsonObject next = app.get("/api/v1/attempts/" + attempt, student)
                .json()
                .getJsonObject("proctoring")
                .getJsonObject("nextSegments");
        assertEquals(
                new JsonObject().put("camera", 1).put("screen", 1),
                next,
                "a new tab goes on after the stored segments");

        String url = camera.getJsonObject(0).getString("url");
        assertArrayEquals(expected.toByteArray(), app.getBytes(url, proctor));
        byte[] tail = app.getBytes(url, proctor, "Range", "bytes=10000-10009");
        assertArrayEquals(
                Arrays.copyOfRange(expected.toByteArray(), 10_000, 10_010), tail, "seekable: a range is served");
        TestEngine.Reply ranged = app.send("GET", url, proctor, null, null, "Range", "bytes=10000-10009");
        assertEquals(206, ranged.status());
        assertEquals(
                "bytes 10000-10009/" + expected.size(),
                ranged.headers().firstValue("Content-Range").orElse(""));
        assertEquals(
                416,
                app.send("GET", url, proctor, null, null, "Range", "bytes=999999-")
                        .status());
    }

    @Test
    void onlyTheStudentUploadsAndOnlyWatchersSeeAndBadChunksAreRefused() {
        String exam = ProctorFixtures.proctoredExam(app, teacher, "s2");
        String student = app.loginAs("s2");
        String attempt = ProctorFixtures.startServed(app, student, exam);
        Instant now = Instant.now();
        assertEquals(
                403,
                put(app.loginAs("s1"), attempt, "camera", 0, 0, chunk(0), now).status());
        assertEquals(
                404, put(student, attempt, "microphone", 0, 0, chunk(0), now).status());
        assertEquals(400, put(student, attempt, "camera", -1, 0, chunk(0), now).status());
        assertEquals(
                400, put(student, attempt, "camera", 0, 0, new byte[0], now).status());
        assertEquals(
                413,
                put(student, attempt, "camera", 0, 0, new byte[70_000], now).status());
        assertEquals(
                400,
                app.send(
                                "PUT",
                                "/api/v1/attempts/" + attempt + "/recordings/camera/0/0",
                                student,
                                "video/webm",
                                chunk(0),
                                "X-Segment-Start",
                                "soon")
                        .status());
        assertEquals(
                0,
                app.get("/api/v1/attempts/" + attempt + "/recordings", proctor)
                        .json()
                        .getJsonArray("camera")
                        .size(),
                "nothing was stored");
        assertEquals(
                403,
                app.get("/api/v1/attempts/" + attempt + "/recordings", student).status(),
                "recordings are for watchers");
        assertEquals(200, put(student, attempt, "camera", 0, 0, chunk(0), now).status());
        assertEquals(
                403,
                app.send("GET", "/api/v1/attempts/" + attempt + "/recordings/camera/0", student, null, null)
                        .status());
        assertEquals(
                403,
                app.send("GET", "/api/v1/attempts/" + attempt + "/recordings/camera/0", teacherOf("t2"), null, null)
                        .status(),
                "another teacher's exam");
        assertEquals(
                404,
                app.send("GET", "/api/v1/attempts/" + attempt + "/recordings/camera/5", proctor, null, null)
                        .status());
    }

    private static String teacherOf(String id) {
        app.users("teacher", id);
        return app.loginAs(id);
    }
}
