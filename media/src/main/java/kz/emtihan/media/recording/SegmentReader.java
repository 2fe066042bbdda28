package kz.emtihan.media.recording;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/** Issue 14 (1): the recorded bytes of one segment, as {@link RecordingStorage#open} found them. Blocking. */
public interface SegmentReader {
    /** How many bytes are recorded (a segment still being recorded may grow past this). */
    long bytes();

    /** The file holding the segment, when it is a local file (then it is served as such, without copying). */
    Optional<Path> file();

    /** At most {@code max} bytes from byte {@code from} (at least one when {@code from < bytes()}). */
    byte[] read(long from, int max) throws IOException;

    /** A local file of which {@code bytes} are recorded. */
    static SegmentReader ofFile(Path path, long bytes) {
        return new LocalSegment(path, bytes);
    }
}
