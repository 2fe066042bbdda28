package kz.emtihan.proctor;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import kz.emtihan.media.recording.SegmentReader;
import kz.emtihan.media.recording.ServerRecordings;

/**
 * The recordings a Kurento Media Server wrote for an attempt, as this engine sees them: the server writes
 * {@code <dir>/<attempt>/<stream>-<startMillis>.webm}, one file per publish (a reconnect or a restart of the
 * server starts a new file), into a directory on the engine's machine (docs/kurento.md). With {@code objects.store:
 * s3} a complete file is moved into the bucket ({@link KurentoUploads}, issue 14, 1), so every node lists and serves
 * it from there; the files still on this node's disk are listed beside them. Blocking: call it off the event loop.
 */
final class KurentoRecordings {
    private final ServerRecordings files;

    KurentoRecordings(ServerRecordings files) {
        this.files = files;
    }

    /** One file: its number in start order, when it started, and its size. */
    record File(int number, long startMillis, long bytes, ServerRecordings.File where) {}

    List<File> files(String attemptId, String stream) throws IOException {
        List<File> out = new ArrayList<>();
        for (ServerRecordings.File f : files.files(attemptId, stream))
            out.add(new File(out.size(), f.startMillis(), f.bytes(), f));
        return out;
    }

    Optional<SegmentReader> file(String attemptId, String stream, int number) throws IOException {
        return files(attemptId, stream).stream()
                .filter(f -> f.number() == number)
                .findFirst()
                .map(f -> files.open(f.where()));
    }
}
