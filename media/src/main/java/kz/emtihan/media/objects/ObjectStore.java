package kz.emtihan.media.objects;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Issue 14 (1): the one storage port of the engine's media (recordings, snapshots, identity photos): named blobs in a
 * flat key space, {@code /}-separated like paths. Two adapters: {@link LocalObjects} (a directory, the default) and
 * {@link S3Objects} (any S3-compatible store). Every call blocks: call it off the event loop.
 *
 * <p>A key is one to eight parts of {@code [A-Za-z0-9_.-]}, none of them {@code .} or {@code ..}, so a key can never
 * leave the store's root. {@link #put} is durable and atomic when it returns: a reader on any node sees the whole
 * object or the previous one, never half of it. A missing object is a {@link java.nio.file.NoSuchFileException}.
 */
public interface ObjectStore extends AutoCloseable {
    Pattern PART = Pattern.compile("[A-Za-z0-9_.-]{1,128}");

    /** One object as a listing gives it. */
    record Entry(String key, long size, Instant modified) {}

    /** Stores (or replaces) the object; it is there, durably, when this returns. */
    void put(String key, byte[] bytes) throws IOException;

    /**
     * Issue 14 (1): stores (or replaces) the object with the bytes of a file, which may be large (a media server's
     * recording): the adapters stream it rather than hold it in memory. Durable when this returns, as {@link #put}.
     */
    default void put(String key, java.nio.file.Path file) throws IOException {
        put(key, java.nio.file.Files.readAllBytes(file));
    }

    /** The whole object. */
    byte[] get(String key) throws IOException;

    /** {@code length} bytes of the object from byte {@code from} (fewer if it ends first). */
    InputStream stream(String key, long from, long length) throws IOException;

    /** Every object whose key starts with {@code prefix} (a folder ends with {@code /}), by key. */
    List<Entry> list(String prefix) throws IOException;

    /** The names of the folders directly under {@code prefix} (which ends with {@code /}), sorted. */
    List<String> folders(String prefix) throws IOException;

    /** Deletes the objects; a missing one is no error. */
    void delete(List<String> keys) throws IOException;

    /** Deletes every object under the folder; false if there was none. */
    default boolean deleteAll(String prefix) throws IOException {
        List<Entry> all = list(prefix);
        if (all.isEmpty()) return false;
        delete(all.stream().map(Entry::key).toList());
        return true;
    }

    /** What the store is, for the log: a directory or an endpoint and bucket (never a secret). */
    String describe();

    @Override
    default void close() {}

    /** The key, checked: throws {@link IllegalArgumentException} for a key that is not one of ours. */
    static String checked(String key) {
        if (key == null || key.isEmpty() || key.startsWith("/") || key.endsWith("/"))
            throw new IllegalArgumentException("invalid object key");
        String[] parts = key.split("/", -1);
        if (parts.length > 8) throw new IllegalArgumentException("invalid object key");
        for (String p : parts)
            if (!PART.matcher(p).matches() || p.equals(".") || p.equals(".."))
                throw new IllegalArgumentException("invalid object key");
        return key;
    }

    /** A folder prefix, checked: empty, or parts ending with {@code /}. */
    static String checkedPrefix(String prefix) {
        if (prefix.isEmpty()) return prefix;
        if (!prefix.endsWith("/")) throw new IllegalArgumentException("a folder prefix ends with /");
        checked(prefix.substring(0, prefix.length() - 1));
        return prefix;
    }
}
