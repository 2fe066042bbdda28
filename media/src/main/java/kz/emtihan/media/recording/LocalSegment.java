package kz.emtihan.media.recording;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/** Issue 14 (1): a segment file of {@link RecordingStore}, of which {@code bytes} are recorded. */
record LocalSegment(Path path, long bytes) implements SegmentReader {
    @Override
    public Optional<Path> file() {
        return Optional.of(path);
    }

    @Override
    public byte[] read(long from, int max) throws IOException {
        if (from < 0 || from >= bytes || max <= 0) return new byte[0];
        ByteBuffer buf = ByteBuffer.allocate((int) Math.min(max, bytes - from));
        try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ)) {
            while (buf.hasRemaining() && ch.read(buf, from + buf.position()) > 0) {
                // read on
            }
        }
        return buf.position() == buf.capacity() ? buf.array() : java.util.Arrays.copyOf(buf.array(), buf.position());
    }
}
