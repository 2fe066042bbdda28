package kz.emtihan.proctor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Snapshots and identity photos on disk, under {@code <dataDir>/proctoring/<attemptId>/}: {@code latest.jpg},
 * {@code snapshots/<id>.jpg} for the snapshots that are evidence of a flag, and {@code identity-face.img},
 * {@code identity-document.img}. Every write goes to a temporary file that is forced and then moved into place,
 * so a reader never sees half an image. Blocking: call it off the event loop.
 */
final class EvidenceFiles {
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private final Path root;

    EvidenceFiles(Path root) throws IOException {
        this.root = Files.createDirectories(root).toRealPath();
    }

    Path root() {
        return root;
    }

    void writeLatest(String attemptId, byte[] jpeg) throws IOException {
        write(dir(attemptId).resolve("latest.jpg"), jpeg);
    }

    void keepSnapshot(String attemptId, String snapshotId, byte[] jpeg) throws IOException {
        write(dir(attemptId).resolve("snapshots").resolve(checked(snapshotId) + ".jpg"), jpeg);
    }

    void writeIdentity(String attemptId, String which, byte[] image) throws IOException {
        write(dir(attemptId).resolve("identity-" + checked(which) + ".img"), image);
    }

    byte[] latest(String attemptId) throws IOException {
        return Files.readAllBytes(dir(attemptId).resolve("latest.jpg"));
    }

    byte[] snapshot(String attemptId, String snapshotId) throws IOException {
        return Files.readAllBytes(dir(attemptId).resolve("snapshots").resolve(checked(snapshotId) + ".jpg"));
    }

    byte[] identity(String attemptId, String which) throws IOException {
        return Files.readAllBytes(dir(attemptId).resolve("identity-" + checked(which) + ".img"));
    }

    /** Deletes everything kept for the attempt; false if there was nothing. */
    boolean deleteAll(String attemptId) throws IOException {
        return deleteTree(dir(attemptId));
    }

    static boolean deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) return false;
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
        return true;
    }

    private Path dir(String attemptId) {
        return root.resolve(checked(attemptId));
    }

    private static String checked(String id) {
        if (id == null || !ID.matcher(id).matches()) throw new IllegalArgumentException("invalid id");
        return id;
    }

    private static void write(Path target, byte[] bytes) throws IOException {
        Files.createDirectories(target.getParent());
        // a name per thread: two snapshots of one attempt written at once must not share the temporary file
        Path tmp = target.resolveSibling(
                target.getFileName() + "." + Thread.currentThread().getId() + ".tmp");
        try (var ch = java.nio.channels.FileChannel.open(
                tmp,
                java.nio.file.StandardOpenOption.CREATE,
                java.nio.file.StandardOpenOption.TRUNCATE_EXISTING,
                java.nio.file.StandardOpenOption.WRITE)) {
            ch.write(java.nio.ByteBuffer.wrap(bytes));
            ch.force(true);
        }
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    static boolean missing(Throwable err) {
        return err instanceof NoSuchFileException;
    }
}
