package kz.emtihan.media.objects;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Issue 14 (1): the object store as a local directory, the default: the key {@code a/b/c.jpg} is the file
 * {@code <root>/a/b/c.jpg}, so the layout on disk is the one the engine always had. A write goes to a temporary file
 * beside the target, is forced to disk and moved into place atomically, so a reader never sees half an object.
 */
public final class LocalObjects implements ObjectStore {
    private static final String TMP = ".tmp";
    private final Path root;

    public LocalObjects(Path root) throws IOException {
        this.root = Files.createDirectories(root).toRealPath();
    }

    public Path root() {
        return root;
    }

    /** The file of a key (which may not exist). */
    public Path file(String key) {
        Path p = root.resolve(ObjectStore.checked(key)).normalize();
        if (!p.startsWith(root)) throw new IllegalArgumentException("invalid object key");
        return p;
    }

    @Override
    public void put(String key, byte[] bytes) throws IOException {
        Path target = file(key);
        Files.createDirectories(target.getParent());
        Path tmp = target.resolveSibling(target.getFileName() + "." + UUID.randomUUID() + TMP);
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                ByteBuffer buf = ByteBuffer.wrap(bytes);
                while (buf.hasRemaining()) ch.write(buf);
                ch.force(true);
            }
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Issue 14 (1): a file copied beside the target, forced, and moved into place, as {@link #put}. */
    @Override
    public void put(String key, Path file) throws IOException {
        Path target = file(key);
        Files.createDirectories(target.getParent());
        Path tmp = target.resolveSibling(target.getFileName() + "." + UUID.randomUUID() + TMP);
        try {
            Files.copy(file, tmp);
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                ch.force(true);
            }
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    @Override
    public byte[] get(String key) throws IOException {
        return Files.readAllBytes(file(key));
    }

    @Override
    public InputStream stream(String key, long from, long length) throws IOException {
        FileChannel ch = FileChannel.open(file(key), StandardOpenOption.READ);
        ch.position(from);
        InputStream in = Channels.newInputStream(ch);
        return new InputStream() {
            long left = length;

            @Override
            public int read() throws IOException {
                if (left <= 0) return -1;
                int b = in.read();
                if (b >= 0) left--;
                return b;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (left <= 0) return -1;
                int n = in.read(b, off, (int) Math.min(len, left));
                if (n > 0) left -= n;
                return n;
            }

            @Override
            public void close() throws IOException {
                in.close();
            }
        };
    }

    @Override
    public List<Entry> list(String prefix) throws IOException {
        Path dir = folder(prefix);
        List<Entry> out = new ArrayList<>();
        if (!Files.isDirectory(dir)) return out;
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.toList()) {
                BasicFileAttributes a;
                try {
                    a = Files.readAttributes(p, BasicFileAttributes.class);
                } catch (java.nio.file.NoSuchFileException gone) {
                    continue; // deleted while listing
                }
                if (!a.isRegularFile() || p.getFileName().toString().endsWith(TMP)) continue;
                String key = root.relativize(p).toString().replace(java.io.File.separatorChar, '/');
                out.add(new Entry(key, a.size(), a.lastModifiedTime().toInstant()));
            }
        }
        out.sort(Comparator.comparing(Entry::key));
        return out;
    }

    @Override
    public List<String> folders(String prefix) throws IOException {
        Path dir = folder(prefix);
        List<String> out = new ArrayList<>();
        if (!Files.isDirectory(dir)) return out;
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, Files::isDirectory)) {
            for (Path p : ds) out.add(p.getFileName().toString());
        }
        out.sort(null);
        return out;
    }

    @Override
    public void delete(List<String> keys) throws IOException {
        for (String key : keys) Files.deleteIfExists(file(key));
    }

    /** Deletes the folder itself with everything in it, as the engine always did. */
    @Override
    public boolean deleteAll(String prefix) throws IOException {
        Path dir = folder(prefix);
        if (!Files.exists(dir)) return false;
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
        return true;
    }

    @Override
    public String describe() {
        return "directory " + root;
    }

    private Path folder(String prefix) {
        ObjectStore.checkedPrefix(prefix);
        return prefix.isEmpty() ? root : file(prefix.substring(0, prefix.length() - 1));
    }
}
