package kz.emtihan.bench;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.concurrent.TimeUnit;

/**
 * The generator's HTTP/1.1 client: its own Vert.x with one event loop, a fixed pool of keep-alive
 * connections to 127.0.0.1 (never any other host), a 60 s idle timeout per request so nothing hangs.
 * Its event loop may run 2 s before Vert.x warns, so a "blocked" warning with a 100 ms limit is never ours.
 */
final class Client implements AutoCloseable {
    static final String HOST = "127.0.0.1";
    private final Vertx vertx;
    private final HttpClientAgent http;
    private final Context context;
    private final Thread thread;
    private final int port;

    /** A response: status and body. */
    record Reply(int status, Buffer body) {
        JsonObject json() {
            return new JsonObject(body);
        }

        JsonArray array() {
            return new JsonArray(body);
        }

        /** The API's kebab-case error code, or "" when the body has none. */
        String error() {
            try {
                return Json.decodeValue(body) instanceof JsonObject o && o.getValue("error") instanceof String s
                        ? s
                        : "";
            } catch (RuntimeException e) {
                return "";
            }
        }

        /** "status error-code", how errors are counted. */
        String label() {
            String e = error();
            return e.isEmpty() ? Integer.toString(status) : status + " " + e;
        }
    }

    Client(int port, int connections, boolean gzip) {
        this.port = port;
        this.vertx = Vertx.vertx(new VertxOptions()
                .setEventLoopPoolSize(1)
                .setMaxEventLoopExecuteTime(2)
                .setMaxEventLoopExecuteTimeUnit(TimeUnit.SECONDS));
        this.http = vertx.createHttpClient(
                new HttpClientOptions()
                        .setDefaultHost(HOST)
                        .setDefaultPort(port)
                        .setKeepAlive(true)
                        .setDecompressionSupported(gzip)
                        .setConnectTimeout(10_000),
                new PoolOptions().setHttp1MaxSize(connections).setMaxWaitQueueSize(-1));
        this.context = vertx.getOrCreateContext();
        Promise<Thread> t = Promise.promise();
        context.runOnContext(v -> t.complete(Thread.currentThread()));
        this.thread = await(t.future(), 10);
    }

    Future<Reply> send(HttpMethod method, String path, String token, Buffer body) {
        RequestOptions o = new RequestOptions()
                .setMethod(method)
                .setHost(HOST)
                .setPort(port)
                .setURI(path)
                .setIdleTimeout(60_000);
        if (token != null) o.putHeader("Authorization", "Bearer " + token);
        if (body != null) o.putHeader("Content-Type", "application/json");
        return http.request(o)
                .compose(req -> (body == null ? req.send() : req.send(body))
                        .compose(resp -> resp.body().map(b -> new Reply(resp.statusCode(), b))));
    }

    Future<Reply> post(String path, String token, Object json) {
        return send(HttpMethod.POST, path, token, json == null ? null : Buffer.buffer(Json.encode(json)));
    }

    Future<Reply> put(String path, String token, Object json) {
        return send(HttpMethod.PUT, path, token, Buffer.buffer(Json.encode(json)));
    }

    /** Blocks a non-Vert.x thread for a setup call and fails unless the status is the expected one. */
    Reply expect(int status, Future<Reply> call, String what) {
        Reply r = await(call, 120);
        if (r.status() != status) throw new IllegalStateException(what + ": " + r.status() + " " + r.body());
        return r;
    }

    /** Blocks a non-Vert.x thread until the future completes; a timeout becomes an unchecked failure. */
    static <T> T await(Future<T> f, long seconds) {
        try {
            return f.await(seconds, TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("no answer within " + seconds + " s", e);
        }
    }

    Vertx vertx() {
        return vertx;
    }

    /** The one event loop context every generated request is issued from and completes on. */
    Context context() {
        return context;
    }

    Thread thread() {
        return thread;
    }

    @Override
    public void close() {
        await(http.close(), 10);
        await(vertx.close(), 10);
    }
}
