package kz.emtihan.objects;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.util.Base64;
import java.util.Optional;
import kz.emtihan.media.objects.ObjectStore;

/**
 * Issue 14 (1): the object store for the bytes that were kept in Redis beside their records - sitting photos (6.15.6),
 * enrolment photos, bank media - when the media are in a bucket ({@code objects.store: s3}). The records (who, when,
 * type, SHA-256) stay in Redis, so everything that is checked or listed reads as before; only the bytes move out of
 * Redis's memory. The keys are content-addressed: a key names the bytes' SHA-256, so a record read from Redis names
 * exactly the bytes of its own upload, and a write repeated stores nothing new. Items written before (bytes in Redis)
 * are still read from there: the callers fall back to Redis when the record's bytes are not in the bucket.
 */
public final class Blobs {
    private final Vertx vertx;
    private final ObjectStore store;

    public Blobs(Vertx vertx, ObjectStore store) {
        this.vertx = vertx;
        this.store = store;
    }

    /** A key part for an id that may hold characters a key does not (a user id's {@code @}): base64url. */
    public static String part(String id) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(id.getBytes(StandardCharsets.UTF_8));
    }

    /** Stores the bytes; done when the store has them (its 200). */
    public Future<Void> put(String key, Buffer bytes) {
        ObjectStore.checked(key);
        return vertx.executeBlocking(
                () -> {
                    store.put(key, bytes.getBytes());
                    return null;
                },
                false);
    }

    /** The bytes, or empty when the store has no such object. */
    public Future<Optional<Buffer>> get(String key) {
        ObjectStore.checked(key);
        return vertx.executeBlocking(
                () -> {
                    try {
                        return Optional.of(Buffer.buffer(store.get(key)));
                    } catch (NoSuchFileException e) {
                        return Optional.<Buffer>empty();
                    }
                },
                false);
    }

    /** Deletes every object under the folder (ending with {@code /}); nothing there is no error. */
    public Future<Void> deleteAll(String folder) {
        ObjectStore.checkedPrefix(folder);
        return vertx.executeBlocking(
                () -> {
                    store.deleteAll(folder);
                    return null;
                },
                false);
    }

    /** The objects of a folder other than {@code keep} go (a replaced photo's older bytes). */
    public Future<Void> deleteOthers(String folder, String keep) {
        ObjectStore.checkedPrefix(folder);
        return vertx.executeBlocking(
                () -> {
                    store.delete(store.list(folder).stream()
                            .map(ObjectStore.Entry::key)
                            .filter(k -> !k.equals(keep))
                            .toList());
                    return null;
                },
                false);
    }
}
