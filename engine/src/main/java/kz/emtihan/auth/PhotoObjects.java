package kz.emtihan.auth;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import java.util.Optional;
import kz.emtihan.objects.Blobs;

/**
 * Issue 14 (1): where the bytes of enrolment photos go when the media are in a bucket: {@code
 * user-photos/<id>/<sha256>} (the id base64url, as a user id may hold {@code @}), named by the SHA-256 that the account's
 * {@code photo} record holds, so the record always names the bytes of its own upload. Without a bucket ({@link #NONE})
 * the bytes stay in Redis as before.
 */
class PhotoObjects {
    static final PhotoObjects NONE = new PhotoObjects(null);
    private final Blobs blobs;

    PhotoObjects(Blobs blobs) {
        this.blobs = blobs;
    }

    static String folder(String id) {
        return "user-photos/" + Blobs.part(id) + "/";
    }

    /** Stores the bytes in the bucket (done when it has them); false when there is no bucket. */
    Future<Boolean> put(String id, String sha256, Buffer bytes) {
        if (blobs == null) return Future.succeededFuture(false);
        return blobs.put(folder(id) + sha256, bytes).map(true);
    }

    /** The account's record names these bytes now: older ones go. */
    Future<Void> replaced(String id, String sha256) {
        return blobs == null ? Future.succeededFuture() : blobs.deleteOthers(folder(id), folder(id) + sha256);
    }

    /** The bytes of the record's upload, or empty. */
    Future<Optional<Buffer>> get(String id, String sha256) {
        if (blobs == null || !sha256.matches("[0-9a-f]{64}")) return Future.succeededFuture(Optional.empty());
        return blobs.get(folder(id) + sha256);
    }

    Future<Void> delete(String id) {
        return blobs == null ? Future.succeededFuture() : blobs.deleteAll(folder(id));
    }
}
