package kz.emtihan.proctor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import kz.emtihan.TestEngine;
import kz.emtihan.media.objects.S3Objects;
import kz.emtihan.media.objects.TestS3;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 14 (1): two engine nodes on one Redis and one S3 bucket (a real S3 server, s3proxy, started here). A recording
 * uploaded through node A, resent in part through node B, plays through node B byte for byte (and ffprobe reads it);
 * snapshots and identity photos taken through A are served by B; retention run on B deletes the objects from the
 * bucket. Nothing of this is on either node's disk.
 */
class ObjectStorageTwoNodesTest {
    static final String BUCKET = "emtihan-two-nodes";
    static TestS3 s3;
    static TestEngine nodeA;
    static TestEngine nodeB;
    static S3Objects bucket;
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        s3 = TestS3.start();
        try {
            Map<String, String> env = new HashMap<>(s3.engineEnv(BUCKET));
            env.put("EMTIHAN_AUTH_JWT_SECRET", "a-secret-both-nodes-share-0123456789");
            env.put("EMTIHAN_PROCTORING_RETENTION_DAYS", "0");
            nodeA = TestEngine.start(env);
            env.put(
                    "EMTIHAN_REDIS_URL",
                    nodeA.engine().embeddedRedis().orElseThrow().url());
            nodeB = TestEngine.start(env);
            bucket = new S3Objects(s3.location(BUCKET));
            nodeA.users("teacher", "t1");
            nodeA.users("proctor", "p1");
            nodeA.users("student", "s1");
        } catch (RuntimeException e) {
            stop();
            throw e;
        }
    }

    @AfterAll
    static void stop() {
        if (bucket != null) bucket.close();
        if (nodeB != null) nodeB.close();
        if (nodeA != null) nodeA.close();
        s3.close();
    }

    /** A few seconds of real VP8 WebM, made by ffmpeg (installed by test.sh). */
    static byte[] webm() throws Exception {
        Path out = Files.createTempFile("emtihan-two-nodes", ".webm");
        try {
            Process p = new ProcessBuilder(
                            "ffmpeg",
                            "-v",
                            "error",
                            "-y",
                            "-f",
                            "lavfi",
                            "-i",
                            "testsrc=size=320x240:rate=10",
                            "-t",
                            "3",
                            "-c:v",
                            "libvpx",
                            "-b:v",
                            "300k",
                            "-f",
                            "webm",
                            out.toString())
                    .redirectErrorStream(true)
                    .start();
            String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(0, p.waitFor(), "ffmpeg: " + log);
            return Files.readAllBytes(out);
        } finally {
            Files.deleteIfExists(out);
        }
    }

    static HttpResponse<byte[]> raw(
            TestEngine node, String method, String path, String token, byte[] body, String... headers)
            throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(node.base() + path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token)
                .method(
                        method,
                        body == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofByteArray(body));
        for (int i = 0; i + 1 < headers.length; i += 2) b.header(headers[i], headers[i + 1]);
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    static HttpResponse<byte[]> putChunk(
            TestEngine node, String token, String attempt, int chunk, byte[] bytes, Instant start) throws Exception {
        return raw(
                node,
                "PUT",
                "/api/v1/attempts/" + attempt + "/recordings/camera/0/" + chunk,
                token,
                bytes,
                "Content-Type",
                "video/webm",
                "X-Segment-Start",
                start.toString());
    }

    @Test
    void aRecordingUploadedThroughOneNodePlaysThroughTheOtherAndRetentionEmptiesTheBucket() throws Exception {
        String teacher = nodeA.loginAs("t1");
        String proctor = nodeB.loginAs("p1");
        String student = nodeA.loginAs("s1");
        String exam = ProctorFixtures.proctoredExam(nodeA, teacher, "s1");
        String attempt = ProctorFixtures.startServed(nodeA, student, exam); // identity photos through node A
        Instant start = Instant.parse(
                nodeA.get("/api/v1/attempts/" + attempt, student).json().getString("startedAt"));

        byte[] video = webm();
        int size = video.length / 6 + 1; // six chunks, as a page sends them
        List<byte[]> chunks = new java.util.ArrayList<>();
        for (int at = 0; at < video.length; at += size)
            chunks.add(Arrays.copyOfRange(video, at, Math.min(video.length, at + size)));
        assertTrue(chunks.size() >= 3, "a few chunks: " + chunks.size());
        // chunk 0 through A, chunk 2 ahead of the gap through B, then the rest through A
        assertEquals(
                200, putChunk(nodeA, student, attempt, 0, chunks.get(0), start).statusCode());
        JsonObject ahead = new JsonObject(new String(
                putChunk(nodeB, student, attempt, 2, chunks.get(2), start).body()));
        assertEquals(1, ahead.getInteger("nextChunk"), "node B knows chunk 1 is missing");
        for (int i = 1; i < chunks.size(); i++) {
            if (i == 2) continue;
            assertEquals(
                    200,
                    putChunk(nodeA, student, attempt, i, chunks.get(i), start).statusCode());
        }
        JsonObject again = new JsonObject(new String(
                putChunk(nodeB, student, attempt, 1, chunks.get(1), start).body()));
        assertEquals(true, again.getBoolean("stored"), "a resend through the other node is acknowledged");
        assertEquals(
                1,
                bucket.list("recordings/" + attempt + "/camera/000000/").stream()
                        .filter(e -> e.key().contains("/000001."))
                        .count(),
                "and stored once");
        assertEquals(chunks.size(), again.getInteger("nextChunk"));
        assertEquals(
                409, putChunk(nodeB, student, attempt, 1, chunks.get(0), start).statusCode(), "other bytes");

        JsonObject list = nodeB.get("/api/v1/attempts/" + attempt + "/recordings", proctor)
                .json();
        JsonObject segment = list.getJsonArray("camera").getJsonObject(0);
        assertEquals(video.length, segment.getLong("bytes"));
        assertEquals(sha256(video), segment.getString("sha256"));
        HttpResponse<byte[]> played = raw(nodeB, "GET", segment.getString("url"), proctor, null);
        assertEquals(200, played.statusCode());
        assertArrayEquals(video, played.body(), "node B serves the bytes node A stored");
        int from = video.length / 5;
        int to = video.length * 3 / 5;
        HttpResponse<byte[]> part =
                raw(nodeB, "GET", segment.getString("url"), proctor, null, "Range", "bytes=" + from + "-" + to);
        assertEquals(206, part.statusCode());
        assertArrayEquals(Arrays.copyOfRange(video, from, to + 1), part.body(), "a range across chunk boundaries");
        assertTrue(ffprobeReads(played.body()), "ffprobe plays what node B serves");

        // snapshots and identity photos taken through A, served by B
        assertEquals(
                200,
                ProctorFixtures.snapshot(nodeA, student, attempt, ProctorFixtures.ONE_FACE)
                        .status());
        HttpResponse<byte[]> latest =
                raw(nodeB, "GET", "/api/v1/attempts/" + attempt + "/snapshots/latest", proctor, null);
        assertEquals(200, latest.statusCode());
        assertArrayEquals(ProctorFixtures.ONE_FACE, latest.body());
        HttpResponse<byte[]> face = raw(nodeB, "GET", "/api/v1/attempts/" + attempt + "/identity/face", proctor, null);
        assertEquals(200, face.statusCode());
        assertArrayEquals(ProctorFixtures.ONE_FACE, face.body());
        assertTrue(Files.notExists(nodeA.engine()
                .services()
                .config()
                .dataDir()
                .resolve("recordings")
                .resolve(attempt)));
        assertTrue(Files.notExists(nodeA.engine()
                .services()
                .config()
                .dataDir()
                .resolve("proctoring")
                .resolve(attempt)));

        // retention (0 days here) on node B deletes the attempt's objects from the bucket
        assertTrue(bucket.list("recordings/" + attempt + "/").size() > chunks.size(), "chunks and a start marker");
        assertEquals(
                200,
                nodeA.post("/api/v1/attempts/" + attempt + "/submit", student, null)
                        .status());
        List<String> deleted =
                nodeB.engine().services().proctor().retention().run().await(20, TimeUnit.SECONDS);
        assertTrue(deleted.contains(attempt), "deleted: " + deleted);
        assertEquals(List.of(), bucket.list("recordings/" + attempt + "/"), "no chunk left");
        assertEquals(List.of(), bucket.list("proctoring/" + attempt + "/"), "no snapshot or photo left");
        assertEquals(
                404, raw(nodeA, "GET", segment.getString("url"), proctor, null).statusCode());
    }

    private static boolean ffprobeReads(byte[] webm) throws Exception {
        Path file = Files.createTempFile("emtihan-played", ".webm");
        try {
            Files.write(file, webm);
            Process p = new ProcessBuilder(
                            "ffprobe",
                            "-v",
                            "error",
                            "-select_streams",
                            "v:0",
                            "-show_entries",
                            "stream=codec_name",
                            "-of",
                            "csv=p=0",
                            file.toString())
                    .redirectErrorStream(true)
                    .start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            return p.waitFor() == 0 && out.equals("vp8");
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static String sha256(byte[] b) throws Exception {
        return java.util.HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256").digest(b));
    }
}
