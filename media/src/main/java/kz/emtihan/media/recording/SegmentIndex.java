package kz.emtihan.media.recording;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The per-segment index file: the source of truth for which chunks a segment file holds.
 *
 * <p>Format (UTF-8 text, one record per line, append-only):
 * <pre>
 * emtihan-recording-index v1 start=&lt;segmentStartEpochMillis&gt;
 * &lt;chunk&gt; &lt;offset&gt; &lt;size&gt; &lt;sha256-hex&gt;
 * ...
 * </pre>
 * Entries are contiguous: the i-th entry is chunk i, at the offset where the previous chunk ended.
 * Every write is followed by {@link FileChannel#force(boolean)}. A crash can leave at most one
 * incomplete trailing line; {@link #load} truncates it away (that chunk was never acknowledged).
 * Any other inconsistency is reported as an {@link IOException} rather than silently "fixed".
 *
 * <p>Not thread-safe; callers hold the (owner, stream) lock of {@link RecordingStore}.
 */
final class SegmentIndex {
    static final String MAGIC = "emtihan-recording-index v1 start=";

    /** One appended chunk. */
    record Entry(int chunk, long offset, long size, String sha256) {
        String line() {
            return chunk + " " + offset + " " + size + " " + sha256 + "\n";
        }
    }

    private final Path path;
    private long startMillis = Long.MIN_VALUE;
    private final List<Entry> entries = new ArrayList<>();

    private SegmentIndex(Path path) {
        this.path = path;
    }

    /** Reads the index, truncating an incomplete trailing line left by a crash. */
    static SegmentIndex load(Path path) throws IOException {
        SegmentIndex index = new SegmentIndex(path);
        if (!Files.exists(path)) {
            return index;
        }
        byte[] raw = Files.readAllBytes(path);
        int complete = raw.length;
        while (complete > 0 && raw[complete - 1] != '\n') {
            complete--;
        }
        if (complete < raw.length) {
            try (FileChannel ch = FileChannel.open(path, StandardOpenOption.WRITE)) {
                ch.truncate(complete);
                ch.force(true);
            }
        }
        String text = new String(raw, 0, complete, StandardCharsets.UTF_8);
        if (text.isEmpty()) {
            return index; // header never completed: the segment holds nothing acknowledged
        }
        String[] lines = text.split("\n");
        if (!lines[0].startsWith(MAGIC)) {
            throw new IOException("corrupt index (bad header): " + path);
        }
        try {
            index.startMillis = Long.parseLong(lines[0].substring(MAGIC.length()));
            long expectedOffset = 0;
            for (int i = 1; i < lines.length; i++) {
                String[] f = lines[i].split(" ");
                if (f.length != 4) {
                    throw new IOException("corrupt index line " + (i + 1) + " in " + path);
                }
                Entry e = new Entry(Integer.parseInt(f[0]), Long.parseLong(f[1]), Long.parseLong(f[2]), f[3]);
                if (e.chunk != i - 1 || e.offset != expectedOffset || e.size < 0 || e.sha256.length() != 64) {
                    throw new IOException("corrupt index line " + (i + 1) + " in " + path);
                }
                expectedOffset += e.size;
                index.entries.add(e);
            }
        } catch (RuntimeException e) {
            throw new IOException("corrupt index " + path + ": " + e.getMessage(), e);
        }
        return index;
    }

    boolean hasHeader() {
        return startMillis != Long.MIN_VALUE;
    }

    /** Writes the header line (start time of the segment) and forces it to disk. */
    void create(long segmentStartEpochMillis) throws IOException {
        write(MAGIC + segmentStartEpochMillis + "\n", StandardOpenOption.TRUNCATE_EXISTING);
        startMillis = segmentStartEpochMillis;
    }

    /** Appends one entry and forces it to disk; the chunk counts as stored once this returns. */
    void append(Entry e) throws IOException {
        if (e.chunk != entries.size() || e.offset != end()) {
            throw new IllegalStateException("non-contiguous append " + e + " to " + path);
        }
        write(e.line(), StandardOpenOption.APPEND);
        entries.add(e);
    }

    private void write(String s, StandardOpenOption mode) throws IOException {
        try (FileChannel ch = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE, mode)) {
            ByteBuffer buf = ByteBuffer.wrap(s.getBytes(StandardCharsets.UTF_8));
            while (buf.hasRemaining()) {
                ch.write(buf);
            }
            ch.force(true);
        }
    }

    long startMillis() {
        return startMillis;
    }

    List<Entry> entries() {
        return List.copyOf(entries);
    }

    /** Number of the next chunk to append (chunks are numbered from 0). */
    int next() {
        return entries.size();
    }

    /** Byte length of the segment file according to the index. */
    long end() {
        if (entries.isEmpty()) {
            return 0;
        }
        Entry last = entries.get(entries.size() - 1);
        return last.offset + last.size;
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }

    static String sha256Hex(byte[] bytes) {
        return HexFormat.of().formatHex(sha256().digest(bytes));
    }
}
