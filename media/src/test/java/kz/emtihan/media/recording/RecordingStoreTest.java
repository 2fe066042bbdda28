package kz.emtihan.media.recording;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RecordingStoreTest {
    private static final String OWNER = "att-01HZX_42";
    private static final long T0 = 1_700_000_000_000L;

    @TempDir
    Path root;

    private static byte[][] chunks(int n, long seed) {
        Random r = new Random(seed);
        byte[][] c = new byte[n][];
        for (int i = 0; i < n; i++) {
            c[i] = new byte[1 + r.nextInt(5000)];
            r.nextBytes(c[i]);
        }
        return c;
    }

    private static byte[] concat(byte[][] c) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] b : c) {
            out.writeBytes(b);
        }
        return out.toByteArray();
    }

    private static String sha(byte[] b) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
    }

    private RecordingStore store() throws Exception {
        return new RecordingStore(root, 1 << 20);
    }

    @Test
    void inOrderChunksAreAppended() throws Exception {
        RecordingStore s = store();
        byte[][] c = chunks(5, 1);
        for (int i = 0; i < c.length; i++) {
            Stored st = s.put(OWNER, "camera", 0, i, T0, c[i]);
            assertFalse(st.duplicate());
            assertFalse(st.pending());
            assertEquals(i + 1, st.nextChunk());
        }
        Path f = s.file(OWNER, "camera", 0);
        assertEquals(root.toRealPath().resolve(OWNER).resolve("camera").resolve("0.webm"), f);
        assertArrayEquals(concat(c), Files.readAllBytes(f));
        Segment seg = s.segments(OWNER, "camera").get(0);
        assertEquals(new Segment(0, T0, concat(c).length, 5, 0, sha(concat(c))), seg);
        assertTrue(seg.complete());
    }

    @Test
    void duplicateResendIsAcknowledgedOnce() throws Exception {
        RecordingStore s = store();
        byte[][] c = chunks(3, 2);
        s.put(OWNER, "camera", 0, 0, T0, c[0]);
        s.put(OWNER, "camera", 0, 1, T0, c[1]);
        Stored again = s.put(OWNER, "camera", 0, 1, T0, c[1].clone());
        assertTrue(again.duplicate());
        s.put(OWNER, "camera", 0, 2, T0, c[2]);
        assertTrue(s.put(OWNER, "camera", 0, 0, T0, c[0]).duplicate());
        assertArrayEquals(concat(c), Files.readAllBytes(s.file(OWNER, "camera", 0)));
        assertEquals(3, s.segments(OWNER, "camera").get(0).chunks());
    }

    @Test
    void conflictingBytesAreRefused() throws Exception {
        RecordingStore s = store();
        byte[][] c = chunks(2, 3);
        s.put(OWNER, "screen", 4, 0, T0, c[0]);
        ChunkConflictException e =
                assertThrows(ChunkConflictException.class, () -> s.put(OWNER, "screen", 4, 0, T0, c[1]));
        assertEquals(0, e.chunk());
        assertEquals(4, e.segment());
        assertTrue(e.getMessage().contains("segment 4 chunk 0"), e.getMessage());
        // a pending chunk conflicts too
        s.put(OWNER, "screen", 4, 5, T0, c[0]);
        assertThrows(ChunkConflictException.class, () -> s.put(OWNER, "screen", 4, 5, T0, c[1]));
        assertTrue(s.put(OWNER, "screen", 4, 5, T0, c[0]).duplicate());
        assertArrayEquals(c[0], Files.readAllBytes(s.file(OWNER, "screen", 4)));
    }

    @Test
    void outOfOrderWithGapFilledLaterIsByteIdentical() throws Exception {
        byte[][] c = chunks(8, 4);
        RecordingStore s = store();
        for (int i = 0; i < c.length; i++) {
            s.put("inorder", "camera", 2, i, T0, c[i]);
        }
        // reconnect scenario: 0,1 then 4,5,6 arrive, then 2,3 are resent, 7 last; some duplicates
        int[] order = {0, 1, 4, 5, 6, 5, 1, 2, 3, 7, 4};
        for (int k = 0; k < order.length; k++) {
            int i = order[k];
            Stored st = s.put("reconnect", "camera", 2, i, T0, c[i]);
            if (k >= 2 && k <= 6) {
                assertTrue(st.pending() || i < 2, "chunk " + i + " waits for the gap");
                assertEquals(2, st.nextChunk());
            }
        }
        assertEquals(8, s.put("reconnect", "camera", 2, 3, T0, c[3]).nextChunk());
        assertArrayEquals(
                Files.readAllBytes(s.file("inorder", "camera", 2)),
                Files.readAllBytes(s.file("reconnect", "camera", 2)));
        Segment a = s.segments("inorder", "camera").get(0);
        Segment b = s.segments("reconnect", "camera").get(0);
        assertEquals(a, b);
        try (Stream<Path> files = Files.list(root.resolve("reconnect").resolve("camera"))) {
            assertEquals(
                    List.of("2.idx", "2.webm"),
                    files.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }

    @Test
    void gapIsReportedUntilFilled() throws Exception {
        RecordingStore s = store();
        byte[][] c = chunks(3, 5);
        s.put(OWNER, "camera", 0, 0, T0, c[0]);
        Stored st = s.put(OWNER, "camera", 0, 2, T0, c[2]);
        assertTrue(st.pending());
        Segment seg = s.segments(OWNER, "camera").get(0);
        assertTrue(seg.hasGap());
        assertEquals(1, seg.chunks());
        assertEquals(c[0].length, seg.bytes());
        s.put(OWNER, "camera", 0, 1, T0, c[1]);
        seg = s.segments(OWNER, "camera").get(0);
        assertTrue(seg.complete());
        assertEquals(3, seg.chunks());
    }

    @Test
    void concurrentPutsToOneSegmentEndConsistent() throws Exception {
        RecordingStore s = store();
        int threads = 8;
        byte[][] c = chunks(40, 6);
        CyclicBarrier barrier = new CyclicBarrier(threads);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                long seed = t;
                results.add(pool.submit(() -> {
                    List<Integer> order = new ArrayList<>();
                    for (int i = 0; i < c.length; i++) {
                        order.add(i);
                    }
                    Collections.shuffle(order, new Random(seed));
                    barrier.await();
                    int fresh = 0;
                    for (int i : order) {
                        if (!s.put(OWNER, "screen", 0, i, T0, c[i]).duplicate()) {
                            fresh++;
                        }
                    }
                    return fresh;
                }));
            }
            int fresh = 0;
            for (Future<Integer> f : results) {
                fresh += f.get();
            }
            assertEquals(c.length, fresh, "each chunk written exactly once");
        } finally {
            pool.shutdownNow();
        }
        assertArrayEquals(concat(c), Files.readAllBytes(s.file(OWNER, "screen", 0)));
        Segment seg = s.segments(OWNER, "screen").get(0);
        assertEquals(c.length, seg.chunks());
        assertTrue(seg.complete());
    }

    @Test
    void crashLeftoversAreRepairedOnReopen() throws Exception {
        byte[][] c = chunks(3, 7);
        RecordingStore s = store();
        s.put(OWNER, "camera", 0, 0, T0, c[0]);
        s.put(OWNER, "camera", 0, 1, T0, c[1]);
        Path dir = root.resolve(OWNER).resolve("camera");
        // crash after data write, before index write: garbage after the last indexed byte
        Files.write(dir.resolve("0.webm"), new byte[] {1, 2, 3, 4, 5}, StandardOpenOption.APPEND);
        // ... and an index line torn mid-write
        Files.write(dir.resolve("0.idx"), "2 123 4".getBytes(StandardCharsets.UTF_8), StandardOpenOption.APPEND);

        RecordingStore reopened = store();
        Segment seg = reopened.segments(OWNER, "camera").get(0);
        byte[] expected = concat(new byte[][] {c[0], c[1]});
        assertEquals(expected.length, seg.bytes());
        assertEquals(expected.length, Files.size(dir.resolve("0.webm")));
        assertEquals(sha(expected), seg.sha256());
        assertTrue(Files.readString(dir.resolve("0.idx")).endsWith("\n"));
        // the store continues where the index ends
        assertFalse(reopened.put(OWNER, "camera", 0, 2, T0, c[2]).duplicate());
        assertArrayEquals(concat(c), Files.readAllBytes(reopened.file(OWNER, "camera", 0)));
    }

    @Test
    void crashAfterAppendBeforePendingDeleteIsReconciled() throws Exception {
        byte[][] c = chunks(4, 8);
        RecordingStore s = store();
        s.put(OWNER, "camera", 1, 0, T0, c[0]);
        s.put(OWNER, "camera", 1, 1, T0, c[1]);
        Path dir = root.resolve(OWNER).resolve("camera");
        Files.write(dir.resolve("1.1.pending"), c[1]); // already appended, file survived a crash
        Files.write(dir.resolve("1.2.pending"), c[2]); // next chunk, drain interrupted
        Files.write(dir.resolve("1.3.pending.tmp"), c[3]); // unacknowledged temp file
        Segment seg = store().segments(OWNER, "camera").get(0);
        assertEquals(3, seg.chunks());
        assertTrue(seg.complete());
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(
                    List.of("1.idx", "1.webm"),
                    files.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "..",
                ".",
                "../x",
                "a/b",
                "a\\b",
                "",
                "x y",
                "ü",
                "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
            })
    void badOwnerIdsAreRefused(String owner) throws Exception {
        RecordingStore s = store();
        assertThrows(IllegalArgumentException.class, () -> s.put(owner, "camera", 0, 0, T0, new byte[1]));
        assertThrows(IllegalArgumentException.class, () -> s.segments(owner, "camera"));
        assertThrows(IllegalArgumentException.class, () -> s.coverage(owner, 0, 1, 60));
    }

    @ParameterizedTest
    @ValueSource(strings = {"..", "Camera", "cam1", "../camera", "", "abcdefghijklmnopq"})
    void badStreamsAreRefused(String stream) throws Exception {
        RecordingStore s = store();
        assertThrows(IllegalArgumentException.class, () -> s.put(OWNER, stream, 0, 0, T0, new byte[1]));
        assertThrows(IllegalArgumentException.class, () -> s.file(OWNER, stream, 0));
    }

    @Test
    void nullsNegativeNumbersAndOversizedChunksAreRefused() throws Exception {
        RecordingStore s = new RecordingStore(root, 100);
        assertThrows(IllegalArgumentException.class, () -> s.put(null, "camera", 0, 0, T0, new byte[1]));
        assertThrows(IllegalArgumentException.class, () -> s.put(OWNER, null, 0, 0, T0, new byte[1]));
        assertThrows(IllegalArgumentException.class, () -> s.put(OWNER, "camera", -1, 0, T0, new byte[1]));
        assertThrows(IllegalArgumentException.class, () -> s.put(OWNER, "camera", 0, -1, T0, new byte[1]));
        assertThrows(IllegalArgumentException.class, () -> s.put(OWNER, "camera", 0, 0, T0, new byte[101]));
        assertThrows(IllegalArgumentException.class, () -> s.put(OWNER, "camera", 0, 0, T0, null));
        s.put(OWNER, "camera", 0, 0, T0, new byte[100]);
        try (Stream<Path> all = Files.walk(root)) {
            assertEquals(2, all.filter(Files::isRegularFile).count(), "only the valid chunk was stored");
        }
    }

    @Test
    void checksumsMatchStoredBytes() throws Exception {
        RecordingStore s = store();
        byte[][] c = chunks(4, 9);
        for (int i = 0; i < c.length; i++) {
            assertEquals(sha(c[i]), s.put(OWNER, "camera", 3, i, T0, c[i]).sha256());
        }
        s.put(OWNER, "camera", 7, 0, T0 + 60_000, c[0]);
        List<Segment> segs = s.segments(OWNER, "camera");
        assertEquals(List.of(3, 7), segs.stream().map(Segment::number).toList());
        for (Segment seg : segs) {
            assertEquals(sha(Files.readAllBytes(s.file(OWNER, "camera", seg.number()))), seg.sha256());
        }
        List<String> lines =
                Files.readAllLines(root.resolve(OWNER).resolve("camera").resolve("3.idx"));
        for (int i = 0; i < c.length; i++) {
            assertTrue(lines.get(i + 1).endsWith(" " + sha(c[i])), lines.get(i + 1));
        }
    }

    @Test
    void coverageCountsSegmentsOfAnyStream() throws Exception {
        RecordingStore s = store();
        s.put(OWNER, "camera", 0, 0, T0, new byte[10]);
        s.put(OWNER, "camera", 1, 0, T0 + 60_000, new byte[10]);
        s.put(OWNER, "screen", 1, 0, T0 + 60_000, new byte[10]);
        s.put(OWNER, "screen", 2, 0, T0 + 120_000, new byte[10]);
        s.put(OWNER, "screen", 3, 1, T0 + 180_000, new byte[10]); // only a pending chunk: not recorded
        assertEquals(0.75, s.coverage(OWNER, T0, T0 + 240_000, 60), 1e-9);
        assertEquals(0.5, s.coverage(OWNER, "camera", T0, T0 + 240_000, 60), 1e-9);
        assertEquals(0.0, s.coverage("nobody", T0, T0 + 240_000, 60), 1e-9);
        assertTrue(s.segments("nobody", "camera").isEmpty());
    }
}
