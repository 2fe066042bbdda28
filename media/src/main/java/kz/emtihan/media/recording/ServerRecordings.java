package kz.emtihan.media.recording;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import kz.emtihan.media.objects.ObjectStore;

/**
 * Issue 14 (1): the files a media server (Kurento) records, {@code <dir>/<owner>/<stream>-<startMillis>.webm}, and
 * their copies in the object store. The server can only write into a directory; once a file is complete (its recorder
 * stopped) {@link #upload} puts it in the store as {@code kurento/<owner>/<stream>-<startMillis>.<sha256>.webm} -
 * named by its checksum, so an upload repeated after a crash finds it there and stores nothing twice - confirms it by
 * listing, and only then deletes the local file. Any node then serves it from the store ({@link #files},
 * {@link #open}). Without a store (the default {@code objects.store: local}) the directory stays the only place,
 * exactly as before. Every call blocks.
 */
public final class ServerRecordings {
    public static final String ROOT = "kurento/";
    private static final Pattern OWNER = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final Pattern LOCAL = Pattern.compile("([a-z]{1,16})-(\\d{1,19})\\.webm");
    private static final Pattern STORED = Pattern.compile("([a-z]{1,16})-(\\d{1,19})\\.([0-9a-f]{64})\\.webm");

    private final Path dir;
    private final Optional<ObjectStore> store;

    /**
     * @param dir   the directory the media server writes into, as this node sees it
     * @param store where complete files go, or empty when the directory is the store ({@code objects.store: local})
     */
    public ServerRecordings(Path dir, Optional<ObjectStore> store) {
        this.dir = dir;
        this.store = store;
    }

    /** Whether complete files are moved into an object store. */
    public boolean uploads() {
        return store.isPresent();
    }

    /** One recording: on this node's disk ({@code path}) or in the store ({@code key}). */
    public record File(
            String stream, long startMillis, long bytes, Instant modified, Optional<Path> path, Optional<String> key) {}

    /** What an upload did: the object, and whether it was written now (false: it was there already). */
    public record Upload(String key, long bytes, String sha256, boolean written) {}

    /** Whose recordings these are, as far as this node can tell. */
    public enum OwnerState {
        /** An attempt that is finished, or an owner whose media this node has released: its recorders are stopped. */
        FINISHED,
        /** An attempt still running: its newest file per stream may be recording. */
        LIVE,
        /** Not an attempt (a sitting's room, an attempt removed since). */
        UNKNOWN
    }

    /**
     * Whether a file on disk is complete, so that it may be uploaded and deleted. The recorder of a stream is stopped
     * when the owner's media is released, and when the stream is published again (a newer file of the stream then
     * exists); a file of an owner nobody knows is taken as complete once nobody wrote it for {@code abandoned}. A file
     * written in the last {@code settle} is left for the next pass (the server may still be closing it).
     */
    public static boolean complete(
            OwnerState owner,
            boolean newestOfStream,
            Instant modified,
            Instant now,
            Duration settle,
            Duration abandoned) {
        Duration quiet = Duration.between(modified, now);
        if (quiet.compareTo(settle) < 0) return false;
        return switch (owner) {
            case FINISHED -> true;
            case LIVE -> !newestOfStream;
            case UNKNOWN -> !newestOfStream || quiet.compareTo(abandoned) >= 0;
        };
    }

    /** The owner's recordings of a stream by start time, stored ones and local ones (a stored copy wins). */
    public List<File> files(String owner, String stream) throws IOException {
        Map<Long, File> byStart = new LinkedHashMap<>();
        for (File f : local(owner)) if (f.stream().equals(stream)) byStart.put(f.startMillis(), f);
        for (File f : stored(owner)) if (f.stream().equals(stream)) byStart.put(f.startMillis(), f);
        List<File> out = new ArrayList<>(byStart.values());
        out.sort(Comparator.comparingLong(File::startMillis));
        return out;
    }

    /** The owner's files on this node's disk, every stream, by start time. */
    public List<File> local(String owner) throws IOException {
        Path folder = dir.resolve(checkedOwner(owner));
        List<File> out = new ArrayList<>();
        if (!Files.isDirectory(folder)) return out;
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(folder, "*.webm")) {
            for (Path p : ds) {
                Matcher m = LOCAL.matcher(p.getFileName().toString());
                if (!m.matches()) continue;
                try {
                    out.add(new File(
                            m.group(1),
                            Long.parseLong(m.group(2)),
                            Files.size(p),
                            Files.getLastModifiedTime(p).toInstant(),
                            Optional.of(p),
                            Optional.empty()));
                } catch (NoSuchFileException gone) {
                    // uploaded and deleted meanwhile
                }
            }
        }
        out.sort(Comparator.comparingLong(File::startMillis));
        return out;
    }

    private List<File> stored(String owner) throws IOException {
        if (store.isEmpty()) return List.of();
        String prefix = ROOT + checkedOwner(owner) + "/";
        List<File> out = new ArrayList<>();
        for (ObjectStore.Entry e : store.get().list(prefix)) {
            Matcher m = STORED.matcher(e.key().substring(prefix.length()));
            if (m.matches())
                out.add(new File(
                        m.group(1),
                        Long.parseLong(m.group(2)),
                        e.size(),
                        e.modified(),
                        Optional.empty(),
                        Optional.of(e.key())));
        }
        return out;
    }

    /** The bytes of one recording, for serving ({@code Range} included). */
    public SegmentReader open(File f) {
        if (f.path().isPresent()) return SegmentReader.ofFile(f.path().get(), f.bytes());
        ObjectStore s = store.orElseThrow();
        String key = f.key().orElseThrow();
        return new SegmentReader() {
            @Override
            public long bytes() {
                return f.bytes();
            }

            @Override
            public Optional<Path> file() {
                return Optional.empty();
            }

            @Override
            public byte[] read(long from, int max) throws IOException {
                if (from < 0 || from >= f.bytes() || max <= 0) return new byte[0];
                try (InputStream in = s.stream(key, from, Math.min(max, f.bytes() - from))) {
                    return in.readAllBytes();
                }
            }
        };
    }

    /**
     * Puts one complete file in the store and, once the store has it (its 200, then a listing that shows the object
     * with the file's size), deletes it from the disk. A file that changed while it was read is left for a later pass
     * (empty). Repeated after a crash, it finds the object under the same checksum and only deletes the local file.
     */
    public Optional<Upload> upload(String owner, Path file) throws IOException {
        ObjectStore s = store.orElseThrow(() -> new IllegalStateException("no object store to upload to"));
        Matcher m = LOCAL.matcher(file.getFileName().toString());
        if (!m.matches()) throw new IllegalArgumentException("not a media server recording: " + file.getFileName());
        String prefix = ROOT + checkedOwner(owner) + "/";
        long size = Files.size(file);
        Instant modified = Files.getLastModifiedTime(file).toInstant();
        String sha = sha256(file);
        if (Files.size(file) != size
                || !Files.getLastModifiedTime(file).toInstant().equals(modified))
            return Optional.empty(); // still being written
        String name = m.group(1) + "-" + m.group(2);
        String key = prefix + name + "." + sha + ".webm";
        List<ObjectStore.Entry> there = s.list(prefix);
        boolean had = there.stream().anyMatch(e -> e.key().equals(key) && e.size() == size);
        if (!had) {
            s.put(key, file);
            there = s.list(prefix);
            if (there.stream().noneMatch(e -> e.key().equals(key) && e.size() == size))
                throw new IOException("the object store does not list " + key + " after storing it");
        }
        // an earlier copy of the same recording with other bytes (uploaded before the file was finished) goes
        List<String> older = there.stream()
                .map(ObjectStore.Entry::key)
                .filter(k -> k.startsWith(prefix + name + ".") && !k.equals(key))
                .toList();
        if (!older.isEmpty()) s.delete(older);
        Files.deleteIfExists(file);
        try {
            Files.deleteIfExists(file.getParent());
        } catch (DirectoryNotEmptyException more) {
            // other recordings of the owner are still there
        }
        return Optional.of(new Upload(key, size, sha, !had));
    }

    /** The owners with recordings on this node's disk or in the store. */
    public List<String> owners() throws IOException {
        TreeSet<String> ids = new TreeSet<>(localOwners());
        if (store.isPresent())
            for (String o : store.get().folders(ROOT)) if (OWNER.matcher(o).matches()) ids.add(o);
        return new ArrayList<>(ids);
    }

    /** The owners with files on this node's disk. */
    public List<String> localOwners() throws IOException {
        List<String> ids = new ArrayList<>();
        if (!Files.isDirectory(dir)) return ids;
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, Files::isDirectory)) {
            for (Path p : ds) {
                String id = p.getFileName().toString();
                if (OWNER.matcher(id).matches()) ids.add(id);
            }
        }
        ids.sort(null);
        return ids;
    }

    /** When the owner's recordings were last written, here or in the store. */
    public Optional<Instant> lastModified(String owner) throws IOException {
        Optional<Instant> last = Optional.empty();
        Path folder = dir.resolve(checkedOwner(owner));
        if (Files.exists(folder))
            last = Optional.of(Files.getLastModifiedTime(folder).toInstant());
        for (File f : local(owner)) last = later(last, f.modified());
        for (File f : stored(owner)) last = later(last, f.modified());
        return last;
    }

    /** Deletes the owner's recordings, here and in the store; false if there were none. */
    public boolean delete(String owner) throws IOException {
        boolean any = false;
        Path folder = dir.resolve(checkedOwner(owner));
        if (Files.exists(folder)) {
            try (Stream<Path> all = Files.walk(folder)) {
                for (Path p : all.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
            }
            any = true;
        }
        if (store.isPresent()) any |= store.get().deleteAll(ROOT + owner + "/");
        return any;
    }

    private static Optional<Instant> later(Optional<Instant> a, Instant b) {
        return a.isPresent() && a.get().isAfter(b) ? a : Optional.of(b);
    }

    private static String checkedOwner(String owner) {
        if (owner == null || !OWNER.matcher(owner).matches()) throw new IllegalArgumentException("invalid owner id");
        return owner;
    }

    private static String sha256(Path file) throws IOException {
        var md = SegmentIndex.sha256();
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buf = new byte[1 << 16];
            for (int n; (n = in.read(buf)) > 0; ) md.update(buf, 0, n);
        }
        return HexFormat.of().formatHex(md.digest());
    }
}
