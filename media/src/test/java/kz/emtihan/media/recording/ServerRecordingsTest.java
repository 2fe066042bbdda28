package kz.emtihan.media.recording;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import kz.emtihan.media.objects.ObjectStore;
import kz.emtihan.media.objects.S3Objects;
import kz.emtihan.media.objects.TestS3;
import kz.emtihan.media.recording.ServerRecordings.OwnerState;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14 (1): a media server's finished recording (a real WebM made by ffmpeg, written where Kurento writes) goes
 * into a real S3 server (s3proxy), is served from there byte for byte and by range, and leaves the disk only once the
 * store has it; an upload repeated after a crash stores nothing twice; a store that fails keeps the file.
 */
class ServerRecordingsTest {
    static TestS3 s3;
    static byte[] video;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() throws Exception {
        video = webm(3);
        s3 = TestS3.start();
    }

    @AfterAll
    static void stop() {
        if (s3 != null) s3.close();
    }

    /** Seconds of real VP8 WebM, made by ffmpeg (installed by test.sh). */
    static byte[] webm(int seconds) throws Exception {
        Path out = Files.createTempFile("emtihan-kms", ".webm");
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
                            String.valueOf(seconds),
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

    private Path recorded(String owner, String name, byte[] bytes) throws IOException {
        Path f = dir.resolve(owner).resolve(name);
        Files.createDirectories(f.getParent());
        return Files.write(f, bytes);
    }

    @Test
    void aFinishedRecordingGoesToTheBucketIsServedFromThereAndLeavesTheDiskOnlyThen() throws Exception {
        try (S3Objects bucket = s3.bucket("kms-upload")) {
            CountingStore counting = new CountingStore(bucket);
            ServerRecordings node = new ServerRecordings(dir, Optional.of(counting));
            Path file = recorded("att-1", "camera-1700000000000.webm", video);

            ServerRecordings.Upload up = node.upload("att-1", file).orElseThrow();
            assertTrue(up.written());
            assertEquals(video.length, up.bytes());
            assertTrue(up.key().startsWith("kurento/att-1/camera-1700000000000."), up.key());
            assertTrue(Files.notExists(file), "the local file goes once the store has it");
            assertTrue(Files.notExists(dir.resolve("att-1")), "and its empty folder");
            assertArrayEquals(video, bucket.get(up.key()));

            // another node, with an empty directory of its own, serves it from the bucket
            ServerRecordings other =
                    new ServerRecordings(Files.createDirectories(dir.resolve("elsewhere")), Optional.of(bucket));
            List<ServerRecordings.File> files = other.files("att-1", "camera");
            assertEquals(1, files.size());
            assertEquals(1700000000000L, files.get(0).startMillis());
            SegmentReader reader = other.open(files.get(0));
            assertEquals(video.length, reader.bytes());
            assertArrayEquals(video, reader.read(0, video.length + 10));
            assertArrayEquals(Arrays.copyOfRange(video, 100, 1100), reader.read(100, 1000), "a range");
            assertEquals(List.of(), other.files("att-1", "screen"));

            // a crash after the PUT and before the delete: the same file again is found, not stored twice
            Path again = recorded("att-1", "camera-1700000000000.webm", video);
            int puts = counting.puts.get();
            ServerRecordings.Upload repeat = node.upload("att-1", again).orElseThrow();
            assertFalse(repeat.written(), "already there");
            assertEquals(puts, counting.puts.get(), "no second PUT");
            assertTrue(Files.notExists(again));
            assertEquals(1, bucket.list("kurento/att-1/").size());

            // retention: delete takes it from the bucket
            assertEquals(List.of("att-1"), other.owners());
            assertTrue(other.delete("att-1"));
            assertEquals(List.of(), bucket.list("kurento/att-1/"));
        }
    }

    @Test
    void aStoreThatFailsKeepsTheFileAndANewerCopyReplacesAnOlderOne() throws Exception {
        try (S3Objects bucket = s3.bucket("kms-failing")) {
            CountingStore failing = new CountingStore(bucket);
            failing.fail = true;
            ServerRecordings node = new ServerRecordings(dir, Optional.of(failing));
            Path file = recorded("att-2", "screen-1700000000001.webm", video);
            assertThrows(IOException.class, () -> node.upload("att-2", file));
            assertTrue(Files.exists(file), "not acknowledged by the store: kept");
            assertEquals(List.of(), bucket.list("kurento/att-2/"));
            // listed from the disk meanwhile, so the review still plays it on this node
            assertEquals(Optional.of(file), node.files("att-2", "screen").get(0).path());

            // a first copy of a file that then grew (uploaded too early) is replaced by the complete one
            failing.fail = false;
            byte[] half = Arrays.copyOf(video, video.length / 2);
            Files.write(file, half);
            node.upload("att-2", file).orElseThrow();
            Path grown = recorded("att-2", "screen-1700000000001.webm", video);
            node.upload("att-2", grown).orElseThrow();
            List<ObjectStore.Entry> objects = bucket.list("kurento/att-2/");
            assertEquals(1, objects.size(), "one copy: " + objects);
            assertEquals(video.length, objects.get(0).size());
        }
    }

    @Test
    void withoutAStoreTheDirectoryStaysTheOnlyPlace() throws Exception {
        ServerRecordings local = new ServerRecordings(dir, Optional.empty());
        Path file = recorded("att-3", "camera-5.webm", video);
        recorded("att-3", "not-ours.txt", new byte[1]);
        assertFalse(local.uploads());
        assertThrows(IllegalStateException.class, () -> local.upload("att-3", file));
        List<ServerRecordings.File> files = local.files("att-3", "camera");
        assertEquals(1, files.size());
        assertEquals(Optional.of(file), local.open(files.get(0)).file(), "served as a file, as before");
        assertEquals(List.of("att-3"), local.owners());
        assertThrows(IllegalArgumentException.class, () -> local.files("../etc", "camera"));
    }

    @Test
    void whenAFileIsComplete() {
        Instant now = Instant.parse("2026-12-06T12:00:00Z");
        Duration settle = Duration.ofSeconds(10);
        Duration abandoned = Duration.ofMinutes(30);
        Instant quiet = now.minusSeconds(60);
        Instant justWritten = now.minusSeconds(2);
        // the attempt is finished: its recorders stopped
        assertTrue(ServerRecordings.complete(OwnerState.FINISHED, true, quiet, now, settle, abandoned));
        assertFalse(ServerRecordings.complete(OwnerState.FINISHED, true, justWritten, now, settle, abandoned));
        // a live attempt: only files of a stream published again since
        assertFalse(ServerRecordings.complete(OwnerState.LIVE, true, now.minusSeconds(3600), now, settle, abandoned));
        assertTrue(ServerRecordings.complete(OwnerState.LIVE, false, quiet, now, settle, abandoned));
        // an owner nobody knows (a room after a crash): once nobody wrote for a long while
        assertFalse(ServerRecordings.complete(OwnerState.UNKNOWN, true, quiet, now, settle, abandoned));
        assertTrue(ServerRecordings.complete(OwnerState.UNKNOWN, true, now.minus(abandoned), now, settle, abandoned));
    }

    /** A store that counts PUTs and can be told to fail them. */
    static final class CountingStore implements ObjectStore {
        final ObjectStore inner;
        final AtomicInteger puts = new AtomicInteger();
        volatile boolean fail;

        CountingStore(ObjectStore inner) {
            this.inner = inner;
        }

        @Override
        public void put(String key, byte[] bytes) throws IOException {
            if (fail) throw new IOException("object store: 503 Slow Down");
            puts.incrementAndGet();
            inner.put(key, bytes);
        }

        @Override
        public void put(String key, Path file) throws IOException {
            if (fail) throw new IOException("object store: 503 Slow Down");
            puts.incrementAndGet();
            inner.put(key, file);
        }

        @Override
        public byte[] get(String key) throws IOException {
            return inner.get(key);
        }

        @Override
        public InputStream stream(String key, long from, long length) throws IOException {
            return inner.stream(key, from, length);
        }

        @Override
        public List<Entry> list(String prefix) throws IOException {
            return inner.list(prefix);
        }

        final AtomicInteger folderListings = new AtomicInteger();

        @Override
        public List<String> folders(String prefix) throws IOException {
            folderListings.incrementAndGet();
            return inner.folders(prefix);
        }

        @Override
        public void delete(List<String> keys) throws IOException {
            inner.delete(keys);
        }

        @Override
        public boolean deleteAll(String prefix) throws IOException {
            return inner.deleteAll(prefix);
        }

        @Override
        public String describe() {
            return "counting " + inner.describe();
        }
    }
}
