package kz.emtihan.proctor;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import kz.emtihan.media.objects.ObjectStore;

/**
 * Snapshots and identity photos, under {@code proctoring/<attemptId>/} of the object store (issue 14, 1: the data
 * directory or a shared bucket): {@code latest.jpg}, {@code snapshots/<id>.jpg} for the snapshots that are evidence of
 * a flag, and {@code identity-face.img}, {@code identity-document.img}. A write is whole or absent (the store's
 * {@link ObjectStore#put}), so a reader never sees half an image. Blocking: call it off the event loop.
 */
final class EvidenceFiles {
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    static final String ROOT = "proctoring/";
    private final ObjectStore store;

    EvidenceFiles(ObjectStore store) {
        this.store = store;
    }

    void writeLatest(String attemptId, byte[] jpeg) throws IOException {
        store.put(dir(attemptId) + "latest.jpg", jpeg);
    }

    void keepSnapshot(String attemptId, String snapshotId, byte[] jpeg) throws IOException {
        store.put(dir(attemptId) + "snapshots/" + checked(snapshotId) + ".jpg", jpeg);
    }

    void writeIdentity(String attemptId, String which, byte[] image) throws IOException {
        store.put(dir(attemptId) + "identity-" + checked(which) + ".img", image);
    }

    byte[] latest(String attemptId) throws IOException {
        return store.get(dir(attemptId) + "latest.jpg");
    }

    byte[] snapshot(String attemptId, String snapshotId) throws IOException {
        return store.get(dir(attemptId) + "snapshots/" + checked(snapshotId) + ".jpg");
    }

    byte[] identity(String attemptId, String which) throws IOException {
        return store.get(dir(attemptId) + "identity-" + checked(which) + ".img");
    }

    /** Deletes everything kept for the attempt; false if there was nothing. */
    boolean deleteAll(String attemptId) throws IOException {
        return store.deleteAll(dir(attemptId));
    }

    /** The attempts that have anything kept. */
    List<String> owners() throws IOException {
        return store.folders(ROOT).stream()
                .filter(id -> ID.matcher(id).matches())
                .toList();
    }

    /** When the attempt's newest evidence was written, or empty if there is none. */
    Optional<Instant> lastModified(String attemptId) throws IOException {
        return store.list(dir(attemptId)).stream()
                .map(ObjectStore.Entry::modified)
                .max(Instant::compareTo);
    }

    private static String dir(String attemptId) {
        return ROOT + checked(attemptId) + "/";
    }

    private static String checked(String id) {
        if (id == null || !ID.matcher(id).matches()) throw new IllegalArgumentException("invalid id");
        return id;
    }

    static boolean missing(Throwable err) {
        return err instanceof NoSuchFileException;
    }
}
