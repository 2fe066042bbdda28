package kz.emtihan.media.objects;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.util.Arrays;
import java.util.List;
import kz.emtihan.media.recording.ChunkConflictException;
import kz.emtihan.media.recording.RecordingStorage;
import kz.emtihan.media.recording.Segment;
import kz.emtihan.media.recording.SegmentReader;
import kz.emtihan.media.recording.Stored;
import org.junit.jupiter.api.Test;

/**
 * Issue 14 (1): what every adapter of the storage port promises, run against each ({@link LocalObjectsTest},
 * {@link S3ObjectsTest}): put/get/stream/list/delete by key, and the recording guarantees on top (checksummed chunks,
 * idempotent resend, conflict on other bytes, a chunk ahead of a gap kept until it fills).
 */
abstract class ObjectStoreContract {
    /** A fresh, empty store. */
    abstract ObjectStore store() throws Exception;

    /** Recordings kept by this adapter, at most 64 KiB a chunk. */
    abstract RecordingStorage recordings() throws Exception;

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static byte[] chunk(int n) {
        byte[] b = new byte[3000 + n * 7];
        Arrays.fill(b, (byte) ('a' + n % 26));
        b[0] = (byte) n;
        return b;
    }

    @Test
    void anObjectPutIsReadWholeOrByRangeAndReplacedWhole() throws Exception {
        ObjectStore s = store();
        s.put("proctoring/a1/latest.jpg", bytes("first"));
        s.put("proctoring/a1/latest.jpg", bytes("second image"));
        assertArrayEquals(bytes("second image"), s.get("proctoring/a1/latest.jpg"));
        try (InputStream in = s.stream("proctoring/a1/latest.jpg", 7, 5)) {
            assertEquals("image", new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        assertThrows(NoSuchFileException.class, () -> s.get("proctoring/a1/none.jpg"));
    }

    @Test
    void listingGivesKeysAndSizesUnderAFolderAndFoldersByName() throws Exception {
        ObjectStore s = store();
        s.put("proctoring/b2/snapshots/s2.jpg", bytes("22"));
        s.put("proctoring/b2/snapshots/s1.jpg", bytes("1"));
        s.put("proctoring/b2/identity-face.img", bytes("face"));
        s.put("proctoring/c3/latest.jpg", bytes("c"));
        List<ObjectStore.Entry> b2 = s.list("proctoring/b2/");
        assertEquals(
                List.of(
                        "proctoring/b2/identity-face.img",
                        "proctoring/b2/snapshots/s1.jpg",
                        "proctoring/b2/snapshots/s2.jpg"),
                b2.stream().map(ObjectStore.Entry::key).toList());
        assertEquals(
                List.of(4L, 1L, 2L), b2.stream().map(ObjectStore.Entry::size).toList());
        assertEquals(List.of("b2", "c3"), s.folders("proctoring/"));
        assertEquals(List.of(), s.list("proctoring/none/"));
    }

    @Test
    void deletedObjectsAreGoneAndDeletingAFolderTakesEverythingInIt() throws Exception {
        ObjectStore s = store();
        s.put("proctoring/d4/latest.jpg", bytes("x"));
        s.put("proctoring/d4/snapshots/s1.jpg", bytes("y"));
        s.put("proctoring/d5/latest.jpg", bytes("z"));
        s.delete(List.of("proctoring/d4/latest.jpg", "proctoring/d4/never-there.jpg"));
        assertThrows(NoSuchFileException.class, () -> s.get("proctoring/d4/latest.jpg"));
        assertTrue(s.deleteAll("proctoring/d4/"));
        assertEquals(List.of(), s.list("proctoring/d4/"));
        assertFalse(s.deleteAll("proctoring/d4/"), "nothing left to delete");
        assertArrayEquals(bytes("z"), s.get("proctoring/d5/latest.jpg"), "another folder is untouched");
    }

    @Test
    void aKeyThatCouldLeaveTheStoreIsRefused() throws Exception {
        ObjectStore s = store();
        for (String bad : List.of("../x", "a/../../x", "/abs", "a//b", "a/./b", "a b", "folder/"))
            assertThrows(IllegalArgumentException.class, () -> s.put(bad, bytes("no")), bad);
    }

    @Test
    void chunksResentOrOutOfOrderMakeTheSegmentOfAnInOrderUpload() throws Exception {
        RecordingStorage r = recordings();
        long start = 1_700_000_000_000L;
        Stored first = r.put("att1", "camera", 0, 0, start, chunk(0));
        assertFalse(first.duplicate());
        Stored ahead = r.put("att1", "camera", 0, 2, start + 5, chunk(2));
        assertTrue(ahead.pending(), "chunk 2 waits for chunk 1");
        assertEquals(1, ahead.nextChunk());
        Stored again = r.put("att1", "camera", 0, 2, start, chunk(2));
        assertTrue(again.duplicate() && again.pending(), "the waiting chunk resent is a duplicate");
        Stored filled = r.put("att1", "camera", 0, 1, start, chunk(1));
        assertEquals(3, filled.nextChunk(), "the gap filled and the waiting chunk joined");
        Stored resent = r.put("att1", "camera", 0, 1, start, chunk(1));
        assertTrue(resent.duplicate());
        assertEquals(filled.segmentBytes(), resent.segmentBytes(), "a resend stores nothing twice");

        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        for (int i = 0; i < 3; i++) expected.write(chunk(i));
        SegmentReader seg = r.open("att1", "camera", 0);
        assertEquals(expected.size(), seg.bytes());
        ByteArrayOutputStream read = new ByteArrayOutputStream();
        for (long at = 0; at < seg.bytes(); ) {
            byte[] part = seg.read(at, 1000);
            assertTrue(part.length > 0);
            read.write(part);
            at += part.length;
        }
        assertArrayEquals(expected.toByteArray(), read.toByteArray(), "the bytes of an in-order upload");
        byte[] all = expected.toByteArray();
        byte[] mid = seg.read(1500, 1 << 20); // a piece from the middle of chunk 0: up to its end, or further
        assertTrue(mid.length >= chunk(0).length - 1500);
        assertArrayEquals(Arrays.copyOfRange(all, 1500, 1500 + mid.length), mid, "from the middle of a chunk");
        byte[] second = seg.read(chunk(0).length + 10, 100);
        assertArrayEquals(Arrays.copyOfRange(chunk(1), 10, 110), second, "within the second chunk");
        Segment listed = r.segments("att1", "camera").get(0);
        assertEquals(start, listed.startEpochMillis(), "the first chunk's start counts");
        assertEquals(3, listed.chunks());
        assertEquals(0, listed.pendingChunks());
        assertEquals(
                java.util.HexFormat.of()
                        .formatHex(java.security.MessageDigest.getInstance("SHA-256")
                                .digest(expected.toByteArray())),
                listed.sha256());
    }

    @Test
    void theSameChunkNumberWithOtherBytesIsRefusedAndChangesNothing() throws Exception {
        RecordingStorage r = recordings();
        r.put("att2", "screen", 0, 0, 1L, chunk(0));
        r.put("att2", "screen", 0, 3, 1L, chunk(3));
        assertThrows(ChunkConflictException.class, () -> r.put("att2", "screen", 0, 0, 1L, chunk(9)));
        assertThrows(ChunkConflictException.class, () -> r.put("att2", "screen", 0, 3, 1L, chunk(9)), "pending too");
        Segment s = r.segments("att2", "screen").get(0);
        assertEquals(chunk(0).length, s.bytes());
        assertEquals(1, s.pendingChunks());
        assertArrayEquals(chunk(0), r.open("att2", "screen", 0).read(0, 1 << 20));
    }

    @Test
    void aTooLargeChunkOrABadNameIsRefusedBeforeAnythingIsStored() throws Exception {
        RecordingStorage r = recordings();
        assertThrows(IllegalArgumentException.class, () -> r.put("att3", "camera", 0, 0, 1L, new byte[65537]));
        assertThrows(IllegalArgumentException.class, () -> r.put("../x", "camera", 0, 0, 1L, chunk(0)));
        assertThrows(IllegalArgumentException.class, () -> r.put("att3", "Cam/../", 0, 0, 1L, chunk(0)));
        assertThrows(IllegalArgumentException.class, () -> r.put("att3", "camera", -1, 0, 1L, chunk(0)));
        assertEquals(List.of(), r.segments("att3", "camera"));
        assertThrows(NoSuchFileException.class, () -> r.open("att3", "camera", 0));
    }

    @Test
    void anOwnersRecordingsAreListedCoveredAndDeletedTogether() throws Exception {
        RecordingStorage r = recordings();
        r.put("att4", "camera", 0, 0, 1_000L, chunk(0));
        r.put("att4", "camera", 1, 0, 61_000L, chunk(1));
        r.put("att4", "screen", 0, 0, 1_000L, chunk(2));
        r.put("att5", "camera", 0, 0, 1_000L, chunk(3));
        assertTrue(r.owners().containsAll(List.of("att4", "att5")));
        assertEquals(2, r.nextSegment("att4", "camera"));
        assertEquals(1.0, r.coverage("att4", 1_000L, 121_000L, 60), 1e-9);
        assertTrue(r.lastModified("att4").isPresent());
        assertTrue(r.delete("att4"));
        assertFalse(r.owners().contains("att4"));
        assertEquals(List.of(), r.segments("att4", "camera"));
        assertTrue(r.lastModified("att4").isEmpty());
        assertEquals(1, r.segments("att5", "camera").size(), "another owner is untouched");
    }
}
