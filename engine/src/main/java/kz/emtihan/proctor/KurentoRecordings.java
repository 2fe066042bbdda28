package kz.emtihan.proctor;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The recordings a Kurento Media Server wrote for an attempt, as this engine sees them: the server writes
 * {@code <dir>/<attempt>/<stream>-<startMillis>.webm}, one file per publish (a reconnect or a restart of the
 * server starts a new file), into a directory shared with the engine (docs/kurento.md). Blocking: call it off
 * the event loop.
 */
final class KurentoRecordings {
    private static final Pattern NAME = Pattern.compile("(camera|screen)-(\\d{1,19})\\.webm");
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private final Path dir;

    KurentoRecordings(Path dir) {
        this.dir = dir;
    }

    /** One file: its number in start order, when it started, and its size. */
    record File(int number, long startMillis, long bytes, Path path) {}

    List<File> files(String attemptId, String stream) throws IOException {
        if (!ID.matcher(attemptId).matches()) throw new IllegalArgumentException("invalid attempt id");
        Path owner = dir.resolve(attemptId);
        List<long[]> found = new ArrayList<>();
        List<Path> paths = new ArrayList<>();
        if (Files.isDirectory(owner)) {
            try (DirectoryStream<Path> ds = Files.newDirectoryStream(owner, stream + "-*.webm")) {
                for (Path p : ds) {
                    Matcher m = NAME.matcher(p.getFileName().toString());
                    if (m.matches() && m.group(1).equals(stream)) {
                        found.add(new long[] {Long.parseLong(m.group(2)), paths.size()});
                        paths.add(p);
                    }
                }
            }
        }
        found.sort(Comparator.comparingLong(a -> a[0]));
        List<File> out = new ArrayList<>();
        for (long[] f : found) {
            Path p = paths.get((int) f[1]);
            out.add(new File(out.size(), f[0], Files.size(p), p));
        }
        return out;
    }

    Optional<File> file(String attemptId, String stream, int number) throws IOException {
        return files(attemptId, stream).stream()
                .filter(f -> f.number() == number)
                .findFirst();
    }
}
