package kz.emtihan.web;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.MimeMapping;
import io.vertx.ext.web.RoutingContext;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * Issue 14 (7): the pages (HTML, ES modules, CSS) from the classpath folder {@code proctor-ui/}, gzip-compressed and
 * with a validator, so that a slow line carries each file once, compressed, and a second visit only asks "changed?".
 *
 * <p>Why not {@code StaticHandler} with the server's compression: Vert.x sends a file with {@code sendFile}, which
 * writes the headers as one message whose body is empty; Netty's compressor compares that empty body with the
 * server's content-size threshold (1,024 bytes, HttpVerticle) and leaves the whole response uncompressed. A
 * threshold of 0 would compress it, but also every small API answer (answer saves) on the hot path, per request.
 * Here each file is read and compressed once, on its first request, and kept: the jar does not change while the
 * engine runs. Its ETag is a hash of its content, so it is the same on every node of a cluster and across restarts
 * of one release (StaticHandler's ETag comes from the extracted file's time, different per node and per start).
 *
 * <p>Caching: a page (HTML) is {@code no-cache}: the browser keeps it but asks each time with {@code If-None-Match},
 * and a 304 costs a few hundred bytes; a release shows at once. The page names its script and styles under
 * {@code /r/<release>/} (Release: a hash of all the files), and their modules import each other by relative paths,
 * so with the current release such a URL is {@code immutable} for a year: a visit within a release asks for the
 * page and nothing else. A {@code /r/} URL of another release (a node not yet restarted, or already) gets this
 * node's file, revalidated. {@code /vendor/} is immutable too: its folder carries the package's version
 * ({@code vendor/katex-0.19.1/}). No brotli: the JDK has no
 * encoder, and the native one (brotli4j) would be a platform-specific dependency for some 15% fewer bytes than gzip.
 */
public final class StaticFiles implements Handler<RoutingContext> {
    static final String IMMUTABLE = "public, max-age=31536000, immutable";
    static final String REVALIDATE = "no-cache";
    private static final int MIN_COMPRESSED = 512;

    private final String root;
    private final ClassLoader loader;
    /** Set on the first load; until then no /r/ URL is taken as this release's (they are revalidated). */
    private volatile String release;

    private final Map<String, Future<Optional<StaticFile>>> files = new ConcurrentHashMap<>();

    /** One file as it is answered: its bytes, its gzip form (null when gzip would not help) and its headers. */
    record StaticFile(Buffer identity, Buffer gzip, String etag, String contentType) {
        String etag(boolean gzipped) {
            return gzipped ? etag.substring(0, etag.length() - 1) + "-gz\"" : etag;
        }
    }

    public StaticFiles(String root) {
        this.root = root;
        this.loader = StaticFiles.class.getClassLoader();
    }

    @Override
    public void handle(RoutingContext ctx) {
        HttpMethod method = ctx.request().method();
        if (method != HttpMethod.GET && method != HttpMethod.HEAD) {
            ctx.next();
            return;
        }
        String path = ctx.normalizedPath();
        if (path.endsWith("/")) path += "index.html";
        if (path.contains("..") || path.contains("\\")) {
            ctx.next();
            return;
        }
        // issue 14 (7): /r/<release>/… is the same file, cached for good when <release> is this engine's (Release)
        boolean forGood = false;
        if (path.startsWith(Release.PREFIX) && path.indexOf('/', Release.PREFIX.length()) > 0) {
            int slash = path.indexOf('/', Release.PREFIX.length());
            String asked = path.substring(Release.PREFIX.length(), slash);
            path = path.substring(slash);
            forGood = asked.equals(release) && !path.endsWith(".html");
        }
        // issue 15 (7): a page keeps its address (/attempt.html) while its file lives with its modules
        String name = Pages.file(path);
        if (name == null) {
            ctx.next(); // a page's file by its folder path: a page has one address, the one its links are relative to
            return;
        }
        boolean immutable = forGood || name.startsWith("/vendor/");
        // one load per file, shared by every request that comes before it is done (10,000 students at the start)
        Future<Optional<StaticFile>> file =
                files.computeIfAbsent(name, n -> ctx.vertx().executeBlocking(() -> load(n), false));
        if (file.isComplete()) {
            loaded(ctx, name, file, immutable);
            return;
        }
        Context here = ctx.vertx().getOrCreateContext();
        file.onComplete(done -> here.runOnContext(v -> loaded(ctx, name, file, immutable))); // on this request's loop
    }

    private void loaded(RoutingContext ctx, String name, Future<Optional<StaticFile>> file, boolean immutable) {
        if (file.failed()) {
            files.remove(name, file);
            ctx.fail(file.cause());
            return;
        }
        if (file.result().isEmpty()) files.remove(name, file); // an absent name is not kept: URLs are unbounded
        answer(ctx, file.result(), immutable);
    }

    private static void answer(RoutingContext ctx, Optional<StaticFile> found, boolean immutable) {
        if (found.isEmpty()) {
            ctx.next();
            return;
        }
        StaticFile file = found.get();
        boolean gzipped = file.gzip() != null && acceptsGzip(ctx.request().getHeader("Accept-Encoding"));
        String etag = file.etag(gzipped);
        HttpServerResponse response = ctx.response()
                .putHeader("Content-Type", file.contentType())
                .putHeader("Cache-Control", immutable ? IMMUTABLE : REVALIDATE)
                .putHeader("ETag", etag);
        if (file.gzip() != null) response.putHeader("Vary", "Accept-Encoding");
        if (matches(ctx.request().getHeader("If-None-Match"), file)) {
            response.setStatusCode(304).end();
            return;
        }
        Buffer body = gzipped ? file.gzip() : file.identity();
        // identity tells the server's own compressor to leave the bytes alone (the gzip form is already compressed)
        response.putHeader("Content-Encoding", gzipped ? "gzip" : "identity");
        if (ctx.request().method() == HttpMethod.HEAD) {
            response.putHeader("Content-Length", String.valueOf(body.length())).end();
        } else {
            response.end(body);
        }
    }

    /** Whether the client takes gzip: named (or *) in Accept-Encoding without q=0. */
    static boolean acceptsGzip(String acceptEncoding) {
        if (acceptEncoding == null) return false;
        for (String part : acceptEncoding.toLowerCase(Locale.ROOT).split(",")) {
            String[] pieces = part.trim().split(";");
            String coding = pieces[0].trim();
            if (!coding.equals("gzip") && !coding.equals("*")) continue;
            boolean refused = false;
            for (int i = 1; i < pieces.length; i++) {
                String q = pieces[i].trim();
                if (q.startsWith("q=")) refused = q.substring(2).trim().matches("0(\\.0*)?");
            }
            if (!refused) return true;
        }
        return false;
    }

    /** If-None-Match names this file, in either of its forms (weak comparison, as RFC 9110 13.1.2 wants). */
    static boolean matches(String ifNoneMatch, StaticFile file) {
        if (ifNoneMatch == null) return false;
        for (String tag : ifNoneMatch.split(",")) {
            String t = tag.trim();
            if (t.equals("*")) return true;
            if (t.startsWith("W/")) t = t.substring(2);
            if (t.equals(file.etag(false)) || t.equals(file.etag(true))) return true;
        }
        return false;
    }

    /** The file at path under the root, read and compressed; empty when there is none (or it is a folder). */
    Optional<StaticFile> load(String path) {
        URL url = loader.getResource(root + path);
        if (url == null || !isFile(url)) return Optional.empty();
        byte[] bytes;
        try (InputStream in = url.openStream()) {
            bytes = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String type = contentType(path);
        String current = release();
        if (type.startsWith("text/html")) bytes = Release.rewrite(bytes, current);
        byte[] gzip = compressible(type) && bytes.length >= MIN_COMPRESSED ? gzip(bytes) : null;
        if (gzip != null && gzip.length >= bytes.length) gzip = null;
        return Optional.of(
                new StaticFile(Buffer.buffer(bytes), gzip == null ? null : Buffer.buffer(gzip), etag(bytes), type));
    }

    /** This engine's release of the pages, found once (on a worker thread: it reads every file). */
    private synchronized String release() {
        if (release == null) release = Release.of(loader, root);
        return release;
    }

    private static boolean isFile(URL url) {
        try {
            return switch (url.getProtocol()) {
                case "file" -> Files.isRegularFile(Path.of(url.toURI()));
                case "jar" ->
                    !((JarURLConnection) url.openConnection()).getJarEntry().isDirectory();
                default -> false;
            };
        } catch (IOException | URISyntaxException e) {
            return false;
        }
    }

    static String contentType(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        String type = name.endsWith(".mjs") ? "text/javascript" : MimeMapping.mimeTypeForFilename(name);
        if (type == null) type = name.contains(".") ? "application/octet-stream" : "text/plain";
        return compressible(type) ? type + "; charset=utf-8" : type;
    }

    private static boolean compressible(String type) {
        return type.startsWith("text/")
                || type.startsWith("application/javascript")
                || type.startsWith("application/json")
                || type.startsWith("image/svg+xml")
                || type.startsWith("application/xml");
    }

    private static byte[] gzip(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 3 + 64);
        try (GZIPOutputStream gz = new GZIPOutputStream(out) {
            {
                def.setLevel(Deflater.BEST_COMPRESSION); // once per file per start: the smallest form is worth it
            }
        }) {
            gz.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** A strong validator from the content: the same on every node and after a restart with the same jar. */
    private static String etag(byte[] bytes) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(bytes);
            return '"'
                    + Base64.getUrlEncoder()
                            .withoutPadding()
                            .encodeToString(hash)
                            .substring(0, 22)
                    + '"';
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
