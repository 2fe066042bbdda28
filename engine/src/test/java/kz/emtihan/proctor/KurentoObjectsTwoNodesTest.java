package kz.emtihan.proctor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import kz.emtihan.TestEngine;
import kz.emtihan.media.objects.ObjectStore;
import kz.emtihan.media.objects.S3Objects;
import kz.emtihan.media.objects.TestS3;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Issue 14 (1): a Kurento Media Server's recordings through the object store. Node A is the node whose disk the media
 * server writes to; a real WebM (ffmpeg) is written there as KMS names it. When the attempt is finished through A the
 * file goes to the bucket (s3proxy) and leaves A's disk; node B, which never saw the file, lists and plays it byte for
 * byte and by range; retention on B deletes it from the bucket. A file left on A's disk before A started (a crash)
 * is found and uploaded by the start. Issue 17 (2): node A talks to the real KMS test.sh starts ({@code EMTIHAN_KMS_URL};
 * without it, a closed port), so releasing the attempt's media on the server is the step that follows its stopped
 * recorders; the file itself is written here, as KMS names it (the recording through KMS is KurentoRelayTest's).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class) // the leftover is looked at before retention (0 days) runs
class KurentoObjectsTwoNodesTest {
    static final String BUCKET = "emtihan-kurento";
    static final String LEFTOVER = "room-left-behind";
    static TestS3 s3;
    static TestEngine nodeA;
    static TestEngine nodeB;
    static S3Objects bucket;
    static Path dataA;
    static byte[] video;

    @BeforeAll
    static void start() throws Exception {
        video = ObjectStorageTwoNodesTest.webm();
        s3 = TestS3.start();
        try {
            dataA = Files.createTempDirectory("emtihan-kms-node-a");
            // a room's recording left on A's disk by a crash an hour ago: the start must find it
            Path left = dataA.resolve("kurento").resolve(LEFTOVER).resolve("abcdefabcdefabcd-1700000000000.webm");
            Files.createDirectories(left.getParent());
            Files.write(left, video);
            Files.setLastModifiedTime(left, FileTime.from(Instant.now().minus(Duration.ofHours(1))));

            Map<String, String> env = new HashMap<>(s3.engineEnv(BUCKET));
            env.put("EMTIHAN_AUTH_JWT_SECRET", "a-secret-both-nodes-share-0123456789");
            env.put("EMTIHAN_PROCTORING_RETENTION_DAYS", "0");
            env.put(
                    "EMTIHAN_MEDIA_KURENTO_URL",
                    kz.emtihan.media.kurento.RealKms.url()
                            .map(Object::toString)
                            .orElse("ws://127.0.0.1:" + closedPort() + "/kurento"));
            Map<String, String> envA = new HashMap<>(env);
            envA.put("EMTIHAN_DATA_DIR", dataA.toString());
            nodeA = TestEngine.start(envA);
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

    private static int closedPort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** Polls until the condition holds (no sleeping on a guess), failing after the deadline. */
    static <T> T until(Callable<T> value, java.util.function.Predicate<T> ok, String what) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        T last = value.call();
        while (!ok.test(last)) {
            if (System.nanoTime() > deadline) throw new AssertionError(what + ", last seen: " + last);
            java.util.concurrent.locks.LockSupport.parkNanos(50_000_000L); // a poll interval, as TestEngine.awaitUntil
            last = value.call();
        }
        return last;
    }

    @Test
    @Order(1)
    void aFileLeftOnTheDiskByACrashIsUploadedByTheStart() throws Exception {
        List<ObjectStore.Entry> stored =
                until(() -> bucket.list("kurento/" + LEFTOVER + "/"), l -> l.size() == 1, "the leftover in the bucket");
        assertEquals(video.length, stored.get(0).size());
        assertArrayEquals(video, bucket.get(stored.get(0).key()));
        until(() -> Files.exists(dataA.resolve("kurento").resolve(LEFTOVER)), e -> !e, "and off A's disk");
    }

    @Test
    @Order(2)
    void aRecordingMadeOnNodeAIsPlayedThroughNodeBAndRetentionDeletesItFromTheBucket() throws Exception {
        String teacher = nodeA.loginAs("t1");
        String proctor = nodeB.loginAs("p1");
        String student = nodeA.loginAs("s1");
        String exam = ProctorFixtures.proctoredExam(nodeA, teacher, "s1");
        String attempt = ProctorFixtures.startServed(nodeA, student, exam);
        long start = Instant.parse(
                        nodeA.get("/api/v1/attempts/" + attempt, student).json().getString("startedAt"))
                .toEpochMilli();
        // what KMS writes while the attempt runs, on A's disk
        Path file = dataA.resolve("kurento").resolve(attempt).resolve("camera-" + start + ".webm");
        Files.createDirectories(file.getParent());
        Files.write(file, video);
        assertEquals(
                0,
                nodeB.get("/api/v1/attempts/" + attempt + "/recordings", proctor)
                        .json()
                        .getJsonArray("camera")
                        .size(),
                "while it is recorded, only A's disk has it");

        assertEquals(
                200,
                nodeA.post("/api/v1/attempts/" + attempt + "/submit", student, null)
                        .status());
        until(() -> bucket.list("kurento/" + attempt + "/"), l -> l.size() == 1, "the finished file in the bucket");
        until(() -> Files.exists(file), e -> !e, "and then off A's disk");

        JsonArray camera = nodeB.get("/api/v1/attempts/" + attempt + "/recordings", proctor)
                .json()
                .getJsonArray("camera");
        assertEquals(1, camera.size(), camera.encode());
        JsonObject rec = camera.getJsonObject(0);
        assertEquals(video.length, rec.getLong("bytes"));
        assertEquals(Instant.ofEpochMilli(start).toString(), rec.getString("startsAt"));
        HttpResponse<byte[]> played = ObjectStorageTwoNodesTest.raw(nodeB, "GET", rec.getString("url"), proctor, null);
        assertEquals(200, played.statusCode());
        assertArrayEquals(video, played.body(), "node B plays what KMS wrote on A");
        int from = video.length / 3;
        HttpResponse<byte[]> part = ObjectStorageTwoNodesTest.raw(
                nodeB, "GET", rec.getString("url"), proctor, null, "Range", "bytes=" + from + "-");
        assertEquals(206, part.statusCode());
        assertEquals(
                "bytes " + from + "-" + (video.length - 1) + "/" + video.length,
                part.headers().firstValue("Content-Range").orElse(""));
        assertArrayEquals(Arrays.copyOfRange(video, from, video.length), part.body());

        List<String> deleted =
                nodeB.engine().services().proctor().retention().run().await(20, TimeUnit.SECONDS);
        assertTrue(deleted.contains(attempt), "deleted: " + deleted);
        assertEquals(List.of(), bucket.list("kurento/" + attempt + "/"), "retention emptied the bucket");
        assertEquals(
                404,
                ObjectStorageTwoNodesTest.raw(nodeB, "GET", rec.getString("url"), proctor, null)
                        .statusCode());
    }
}
