package kz.emtihan;

import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import kz.emtihan.config.ConfigLoader;
import kz.emtihan.config.EmtihanConfig;

/**
 * A real engine for tests: embedded Redis in a fresh temp data dir, the repository's config files,
 * HTTP on a free port, bcrypt at its cheapest cost so logins are quick. Speaks HTTP like any client.
 * A class that needs no engine of its own takes a shared one ({@link SharedEngine}).
 */
public final class TestEngine implements AutoCloseable {
    public static final String ADMIN_PASSWORD = "admin-test-password";
    private final Engine engine;
    private final boolean shared;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private TestEngine(Engine engine, boolean shared) {
        this.engine = engine;
        this.shared = shared;
    }

    public static TestEngine start() {
        return start(Map.of());
    }

    /** @param env EMTIHAN_* overrides, as the environment would give them */
    public static TestEngine start(Map<String, String> env) {
        return start(env, false);
    }

    /** As {@code --demo} starts it: the demo users, bank, exams and sitting (DemoData). */
    public static TestEngine startDemo() {
        return start(Map.of(), true);
    }

    /** For {@link SharedEngineExtension}: an engine that only the end of the run stops. */
    static TestEngine startShared(Map<String, String> env, boolean demo) {
        return new TestEngine(startEngine(env, demo), true);
    }

    private static TestEngine start(Map<String, String> env, boolean demo) {
        return new TestEngine(startEngine(env, demo), false);
    }

    private static Engine startEngine(Map<String, String> env, boolean demo) {
        try {
            Path data = Files.createTempDirectory("emtihan-test");
            var merged = new java.util.HashMap<String, String>();
            merged.put("EMTIHAN_PORT", "0");
            merged.put("EMTIHAN_DATA_DIR", data.toString());
            merged.put("EMTIHAN_AUTH_BCRYPT_COST", "4");
            merged.put("EMTIHAN_SWEEPER_INTERVAL_MILLIS", "200");
            merged.putAll(env);
            EmtihanConfig cfg = ConfigLoader.load(Optional.of(configDir()), merged);
            return Engine.start(cfg, Optional.of(ADMIN_PASSWORD), demo);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Path configDir() {
        return Path.of(System.getProperty("emtihan.config.dir", "../config"));
    }

    public Engine engine() {
        return engine;
    }

    public String base() {
        return "http://localhost:" + engine.port();
    }

    /** A response: status, body text, headers. */
    public record Reply(int status, String body, java.net.http.HttpHeaders headers) {
        public JsonObject json() {
            return new JsonObject(body);
        }

        public JsonArray array() {
            return new JsonArray(body);
        }

        public String error() {
            return json().getString("error");
        }
    }

    public Reply send(String method, String path, String token, String contentType, byte[] body, String... headers) {
        return sendTo(base(), method, path, token, contentType, body, headers);
    }

    /** A JSON request to another engine node (a second process on the same Redis). */
    public Reply sendTo(String base, String method, String path, String token, Object json) {
        return sendTo(
                base,
                method,
                path,
                token,
                "application/json",
                json == null ? null : Json.encode(json).getBytes());
    }

    private Reply sendTo(
            String base, String method, String path, String token, String contentType, byte[] body, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(30))
                .method(
                        method,
                        body == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofByteArray(body));
        if (token != null) b.header("Authorization", "Bearer " + token);
        if (contentType != null) b.header("Content-Type", contentType);
        for (int i = 0; i + 1 < headers.length; i += 2) b.header(headers[i], headers[i + 1]);
        try {
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(r.statusCode(), r.body(), r.headers());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Polls {@code condition} until it holds, failing after {@code limit}: for state that changes off the test's thread. */
    public static void awaitUntil(String what, java.util.function.BooleanSupplier condition, Duration limit) {
        long giveUp = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > giveUp) throw new AssertionError("timed out waiting until " + what);
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting until " + what, e);
            }
        }
    }

    /** The raw bytes of a GET that must succeed (images, recordings). */
    public byte[] getBytes(String path, String token, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base() + path))
                .timeout(Duration.ofSeconds(30))
                .GET();
        if (token != null) b.header("Authorization", "Bearer " + token);
        for (int i = 0; i + 1 < headers.length; i += 2) b.header(headers[i], headers[i + 1]);
        try {
            HttpResponse<byte[]> r = http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
            if (r.statusCode() / 100 != 2) throw new AssertionError("GET " + path + " answered " + r.statusCode());
            return r.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public Reply get(String path, String token) {
        return send("GET", path, token, null, null);
    }

    public Reply post(String path, String token, Object json) {
        return send(
                "POST",
                path,
                token,
                "application/json",
                json == null ? null : Json.encode(json).getBytes());
    }

    public Reply put(String path, String token, Object json) {
        return send("PUT", path, token, "application/json", Json.encode(json).getBytes());
    }

    /** Logs in and returns the token; fails the test if login fails. */
    public String login(String user, String password) {
        Reply r = post(
                "/api/v1/auth/login",
                null,
                new JsonObject().put("username", user).put("password", password));
        if (r.status() != 200) throw new AssertionError("login " + user + " failed: " + r.status() + " " + r.body());
        return r.json().getString("token");
    }

    public String admin() {
        return login("admin", ADMIN_PASSWORD);
    }

    /** Creates users with one role each (password = id + "-password") and returns nothing; fails on error. */
    public void users(String role, String... ids) {
        JsonArray list = new JsonArray();
        for (String id : ids) {
            list.add(new JsonObject()
                    .put("id", id)
                    .put("name", id)
                    .put("roles", new JsonArray().add(role))
                    .put("password", id + "-password"));
        }
        Reply r = post("/api/v1/users", admin(), list);
        if (r.status() != 200) throw new AssertionError("creating users failed: " + r.body());
    }

    public String loginAs(String id) {
        return login(id, id + "-password");
    }

    /** One command straight to the engine's Redis, as an operator (or an attacker with store access) would. */
    public io.vertx.redis.client.Response redis(io.vertx.redis.client.Request request) {
        try {
            return engine.services().store().redis().send(request).await(10, java.util.concurrent.TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("Redis did not answer", e);
        }
    }

    @Override
    public void close() {
        if (shared) throw new IllegalStateException("a shared engine is stopped by SharedEngineExtension, not a test");
        engine.close();
    }

    void stopShared() {
        engine.close();
    }
}
