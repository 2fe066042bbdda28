package kz.emtihan.bank.imports;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

/**
 * The files of an IMS content package ({@code .zip}), by their path inside it. Guarded against archives built to
 * harm: at most {@link #MAX_ENTRIES} entries, {@link #MAX_TOTAL} bytes unpacked in all, no entry that unpacks to
 * more than {@link #MAX_RATIO} times the whole archive's size once past a megabyte, and no path that leaves the
 * package ({@code ..}, an absolute path, a drive letter). Any of those refuses the whole file.
 */
final class QtiPackage {
    static final int MAX_ENTRIES = 5_000;
    static final long MAX_TOTAL = 200L << 20;
    static final long MAX_RATIO = 100;
    private static final long RATIO_FROM = 1L << 20;

    private final Map<String, byte[]> files;

    private QtiPackage(Map<String, byte[]> files) {
        this.files = files;
    }

    /** Whether the bytes are a zip archive (its local file header signature), whatever the file was called. */
    static boolean isZip(byte[] bytes) {
        return bytes.length >= 4 && bytes[0] == 'P' && bytes[1] == 'K' && bytes[2] == 3 && bytes[3] == 4;
    }

    static QtiPackage read(byte[] zip) throws ImportException {
        try {
            return read(zip, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notUtf8) {
            // names without the zip's UTF-8 flag that are not UTF-8: what Windows' "Send to compressed folder" writes
            // on a Russian system is the OEM code page, 866
            try {
                return read(zip, Charset.forName("IBM866"));
            } catch (IllegalArgumentException e) {
                throw refused("fault.zip-broken");
            }
        }
    }

    private static QtiPackage read(byte[] zip, Charset names) throws ImportException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        long total = 0;
        long ratioLimit = Math.max(RATIO_FROM, MAX_RATIO * zip.length);
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), names)) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                if (files.size() >= MAX_ENTRIES) throw refused("fault.zip-entries", "max", MAX_ENTRIES);
                String name = entry.getName().replace('\\', '/');
                if (!safe(name)) throw refused("fault.zip-path", "path", name);
                if (entry.isDirectory()) continue;
                byte[] bytes = readLimited(in, Math.min(ratioLimit, MAX_TOTAL - total));
                if (bytes == null) throw refused("fault.zip-bomb", "path", name);
                total += bytes.length;
                files.put(name, bytes);
            }
        } catch (ZipException e) {
            throw refused("fault.zip-broken");
        } catch (IOException e) {
            throw refused("fault.zip-broken");
        }
        if (files.isEmpty()) throw refused("fault.zip-broken");
        return new QtiPackage(rooted(files));
    }

    /**
     * A package zipped with its folder ({@code pkg/imsmanifest.xml}, as "compress this folder" makes it) is read from
     * that folder: when the root has no manifest and exactly one folder one level down has, its files are the package.
     */
    private static Map<String, byte[]> rooted(Map<String, byte[]> files) {
        if (files.containsKey(QtiManifest.FILE)) return files;
        List<String> manifests = files.keySet().stream()
                .filter(n -> n.endsWith("/" + QtiManifest.FILE) && n.indexOf('/') == n.lastIndexOf('/'))
                .toList();
        if (manifests.size() != 1) return files;
        String folder = manifests.get(0).substring(0, manifests.get(0).indexOf('/') + 1);
        Map<String, byte[]> out = new LinkedHashMap<>();
        files.forEach((name, bytes) -> {
            if (name.startsWith(folder)) out.put(name.substring(folder.length()), bytes);
        });
        return out;
    }

    /** The bytes, or null when there are more than {@code limit}. */
    private static byte[] readLimited(InputStream in, long limit) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        long read = 0;
        int n;
        while ((n = in.read(buffer)) > 0) {
            read += n;
            if (read > limit) return null;
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    private static boolean safe(String name) {
        if (name.isEmpty() || name.startsWith("/") || name.matches("^[A-Za-z]:.*") || name.indexOf('\0') >= 0)
            return false;
        for (String segment : name.split("/")) if (segment.equals("..")) return false;
        return true;
    }

    Optional<byte[]> file(String path) {
        return Optional.ofNullable(files.get(path));
    }

    /**
     * The package path a reference from the file at {@code from} points at ({@code ../img/a%20b.png} from {@code
     * items/q1.xml} is {@code img/a b.png}); empty for a URL with a scheme, or one that leaves the package.
     */
    static Optional<String> resolve(String from, String reference) {
        String ref = reference.strip();
        if (ref.isEmpty() || ref.startsWith("/") || ref.startsWith("#")) return Optional.empty();
        if (ref.matches("^[A-Za-z][A-Za-z0-9+.-]*:.*")) return Optional.empty(); // http:, data:, file:...
        String path = decode(ref.replaceFirst("[?#].*$", ""));
        List<String> segments = new ArrayList<>();
        String base = from.contains("/") ? from.substring(0, from.lastIndexOf('/')) : "";
        if (!base.isEmpty()) segments.addAll(List.of(base.split("/")));
        for (String s : path.split("/")) {
            if (s.isEmpty() || s.equals(".")) continue;
            if (s.equals("..")) {
                if (segments.isEmpty()) return Optional.empty();
                segments.remove(segments.size() - 1);
            } else {
                segments.add(s);
            }
        }
        return segments.isEmpty() ? Optional.empty() : Optional.of(String.join("/", segments));
    }

    private static String decode(String path) {
        try {
            return URLDecoder.decode(path.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notEncoded) {
            return path;
        }
    }

    private static ImportException refused(String key, Object... args) {
        return new ImportException(ImportTexts.of(key, args), 0, 0);
    }
}
