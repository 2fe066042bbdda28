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

    /**
     * Issue 14 (1): a proctored attempt's view tells the page each stream's next segment number, which with a bucket
     * is a LIST per stream. Measured here: a start lists nothing (nothing can be recorded yet), the first reload lists
     * both streams, a second reload within 30 s is answered by the node's cache. Before: 2 LISTs per start and per
     * reload.
     */
    @Test
    void attemptStartsListNothingAndReloadsAreCached() {
        String teacher = nodeA.loginAs("t1");
        String[] students = {"c1", "c2", "c3", "c4", "c5"};
        nodeA.users("student", students);
        String exam = ProctorFixtures.proctoredExam(nodeA, teacher, students);
        var recordings = (kz.emtihan.media.recording.ObjectRecordings)
                ((MediaStorage) nodeA.engine().services().proctor().storage()).recordings();
        long[] before = recordings.nextSegmentCalls();
        Map<String, String> attempts = new HashMap<>();
        for (String s : students) {
            String token = nodeA.loginAs(s);
            attempts.put(ProctorFixtures.start(nodeA, token, exam), token);
        }
        long[] started = recordings.nextSegmentCalls();
        assertEquals(before[0], started[0], "a start lists nothing");
        assertEquals(before[1], started[1]);
        for (var a : attempts.entrySet()) {
            for (int reload = 0; reload < 2; reload++) {
                JsonObject view = nodeA.get("/api/v1/attempts/" + a.getKey(), a.getValue())
                        .json();
                assertEquals(
                        0,
                        view.getJsonObject("proctoring")
                                .getJsonObject("nextSegments")
                                .getInteger("camera"));
            }
        }
        long[] reloaded = recordings.nextSegmentCalls();
        assertEquals(2L * students.length, reloaded[0] - started[0], "the first reload lists camera and screen");
        assertEquals(2L * students.length, reloaded[1] - started[1], "the second is answered by the cache");
    }

    /**
     * Issue 14 (1): enrolment photos, sitting photos and bank media keep their bytes in the bucket, not in Redis; node
     * B serves what was stored through node A with the same types; items kept in Redis before are still served.
     */
    @Test
    void photosAndBankMediaKeepTheirBytesInTheBucketAndOldOnesAreStillRead() throws Exception {
        nodeA.users("student", "ph1", "ph2");
        nodeA.users("commission", "pc1", "pm1", "pm2", "pac", "pad");
        nodeA.users("secretary", "psec");
        nodeA.users("teacher", "pt1");
        String admin = nodeA.admin();
        byte[] face = ProctorFixtures.ONE_FACE;

        // enrolment photo through A, served by B; no bytes in Redis, one object in the bucket
        assertEquals(
                200,
                raw(nodeA, "PUT", "/api/v1/users/ph1/photo", admin, face, "Content-Type", "image/jpeg")
                        .statusCode());
        HttpResponse<byte[]> enrolment = raw(nodeB, "GET", "/api/v1/users/ph1/photo", nodeB.loginAs("ph1"), null);
        assertEquals(200, enrolment.statusCode());
        assertEquals(
                "image/jpeg", enrolment.headers().firstValue("Content-Type").orElse(""));
        assertArrayEquals(face, enrolment.body());
        assertEquals(
                null,
                nodeA.redis(io.vertx.redis.client.Request.cmd(io.vertx.redis.client.Command.GET)
                        .arg(kz.emtihan.auth.AuthKeys.userPhoto("ph1"))),
                "no bytes in Redis");
        assertEquals(1, bucket.list("user-photos/").size());
        // a photo kept in Redis before the bucket is still served
        byte[] old = ProctorFixtures.OTHER_FACE;
        nodeA.redis(io.vertx.redis.client.Request.cmd(io.vertx.redis.client.Command.SET)
                .arg(kz.emtihan.auth.AuthKeys.userPhoto("ph2"))
                .arg(io.vertx.core.buffer.Buffer.buffer(old)));
        nodeA.redis(io.vertx.redis.client.Request.cmd(io.vertx.redis.client.Command.HSET)
                .arg(kz.emtihan.auth.AuthKeys.user("ph2"))
                .arg("photo")
                .arg(new JsonObject()
                        .put("contentType", "image/png")
                        .put("bytes", old.length)
                        .put("sha256", sha256(old))
                        .put("at", Instant.now().toString())
                        .put("by", "admin")
                        .encode()));
        HttpResponse<byte[]> before = raw(nodeB, "GET", "/api/v1/users/ph2/photo", admin, null);
        assertEquals(200, before.statusCode());
        assertArrayEquals(old, before.body(), "an enrolment photo from before the bucket");
        assertEquals(
                204,
                raw(nodeA, "DELETE", "/api/v1/users/ph1/photo", admin, null).statusCode());
        assertEquals(List.of(), bucket.list("user-photos/"), "removing the photo empties its folder");

        // bank media through A, served by B with its type; content-addressed in the bucket
        String teacher = nodeA.loginAs("pt1");
        String bank = kz.emtihan.Fixtures.validBank(nodeA, teacher);
        HttpResponse<byte[]> added =
                raw(nodeA, "POST", "/api/v1/banks/" + bank + "/media", teacher, face, "Content-Type", "image/jpeg");
        assertEquals(201, added.statusCode(), new String(added.body()));
        String hash = new JsonObject(new String(added.body())).getString("hash");
        assertEquals(
                List.of("bank-media/" + hash),
                bucket.list("bank-media/").stream().map(e -> e.key()).toList());
        HttpResponse<byte[]> media =
                raw(nodeB, "GET", "/api/v1/banks/" + bank + "/media/" + hash, nodeB.loginAs("pt1"), null);
        assertEquals(200, media.statusCode());
        assertEquals("image/jpeg", media.headers().firstValue("Content-Type").orElse(""));
        assertArrayEquals(face, media.body());
        String oldHash = sha256(old);
        nodeA.redis(io.vertx.redis.client.Request.cmd(io.vertx.redis.client.Command.HSET)
                .arg(kz.emtihan.bank.BankKeys.bankMedia(bank))
                .arg(oldHash)
                .arg(io.vertx.core.buffer.Buffer.buffer(old))
                .arg(oldHash + ":type")
                .arg("image/png"));
        HttpResponse<byte[]> oldMedia =
                raw(nodeB, "GET", "/api/v1/banks/" + bank + "/media/" + oldHash, nodeB.loginAs("pt1"), null);
        assertEquals(200, oldMedia.statusCode());
        assertArrayEquals(old, oldMedia.body(), "a bank file from before the bucket");

        // a sitting's ID-card photo through A, served by B to the student
        JsonObject body = new JsonObject()
                .put("kind", "thesis-defence")
                .put("title", "Defences")
                .put("date", kz.emtihan.sitting.SittingDays.today())
                .put("language", "ru")
                .put(
                        "commission",
                        new JsonObject()
                                .put("chair", "pc1")
                                .put(
                                        "members",
                                        new io.vertx.core.json.JsonArray()
                                                .add("pm1")
                                                .add("pm2"))
                                .put("secretary", "psec"))
                .put(
                        "appealCommission",
                        new JsonObject()
                                .put("chair", "pac")
                                .put("deputy", "pad")
                                .put("members", new io.vertx.core.json.JsonArray()))
                .put("students", new io.vertx.core.json.JsonArray().add("ph1").add("ph2"))
                .put("videoLink", "");
        String sitting = nodeA.post("/api/v1/sittings", admin, body).json().getString("id");
        String path = "/api/v1/sittings/" + sitting + "/students/ph1/photos/id-card";
        assertEquals(
                200,
                raw(nodeA, "PUT", path, nodeA.loginAs("ph1"), face, "Content-Type", "image/jpeg")
                        .statusCode());
        HttpResponse<byte[]> card = raw(nodeB, "GET", path, nodeB.loginAs("ph1"), null);
        assertEquals(200, card.statusCode());
        assertArrayEquals(face, card.body());
        assertEquals(1, bucket.list("sitting-photos/").size());
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
