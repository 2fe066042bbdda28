package kz.emtihan.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Issue 14 (7): the pages' release, a hash of every file under the root folder. A page (HTML, always revalidated)
 * names its script and styles under {@code /r/<release>/}; every module imports the others by relative paths, so
 * the whole module graph is fetched under that prefix, and a URL with the current release never changes content: it
 * is cached as immutable. A new release is a new prefix, so the next visit fetches it, while a visit within a
 * release costs the HTML's revalidation and nothing else.
 */
final class Release {
    static final String PREFIX = "/r/";
    /** The page's own script and styles (relative, as the pages write them). */
    private static final Pattern ASSET = Pattern.compile("((?:src|href)=\")((?:pages|lib|css|vendor)/[^\"]+\")");

    private Release() {}

    /** The release of the files under root (as found where the sign-in page is: a jar or a folder). */
    static String of(ClassLoader loader, String root) {
        String indexFile = Pages.file("/index.html");
        URL index = loader.getResource(root + indexFile);
        if (index == null) return "none";
        Map<String, byte[]> hashes = new TreeMap<>(); // by name, so the order is the same everywhere
        try {
            if (index.getProtocol().equals("jar")) {
                JarURLConnection jar = (JarURLConnection) index.openConnection();
                jar.setUseCaches(false);
                try (JarFile file = jar.getJarFile()) {
                    for (JarEntry e : java.util.Collections.list(file.entries())) {
                        if (e.isDirectory() || !e.getName().startsWith(root + "/")) continue;
                        try (InputStream in = file.getInputStream(e)) {
                            hashes.put(e.getName(), sha256(in.readAllBytes()));
                        }
                    }
                }
            } else {
                Path folder = Path.of(index.toURI());
                for (int i = indexFile.split("/").length - 1; i > 0; i--) folder = folder.getParent(); // up to root
                try (Stream<Path> files = Files.walk(folder)) {
                    for (Path p : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator)
                        hashes.put(folder.relativize(p).toString().replace('\\', '/'), sha256(Files.readAllBytes(p)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        MessageDigest all = digest();
        hashes.forEach((name, hash) -> {
            all.update(name.getBytes(StandardCharsets.UTF_8));
            all.update(hash);
        });
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(all.digest())
                .substring(0, 12);
    }

    /** The page with its script and styles under /r/release/ (links to other pages stay as they are). */
    static byte[] rewrite(byte[] html, String release) {
        Matcher m = ASSET.matcher(new String(html, StandardCharsets.UTF_8));
        return m.replaceAll("$1" + Matcher.quoteReplacement(PREFIX + release + "/") + "$2")
                .getBytes(StandardCharsets.UTF_8);
    }

    static byte[] sha256(byte[] bytes) {
        return digest().digest(bytes);
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
