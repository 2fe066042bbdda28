package kz.emtihan.media.recording;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Issue 14 (1): where recordings are kept, as the engine sees it. Two kinds: {@link RecordingStore} (segment files in
 * a local directory, appended chunk by chunk: the default) and {@link ObjectRecordings} (one object per chunk in any
 * {@link kz.emtihan.media.objects.ObjectStore}, for an S3-compatible bucket that every engine node reads). Both keep
 * the guarantees of {@link RecordingStore#put}: numbered chunks, SHA-256 per chunk, a resent chunk acknowledged
 * without being stored twice, the same number with other bytes refused ({@link ChunkConflictException}), a chunk ahead
 * of a gap kept until the gap fills, and an acknowledgement only once the chunk is stored. Every call blocks.
 */
public interface RecordingStorage {
    /** Stores one chunk; see {@link RecordingStore#put}. */
    Stored put(String ownerId, String stream, int segment, int chunk, long segmentStartEpochMillis, byte[] webm)
            throws IOException;

    /** Segments of a stream, by number; empty if nothing was stored. */
    List<Segment> segments(String ownerId, String stream) throws IOException;

    /** The first segment number the stream has not used yet (0 if none). */
    default int nextSegment(String ownerId, String stream) throws IOException {
        int next = 0;
        for (Segment s : segments(ownerId, stream)) next = Math.max(next, s.number() + 1);
        return next;
    }

    /**
     * The recorded bytes of a segment, for serving.
     *
     * @throws java.nio.file.NoSuchFileException no chunk of this segment has been appended
     */
    SegmentReader open(String ownerId, String stream, int segment) throws IOException;

    /** Share of the attempt covered by recorded segments of any stream of the owner, 0..1 ({@link Coverage}). */
    double coverage(String ownerId, long attemptStartMillis, long attemptEndMillis, long segmentSeconds)
            throws IOException;

    /** The owners that have anything stored. */
    List<String> owners() throws IOException;

    /** When the owner's recordings were last written, or empty if there are none. */
    Optional<Instant> lastModified(String ownerId) throws IOException;

    /** Deletes everything recorded for the owner; false if there was nothing. */
    boolean delete(String ownerId) throws IOException;

    /** The local directory the recordings fill (its free space is watched), or empty for a remote store. */
    Optional<Path> localRoot();
}
