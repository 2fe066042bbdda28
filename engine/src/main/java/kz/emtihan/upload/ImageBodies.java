package kz.emtihan.upload;

import io.vertx.core.buffer.Buffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import kz.emtihan.refusal.Refusal;

/**
 * A photo sent as a request body, the JPEG or PNG file itself with its own Content-Type: the check of the file's
 * signature and size shared by the photos of a sitting's checks and the enrolment photo of an account.
 */
public final class ImageBodies {
    /** At most 1 MB. */
    public static final int MAX_PHOTO_BYTES = 1024 * 1024;

    private ImageBodies() {}

    /**
     * The photo's type, "image/jpeg" or "image/png", when the file's signature says so, its Content-Type (parameters
     * aside) agrees, and it has at most {@link #MAX_PHOTO_BYTES}; else 400 {@code bad-photo}.
     */
    public static String photoType(String contentType, Buffer bytes) {
        String type = type(bytes);
        if (type == null || !type.equals(contentType == null ? "" : contentType.split(";")[0].trim())) {
            throw Refusal.of(UploadRefusal.BAD_PHOTO);
        }
        if (bytes.length() > MAX_PHOTO_BYTES) throw Refusal.of(UploadRefusal.BAD_PHOTO);
        return type;
    }

    /** "image/jpeg" or "image/png" by the file's own signature, else null. */
    public static String type(Buffer b) {
        if (b.length() >= 3
                && (b.getByte(0) & 0xff) == 0xFF
                && (b.getByte(1) & 0xff) == 0xD8
                && (b.getByte(2) & 0xff) == 0xFF) return "image/jpeg";
        if (b.length() >= 8 && b.getLong(0) == 0x89504E470D0A1A0AL) return "image/png";
        return null;
    }

    /** The hex SHA-256 of the bytes, as kept beside a photo. */
    public static String sha256(Buffer b) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b.getBytes()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
