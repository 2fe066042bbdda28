package kz.emtihan.media.recording;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.regex.Pattern;

/**
 * Append-only storage of streamed WebM recordings, one file per segment:
 * {@code <root>/<ownerId>/<stream>/<segment>.webm} plus {@code <segment>.idx} (chunk numbers, offsets,
 * sizes, SHA-256 per chunk, segment start time). The store does not parse WebM and knows nothing of
 * exams; the owner id is opaque.
 *
 * <p>Guarantees of {@link #put}:
 * <ul>
 *   <li><b>Idempotent.</b> A chunk already stored (appended or pending) with the same bytes is
 *       acknowledged with {@link Stored#duplicate()} {@code true} and not written again. The same chunk
 *       number with different bytes is refused with {@link ChunkConflictException}; nothing changes.</li>
 *   <li><b>Ordered.</b> Chunks of a segment are numbered from 0 and appended in number order. A chunk
 *       that arrives ahead of a missing one is kept aside in a pending file and appended when the gap
 *       fills, so after a reconnect and resend the segment file has no gaps or duplicates and is
 *       byte-identical to an in-order upload.</li>
 *   <li><b>Durable.</b> Data, index and pending files are forced to disk ({@link FileChannel#force})
 *       before {@code put} returns, so an acknowledged chunk survives a crash. The index is the truth:
 *       on the next access to a segment after a crash, bytes beyond the last indexed chunk are
 *       truncated, an incomplete index line is dropped and leftover pending files are reconciled.</li>
 *   <li><b>Safe.</b> Owner ids must match {@code [A-Za-z0-9_-]{1,64}}, streams {@code [a-z]{1,16}},
 *       segment and chunk numbers must be non-negative; paths are checked to stay under the root.
 *       A chunk larger than the configured limit is refused before anything is written.</li>
 *   <li><b>Thread-safe.</b> All operations on one (owner, stream) are serialised by one lock per
 *       (owner, stream); different streams proceed in parallel. Only one store instance (one process)
 *       may use a root directory at a time.</li>
 * </ul>
 */
public final class RecordingStore implements RecordingStorage {
    private static final Pattern OWNER = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final Pattern STREAM = Pattern.compile("[a-z]{1,16}");
    private static final Pattern INDEX_NAME = Pattern.compile("(\\d{1,10})\\.idx");

    private final Path root;
    private final int maxChunkBytes;
    private final ConcurrentMap<String, Object> locks = new ConcurrentHashMap<>();

    /**
     * @param root          directory holding all recordings (created if missing)
     * @param maxChunkBytes largest accepted chunk, in bytes
     */
    public RecordingStore(Path root, int maxChunkBytes) throws IOException {
        if (maxChunkBytes <= 0) {
            throw new IllegalArgumentException("maxChunkBytes must be positive");
        }
        this.root = Files.createDirectories(root).toRealPath();
        this.maxChunkBytes = maxChunkBytes;
    }

    /**
     * Stores chunk {@code chunk} of segment {@code segment}; see the class comment for guarantees.
     *
     * @param segmentStartEpochMillis start of the segment; recorded with the first chunk that reaches
     *                                the segment, later values are ignored
     * @throws ChunkConflictException   the chunk is already stored with different bytes
     * @throws IllegalArgumentException bad id, stream, number, or chunk too large
     * @throws IOException              the chunk could not be stored durably (it is not acknowledged)
     */
    @Override
    public Stored put(String ownerId, String stream, int segment, int chunk, long segmentStartEpochMillis, byte[] webm)
            throws IOException {
        Path dir = streamDir(ownerId, stream);
        checkNumber("segment", segment);
        checkNumber("chunk", chunk);
        if (webm == null) {
            throw new IllegalArgumentException("no data");
        }
        if (webm.length > maxChunkBytes) {
            throw new IllegalArgumentException("chunk of " + webm.length + " bytes exceeds limit of " + maxChunkBytes);
        }
        String sha = SegmentIndex.sha256Hex(webm);
        synchronized (lock(ownerId, stream)) {
            if (!Files.isDirectory(dir)) {
                Files.createDirectories(dir);
                forceDirectory(dir.getParent());
                forceDirectory(root);
            }
            SegmentFiles files = new SegmentFiles(dir, segment);
            SegmentIndex idx = files.open();
            if (!idx.hasHeader()) {
                idx.create(segmentStartEpochMillis);
                forceDirectory(dir);
            }
            if (chunk < idx.next()) {
                SegmentIndex.Entry e = idx.entries().get(chunk);
                if (e.size() != webm.length || !e.sha256().equals(sha)) {
                    throw new ChunkConflictException(ownerId, stream, segment, chunk, e.sha256(), sha);
                }
                return new Stored(segment, chunk, true, false, sha, idx.end(), idx.next());
            }
            if (chunk == idx.next()) {
                files.append(idx, webm, sha);
                files.drain(idx);
                return new Stored(segment, chunk, false, false, sha, idx.end(), idx.next());
            }
            byte[] pending = files.readPending(chunk);
            if (pending != null) {
                String pendingSha = SegmentIndex.sha256Hex(pending);
                if (!pendingSha.equals(sha)) {
                    throw new ChunkConflictException(ownerId, stream, segment, chunk, pendingSha, sha);
                }
                return new Stored(segment, chunk, true, true, sha, idx.end(), idx.next());
            }
            files.keepPending(chunk, webm);
            return new Stored(segment, chunk, false, true, sha, idx.end(), idx.next());
        }
    }

    /** Segments of a stream, by number; repairs crash leftovers first. Empty if nothing was stored. */
    @Override
    public List<Segment> segments(String ownerId, String stream) throws IOException {
        Path dir = streamDir(ownerId, stream);
        synchronized (lock(ownerId, stream)) {
            List<Segment> result = new ArrayList<>();
            if (!Files.isDirectory(dir)) {
                return result;
            }
            try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, "*.idx")) {
                for (Path p : ds) {
                    var m = INDEX_NAME.matcher(p.getFileName().toString());
                    if (!m.matches()) {
                        continue;
                    }
                    int number = Integer.parseInt(m.group(1));
                    SegmentFiles files = new SegmentFiles(dir, number);
                    SegmentIndex idx = files.open();
                    if (!idx.hasHeader()) {
                        continue;
                    }
                    result.add(new Segment(
                            number,
                            idx.startMillis(),
                            idx.end(),
                            idx.next(),
                            files.pendingChunks(false).size(),
                            files.sha256(idx.end())));
                }
            }
            result.sort(Comparator.comparingInt(Segment::number));
            return result;
        }
    }

    /**
     * The segment file, for serving, after crash repair. While the segment is still being recorded the
     * file may grow; serve {@link Segment#bytes()} bytes from it.
     *
     * @throws java.nio.file.NoSuchFileException no chunk of this segment has been appended
     */
    public Path file(String ownerId, String stream, int segment) throws IOException {
        Path dir = streamDir(ownerId, stream);
        checkNumber("segment", segment);
        synchronized (lock(ownerId, stream)) {
            SegmentFiles files = new SegmentFiles(dir, segment);
            if (!Files.exists(files.index())) {
                throw new java.nio.file.NoSuchFileException(files.data().toString());
            }
            files.open();
            if (!Files.exists(files.data())) {
                throw new java.nio.file.NoSuchFileException(files.data().toString());
            }
            return files.data();
        }
    }

    /**
     * Share of the attempt covered by recorded segments of <em>any</em> stream of the owner (time
     * recorded by at least one stream), 0..1. Only segments with appended bytes count; see
     * {@link Coverage#ratio}.
     */
    @Override
    public double coverage(String ownerId, long attemptStartMillis, long attemptEndMillis, long segmentSeconds)
            throws IOException {
        Path ownerDir = ownerDir(ownerId);
        List<Long> starts = new ArrayList<>();
        if (Files.isDirectory(ownerDir)) {
            try (DirectoryStream<Path> ds = Files.newDirectoryStream(ownerDir)) {
                for (Path p : ds) {
                    String name = p.getFileName().toString();
                    if (Files.isDirectory(p) && STREAM.matcher(name).matches()) {
                        starts.addAll(recordedStarts(ownerId, name));
                    }
                }
            }
        }
        return Coverage.ratio(attemptStartMillis, attemptEndMillis, segmentSeconds * 1000, starts);
    }

    /** Like {@link #coverage(String, long, long, long)} for one stream. */
    public double coverage(
            String ownerId, String stream, long attemptStartMillis, long attemptEndMillis, long segmentSeconds)
            throws IOException {
        return Coverage.ratio(
                attemptStartMillis, attemptEndMillis, segmentSeconds * 1000, recordedStarts(ownerId, stream));
    }

    /** Issue 14 (1): the segment file, served as it is (the bytes of the index only). */
    @Override
    public SegmentReader open(String ownerId, String stream, int segment) throws IOException {
        long bytes = 0;
        for (Segment s : segments(ownerId, stream)) if (s.number() == segment) bytes = s.bytes();
        Path data = file(ownerId, stream, segment);
        if (bytes == 0) throw new java.nio.file.NoSuchFileException(data.toString());
        return new LocalSegment(data, bytes);
    }

    @Override
    public List<String> owners() throws IOException {
        List<String> ids = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(root, Files::isDirectory)) {
            for (Path p : ds)
                if (OWNER.matcher(p.getFileName().toString()).matches())
                    ids.add(p.getFileName().toString());
        }
        ids.sort(null);
        return ids;
    }

    /** The owner directory's time, as retention always read it. */
    @Override
    public java.util.Optional<java.time.Instant> lastModified(String ownerId) throws IOException {
        Path dir = ownerDir(ownerId);
        return Files.exists(dir)
                ? java.util.Optional.of(Files.getLastModifiedTime(dir).toInstant())
                : java.util.Optional.empty();
    }

    @Override
    public boolean delete(String ownerId) throws IOException {
        Path dir = ownerDir(ownerId);
        if (!Files.exists(dir)) return false;
        try (java.util.stream.Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
        return true;
    }

    @Override
    public java.util.Optional<Path> localRoot() {
        return java.util.Optional.of(root);
    }

    private List<Long> recordedStarts(String ownerId, String stream) throws IOException {
        List<Long> starts = new ArrayList<>();
        for (Segment s : segments(ownerId, stream)) {
            if (s.bytes() > 0) {
                starts.add(s.startEpochMillis());
            }
        }
        return starts;
    }

    private Object lock(String ownerId, String stream) {
        return locks.computeIfAbsent(ownerId + "/" + stream, k -> new Object());
    }

    private Path ownerDir(String ownerId) {
        if (ownerId == null || !OWNER.matcher(ownerId).matches()) {
            throw new IllegalArgumentException("invalid owner id");
        }
        return inside(root.resolve(ownerId));
    }

    private Path streamDir(String ownerId, String stream) {
        Path ownerDir = ownerDir(ownerId);
        if (stream == null || !STREAM.matcher(stream).matches()) {
            throw new IllegalArgumentException("invalid stream name");
        }
        return inside(ownerDir.resolve(stream));
    }

    private Path inside(Path p) {
        Path n = p.normalize();
        if (!n.startsWith(root) || n.equals(root)) {
            throw new IllegalArgumentException("path escapes the recording root");
        }
        return n;
    }

    private static void checkNumber(String what, int n) {
        if (n < 0) {
            throw new IllegalArgumentException(what + " must be non-negative");
        }
    }

    /** Forces a directory's entries to disk (Linux, macOS); silently skipped where unsupported. */
    static void forceDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // e.g. Windows cannot open a directory as a channel; rename durability is then up to the OS
        }
    }
}
