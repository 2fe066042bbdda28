package kz.emtihan.media.objects;

import java.util.concurrent.atomic.AtomicInteger;
import kz.emtihan.media.recording.ObjectRecordings;
import kz.emtihan.media.recording.RecordingStorage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;

/** Issue 14 (1): the storage contract on a real S3 server (s3proxy, started here), a new bucket per test. */
class S3ObjectsTest extends ObjectStoreContract {
    private static final AtomicInteger BUCKETS = new AtomicInteger();
    static TestS3 s3;
    S3Objects current;

    @BeforeAll
    static void startS3() {
        s3 = TestS3.start();
    }

    @AfterAll
    static void stopS3() {
        s3.close();
    }

    @AfterEach
    void closeClient() {
        if (current != null) current.close();
    }

    @Override
    ObjectStore store() {
        current = s3.bucket("contract-" + BUCKETS.incrementAndGet());
        return current;
    }

    @Override
    RecordingStorage recordings() {
        return new ObjectRecordings(store(), 65536);
    }

    @org.junit.jupiter.api.Test
    void twoNodesOnOneBucketNeverBothAcknowledgeDifferentBytesForOneChunk() throws Exception {
        ObjectStore shared = store();
        RecordingStorage nodeA = new ObjectRecordings(shared, 65536), nodeB = new ObjectRecordings(shared, 65536);
        nodeA.put("att9", "camera", 0, 0, 1L, chunk(0));
        org.junit.jupiter.api.Assertions.assertEquals(
                1,
                nodeB.put("att9", "camera", 0, 0, 1L, chunk(0)).nextChunk(),
                "the same bytes through B: acknowledged, stored once");
        org.junit.jupiter.api.Assertions.assertThrows(
                kz.emtihan.media.recording.ChunkConflictException.class,
                () -> nodeB.put("att9", "camera", 0, 0, 1L, chunk(5)),
                "other bytes through B");
        org.junit.jupiter.api.Assertions.assertEquals(
                1,
                shared.list("recordings/att9/camera/000000/").stream()
                        .filter(e -> e.key().endsWith(".webm"))
                        .count(),
                "the refused chunk left nothing behind");
        org.junit.jupiter.api.Assertions.assertArrayEquals(
                chunk(0), nodeA.open("att9", "camera", 0).read(0, 1 << 20));
    }

    @org.junit.jupiter.api.Test
    void aMissingBucketOrAnUnreachableServerIsToldAtStartInASentence() throws Exception {
        try (S3Objects missing = new S3Objects(s3.location("never-created"))) {
            var e = org.junit.jupiter.api.Assertions.assertThrows(
                    IllegalStateException.class, () -> missing.check(false));
            org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
        }
        int closed;
        try (java.net.ServerSocket free = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closed = free.getLocalPort();
        }
        S3Location nowhere = new S3Location(
                java.util.Optional.of(java.net.URI.create("http://127.0.0.1:" + closed)),
                "us-east-1",
                "b1",
                "a",
                "s",
                true);
        try (S3Objects off = new S3Objects(nowhere)) {
            var e = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class, () -> off.check(false));
            org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains("cannot be reached"), e.getMessage());
        }
        s3.bucket("refusal-check").close();
        var bad = new S3Location(
                s3.location("x").endpoint(), "us-east-1", "refusal-check", TestS3.ACCESS_KEY, "wrong", true);
        try (S3Objects refused = new S3Objects(bad)) {
            var e = org.junit.jupiter.api.Assertions.assertThrows(
                    IllegalStateException.class, () -> refused.check(false));
            org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains("refused access"), e.getMessage());
        }
    }
}
