package kz.emtihan.media.recording;

/**
 * State of one recorded segment, as given by its index (the index is the truth).
 *
 * @param number           segment number
 * @param startEpochMillis the segment's start time, as given with its first stored chunk
 * @param bytes            length of the segment file (sum of appended chunks)
 * @param chunks           number of appended chunks (chunks 0..chunks-1, contiguous)
 * @param pendingChunks    chunks kept aside because an earlier chunk is still missing
 * @param sha256           SHA-256 (hex) of the whole segment file
 */
public record Segment(int number, long startEpochMillis, long bytes, int chunks, int pendingChunks, String sha256) {

    /** True if chunks arrived after a missing one, i.e. the file is known to lack data. */
    public boolean hasGap() {
        return pendingChunks > 0;
    }

    /**
     * True if no gap is known. A segment whose last chunks never arrived cannot be told apart from a
     * finished one; the store does not know how many chunks a segment should have.
     */
    public boolean complete() {
        return pendingChunks == 0;
    }
}
