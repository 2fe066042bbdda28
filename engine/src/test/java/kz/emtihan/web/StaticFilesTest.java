package kz.emtihan.web;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.zip.GZIPInputStream;
import kz.emtihan.SharedEngine;
import kz.emtihan.TestEngine;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 14 (7): the pages come gzipped when the browser asks, with a content ETag that answers a revalidation with
 * 304 and no body, no-cache for the names that stay the same across releases, and a year's immutable caching for the
 * versioned vendor folder.
 */
@SharedEngine
class StaticFilesTest {
    static TestEngine app;
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start(TestEngine shared) {
        app = shared;
    }

    static HttpResponse<byte[]> get(String path, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(app.base() + path))
                .timeout(Duration.ofSeconds(30))
                .GET();
        for (int i = 0; i + 1 < headers.length; i += 2) b.header(headers[i], headers[i + 1]);
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    static byte[] resource(String path) throws IOException {
        try (InputStream in =
                StaticFilesTest.class.getClassLoader().getResourceAsStream("proctor-ui" + Pages.file(path))) {
            return in.readAllBytes();
        }
    }

    static byte[] gunzip(byte[] body) throws IOException {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
            return in.readAllBytes();
        }
    }

    static String header(HttpResponse<?> r, String name) {
        return r.headers().firstValue(name).orElse(null);
    }

    @Test
    void aPageAndAModuleComeGzippedWhenAskedWithAContentEtagAndRevalidation() throws Exception {
        for (String path : new String[] {"/attempt.html", "/lib/i18n.js", "/css/app.css"}) {
            HttpResponse<byte[]> r = get(path, "Accept-Encoding", "gzip, deflate, br");
            assertEquals(200, r.statusCode(), path);
            assertEquals("gzip", header(r, "Content-Encoding"), path);
            assertEquals("Accept-Encoding", header(r, "Vary"), path);
            assertEquals("no-cache", header(r, "Cache-Control"), path + ": a release shows at once");
            byte[] original = path.endsWith(".html") ? Release.rewrite(resource(path), release()) : resource(path);
            assertArrayEquals(original, gunzip(r.body()), path);
            assertTrue(r.body().length < original.length * 0.6, path + " compressed: " + r.body().length);
            String etag = header(r, "ETag");
            assertTrue(etag.startsWith("\"") && etag.endsWith("-gz\""), etag);

            HttpResponse<byte[]> again = get(path, "Accept-Encoding", "gzip", "If-None-Match", etag);
            assertEquals(304, again.statusCode(), path + " revalidated");
            assertEquals(0, again.body().length);
            assertEquals(etag, header(again, "ETag"));
            assertEquals("no-cache", header(again, "Cache-Control"));

            HttpResponse<byte[]> other = get(path, "Accept-Encoding", "gzip", "If-None-Match", "\"another\"");
            assertEquals(200, other.statusCode(), path + ": another tag gets the file");
        }
    }

    @Test
    void withoutGzipTheFileComesAsItIsWithItsOwnEtag() throws Exception {
        for (String[] ask : new String[][] {{}, {"Accept-Encoding", "gzip;q=0, deflate"}}) {
            HttpResponse<byte[]> r = get("/lib/i18n.js", ask);
            assertEquals(200, r.statusCode());
            assertTrue(header(r, "Content-Encoding") == null || "identity".equals(header(r, "Content-Encoding")));
            assertArrayEquals(resource("/lib/i18n.js"), r.body());
            assertTrue(header(r, "Content-Type").startsWith("text/javascript"), header(r, "Content-Type"));
            assertEquals(
                    etagOf(resource("/lib/i18n.js")),
                    header(r, "ETag"),
                    "the ETag is the content's hash: the same on every node and after a restart");
            assertEquals(
                    304, get("/lib/i18n.js", "If-None-Match", header(r, "ETag")).statusCode());
        }
    }

    @Test
    void theVersionedVendorFolderIsImmutable() throws Exception {
        // the version package.json installs names the folder (proctor-ui/pom.xml; page-messages.test.mjs checks both)
        String katex = "katex-"
                + new JsonObject(Files.readString(Path.of("..", "proctor-ui", "package.json")))
                        .getJsonObject("dependencies")
                        .getString("katex");
        HttpResponse<byte[]> r = get("/vendor/" + katex + "/katex.mjs", "Accept-Encoding", "gzip");
        assertEquals(200, r.statusCode());
        assertEquals("public, max-age=31536000, immutable", header(r, "Cache-Control"));
        assertEquals("gzip", header(r, "Content-Encoding"));
        assertArrayEquals(resource("/vendor/" + katex + "/katex.mjs"), gunzip(r.body()));
    }

    @Test
    void theRootIsTheLoginPageAndNoOtherFileIsInvented() throws Exception {
        HttpResponse<byte[]> root = get("/");
        assertEquals(200, root.statusCode());
        assertArrayEquals(get("/index.html").body(), root.body());
        assertEquals(404, get("/no-such-page.html").statusCode());
        assertEquals(404, get("/lib/").statusCode(), "a folder is not a file");
        assertEquals(404, get("/%2e%2e/kz/emtihan/Engine.class").statusCode(), "nothing outside proctor-ui/");
        HttpResponse<byte[]> api = get("/api/v1/openapi.yaml", "Accept-Encoding", "gzip");
        assertNotEquals("no-cache", header(api, "Cache-Control"), "the API is not a static file");
    }

    @Test
    void aPageNamesItsModulesUnderTheReleaseWhichAreImmutableAndTheirImportsWithThem() throws Exception {
        String page = new String(get("/attempt.html").body(), StandardCharsets.UTF_8);
        String release = release();
        assertTrue(page.contains("src=\"/r/" + release + "/pages/attempt/attempt.js\""), page);
        assertTrue(page.contains("href=\"/r/" + release + "/css/app.css\""), page);
        assertFalse(page.contains("src=\"pages/") || page.contains("href=\"css/"), "every script and style moved");
        assertTrue(page.contains("href=\"exams.html\""), "links to other pages stay as they are");

        // the entry module and what it imports relatively (../lib/i18n.js) come from under the release, for good
        for (String path : new String[] {"/pages/attempt/attempt.js", "/lib/i18n.js", "/css/app.css"}) {
            HttpResponse<byte[]> r = get("/r/" + release + path, "Accept-Encoding", "gzip");
            assertEquals(200, r.statusCode(), path);
            assertEquals("public, max-age=31536000, immutable", header(r, "Cache-Control"), path);
            assertEquals("gzip", header(r, "Content-Encoding"), path);
            assertArrayEquals(resource(path), gunzip(r.body()), path);
        }
        // another node's release (a rolling restart): this node's file, but only until the next revalidation
        HttpResponse<byte[]> other = get("/r/AnotherOne123/pages/attempt/attempt.js");
        assertEquals(200, other.statusCode());
        assertEquals("no-cache", header(other, "Cache-Control"));
        assertEquals(404, get("/r/" + release + "/pages/no-such-module.js").statusCode());
    }

    @Test
    void aPageIsServedAtItsAddressFromItsFolderAndOnlyThere() throws Exception {
        // issue 15 (7): pages/<name>/<name>.html is the page /<name>.html; its links stay relative to that address
        assertEquals("/pages/attempt/attempt.html", Pages.file("/attempt.html"));
        assertEquals("/pages/sitting-student/sitting-student.html", Pages.file("/sitting-student.html"));
        assertEquals("/lib/i18n.js", Pages.file("/lib/i18n.js"));
        HttpResponse<byte[]> page = get("/sitting-student.html");
        assertEquals(200, page.statusCode());
        assertArrayEquals(Release.rewrite(resource("/sitting-student.html"), release()), page.body());
        assertArrayEquals(get("/index.html").body(), get("/").body(), "the root is the sign-in page");
        assertEquals(404, get("/pages/attempt/attempt.html").statusCode(), "a page has one address");
        assertEquals(404, get("/r/" + release() + "/pages/attempt/attempt.html").statusCode());
        assertEquals(200, get("/r/" + release() + "/pages/attempt/attempt.js").statusCode(), "its modules are there");
        assertEquals(404, get("/pages/attempt/").statusCode());
    }

    @Test
    void acceptEncodingIsReadAsRfc9110SaysForGzip() {
        assertTrue(StaticFiles.acceptsGzip("gzip"));
        assertTrue(StaticFiles.acceptsGzip("br, gzip;q=0.5"));
        assertTrue(StaticFiles.acceptsGzip("*"));
        assertFalse(StaticFiles.acceptsGzip(null));
        assertFalse(StaticFiles.acceptsGzip("br, deflate"));
        assertFalse(StaticFiles.acceptsGzip("gzip;q=0"));
        assertFalse(StaticFiles.acceptsGzip("gzip; q=0.000"));
    }

    /** The release: a hash of every file of the pages, the same on every node with the same jar. */
    static String release() {
        return Release.of(StaticFilesTest.class.getClassLoader(), "proctor-ui");
    }

    static String etagOf(byte[] bytes) throws Exception {
        byte[] hash = MessageDigest.getInstance("SHA-256").digest(bytes);
        return '"'
                + Base64.getUrlEncoder().withoutPadding().encodeToString(hash).substring(0, 22)
                + '"';
    }
}
