package kz.emtihan.media.recording;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import kz.emtihan.media.objects.LocalObjects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14 (1): the view of a proctored attempt (start, reload) asks for each stream's next segment number; with a
 * bucket that is a LIST per stream. The answer is cached per node for a short while and raised by the node's own
 * writes, so repeated views do not list the bucket, and another node's writes are seen once the entry is old.
 */
class NextSegmentCacheTest {
    @TempDir
    Path dir;

    @Test
    void repeatedViewsAreAnsweredFromTheCacheAndOwnWritesRaiseIt() throws Exception {
        var store = new ServerRecordingsTest.CountingStore(new LocalObjects(dir));
        AtomicLong nanos = new AtomicLong(1_000_000_000L);
        ObjectRecordings node = new ObjectRecordings(store, 1 << 20, nanos::get);
        ObjectRecordings other = new ObjectRecordings(store, 1 << 20, nanos::get);

        assertEquals(0, node.nextSegment("att-1", "camera"));
        assertEquals(0, node.nextSegment("att-1", "camera"));
        assertEquals(1, store.folderListings.get(), "the second view is answered without a listing");

        node.put("att-1", "camera", 0, 0, 1L, new byte[] {1, 2, 3});
        node.put("att-1", "camera", 1, 0, 2L, new byte[] {4});
        assertEquals(2, node.nextSegment("att-1", "camera"), "this node's writes raise the cached number");
        assertEquals(1, store.folderListings.get());

        other.put("att-1", "camera", 2, 0, 3L, new byte[] {5}); // another node starts segment 2
        nanos.addAndGet(ObjectRecordings.NEXT_FRESH.toNanos());
        assertEquals(3, node.nextSegment("att-1", "camera"), "an old entry is listed again and sees it");
        assertEquals(2, store.folderListings.get());
        assertEquals(2, node.nextSegmentCalls()[0]);
        assertEquals(2, node.nextSegmentCalls()[1]);

        node.delete("att-1");
        assertEquals(0, node.nextSegment("att-1", "camera"), "deleting forgets the cached number");
    }
}
