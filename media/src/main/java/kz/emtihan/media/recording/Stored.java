package kz.emtihan.media.recording;

/**
 * Acknowledgement of {@link RecordingStore#put}. When returned, the chunk is durable (forced to disk).
 *
 * @param segment      segment number
 * @param chunk        chunk number within the segment (from 0)
 * @param duplicate    the same bytes were already stored; nothing was written this time
 * @param pending      the chunk arrived ahead of a gap and is kept aside until the gap fills
 * @param sha256       SHA-256 (hex) of the chunk's bytes
 * @param segmentBytes bytes appended to the segment file so far (after this call)
 * @param nextChunk    the first chunk number the segment is still missing (the client may resend from it)
 */
public record Stored(
        int segment, int chunk, boolean duplicate, boolean pending, String sha256, long segmentBytes, int nextChunk) {}
