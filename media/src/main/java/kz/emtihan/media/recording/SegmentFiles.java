package kz.emtihan.media.recording;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The files of one segment in a stream directory: {@code <n>.webm} (data), {@code <n>.idx} (index,
 * see {@link SegmentIndex}) and {@code <n>.<chunk>.pending} (chunks that arrived ahead of a gap).
 *
 * <p>Write order, which makes crash repair possible: data is written and forced, then the index
 * entry is written and forced, then the pending file (if any) is deleted. Hence after a crash the
 * data file may be longer than the index says (truncated on {@link #open}) and an already appended
 * pending file may survive (deleted on {@link #open}). Pending files are written to a temporary name,
 * forced and atomically renamed, so a pending file is either complete or absent.
 *
 * <p>Not thread-safe; callers hold the (owner, stream) lock of {@link RecordingStore}.
 */
final class SegmentFiles {
    private final Path dir;
    private final int segment;

    SegmentFiles(Path dir, int segment) {
        this.dir = dir;
        this.segment = segment;
    }

    Path data() {
        return dir.resolve(segment + ".webm");
    }

    Path index() {
        return dir.resolve(segment + ".idx");
    }

    Path pending(int chunk) {
        return dir.resolve(segment + "." + chunk + ".pending");
    }

    private Path pendingTmp(int chunk) {
        return dir.resolve(segment + "." + chunk + ".pending.tmp");
    }

    /**
     * Loads the index and repairs what a crash may have left: bytes beyond the index are truncated,
     * temporary and already-appended pending files are deleted, and pending chunks that now follow
     * the appended run are appended.
     */
    SegmentIndex open() throws IOException {
        SegmentIndex idx = SegmentIndex.load(index());
        long end = idx.end();
        Path data = data();
        if (Files.exists(data)) {
            long size = Files.size(data);
            if (size < end) {
                throw new IOException("segment file " + data + " has " + size + " bytes, index says " + end);
            }
            if (size > end) {
                try (FileChannel ch = FileChannel.open(data, StandardOpenOption.WRITE)) {
                    ch.truncate(end);
                    ch.force(true);
                }
            }
        } else if (end > 0) {
            throw new IOException("segment file " + data + " missing, index says " + end + " bytes");
        }
        for (int chunk : pendingChunks(true)) {
            if (chunk < idx.next()) {
                Files.deleteIfExists(pending(chunk));
            }
        }
        drain(idx);
        return idx;
    }

    /** Appends {@code bytes} as chunk {@code idx.next()}: data forced, then index forced. */
    void append(SegmentIndex idx, byte[] bytes, String sha256) throws IOException {
        long offset = idx.end();
        boolean created = !Files.exists(data());
        try (FileChannel ch = FileChannel.open(data(), StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            ch.truncate(offset); // defensive: index is the truth
            ByteBuffer buf = ByteBuffer.wrap(bytes);
            long pos = offset;
            while (buf.hasRemaining()) {
                pos += ch.write(buf, pos);
            }
            ch.force(true);
        }
        if (created) {
            RecordingStore.forceDirectory(dir);
        }
        idx.append(new SegmentIndex.Entry(idx.next(), offset, bytes.length, sha256));
    }

    /** Appends every pending chunk that directly follows the appended run, deleting its pending file. */
    void drain(SegmentIndex idx) throws IOException {
        Path p;
        while (Files.exists(p = pending(idx.next()))) {
            byte[] bytes = Files.readAllBytes(p);
            append(idx, bytes, SegmentIndex.sha256Hex(bytes));
            Files.delete(p);
        }
    }

    /** Stores a chunk that arrived ahead of a gap, durably (temp file, force, atomic rename, dir force). */
    void keepPending(int chunk, byte[] bytes) throws IOException {
        Path tmp = pendingTmp(chunk);
        try (FileChannel ch = FileChannel.open(
                tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer buf = ByteBuffer.wrap(bytes);
            while (buf.hasRemaining()) {
                ch.write(buf);
            }
            ch.force(true);
        }
        Files.move(tmp, pending(chunk), StandardCopyOption.ATOMIC_MOVE);
        RecordingStore.forceDirectory(dir);
    }

    /** Bytes of a pending chunk, or {@code null} if that chunk is not pending. */
    byte[] readPending(int chunk) throws IOException {
        Path p = pending(chunk);
        return Files.exists(p) ? Files.readAllBytes(p) : null;
    }

    /** Chunk numbers of pending files; with {@code cleanTemp}, deletes leftover temporary files. */
    List<Integer> pendingChunks(boolean cleanTemp) throws IOException {
        List<Integer> chunks = new ArrayList<>();
        String prefix = segment + ".";
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, segment + ".*.pending*")) {
            for (Path p : ds) {
                String name = p.getFileName().toString();
                String middle = name.substring(prefix.length(), name.indexOf(".pending"));
                if (!middle.matches("\\d{1,10}")) {
                    continue;
                }
                if (name.endsWith(".pending.tmp")) {
                    if (cleanTemp) {
                        Files.deleteIfExists(p);
                    }
                } else if (name.endsWith(".pending")) {
                    chunks.add(Integer.parseInt(middle));
                }
            }
        }
        chunks.sort(null);
        return chunks;
    }

    /** SHA-256 (hex) of the first {@code length} bytes of the segment file. */
    String sha256(long length) throws IOException {
        MessageDigest md = SegmentIndex.sha256();
        if (length > 0) {
            try (InputStream in = Files.newInputStream(data())) {
                byte[] buf = new byte[64 * 1024];
                long left = length;
                int n;
                while (left > 0 && (n = in.read(buf, 0, (int) Math.min(buf.length, left))) > 0) {
                    md.update(buf, 0, n);
                    left -= n;
                }
            }
        }
        return HexFormat.of().formatHex(md.digest());
    }
}
