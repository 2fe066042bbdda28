package kz.emtihan.media.recording;

/**
 * A chunk number that is already stored (or pending) was sent again with different bytes.
 * Nothing was written. The engine should answer 409 Conflict.
 */
public final class ChunkConflictException extends RuntimeException {
    private final String ownerId;
    private final String stream;
    private final int segment;
    private final int chunk;

    public ChunkConflictException(
            String ownerId, String stream, int segment, int chunk, String storedSha256, String sentSha256) {
        super("conflict: " + ownerId + "/" + stream + " segment " + segment + " chunk " + chunk
                + " is already stored with sha256 " + storedSha256 + ", different bytes sent (sha256 "
                + sentSha256 + ")");
        this.ownerId = ownerId;
        this.stream = stream;
        this.segment = segment;
        this.chunk = chunk;
    }

    public String ownerId() {
        return ownerId;
    }

    public String stream() {
        return stream;
    }

    public int segment() {
        return segment;
    }

    public int chunk() {
        return chunk;
    }
}
