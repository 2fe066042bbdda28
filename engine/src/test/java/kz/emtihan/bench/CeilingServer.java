package kz.emtihan.bench;

import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Request;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import kz.emtihan.store.EmbeddedRedis;
import kz.emtihan.store.RedisStore;

/**
 * The ceiling the engine's save is compared with: a bare Vert.x HTTP endpoint that does exactly one Redis
 * write per request, {@code PUT /ceiling/{student}/{question}} → {@code HSET ceil:{student} {question} <body>}
 * → {@code 200 {"seq":1}}. It uses what the engine uses and nothing more: the same Vert.x options
 * (100 ms blocked-thread limit), the same number of HTTP verticle instances (one per core) and server
 * options, the engine's {@link RedisStore} client with the same pool size, and the engine's
 * {@link EmbeddedRedis} (AOF, same appendfsync) in a fresh data dir. No routing, auth, JSON or Lua.
 */
public final class CeilingServer implements AutoCloseable {
    private final Vertx vertx;
    private final RedisStore store;
    private final EmbeddedRedis redis;
    private final Path dataDir;
    private final int port;

    private CeilingServer(Vertx vertx, RedisStore store, EmbeddedRedis redis, Path dataDir, int port) {
        this.vertx = vertx;
        this.store = store;
        this.redis = redis;
        this.dataDir = dataDir;
        this.port = port;
    }

    /** Starts Redis and the endpoint on 127.0.0.1:{a free port}; blocks until it listens. */
    public static CeilingServer start(String appendfsync, String redisServer, int poolSize) {
        Path data = BenchEngine.tempDir("emtihan-ceiling");
        EmbeddedRedis redis = null;
        Vertx vertx = null;
        boolean started = false;
        try {
            redis = EmbeddedRedis.start(data, appendfsync, redisServer);
            vertx = Vertx.vertx(new VertxOptions()
                    .setMaxEventLoopExecuteTime(100)
                    .setMaxEventLoopExecuteTimeUnit(TimeUnit.MILLISECONDS)
                    .setBlockedThreadCheckInterval(100)
                    .setBlockedThreadCheckIntervalUnit(TimeUnit.MILLISECONDS));
            RedisStore store = RedisStore.connect(vertx, redis.url(), poolSize);
            Client.await(store.ping(), 30);
            int port = BenchEngine.freePort();
            Client.await(
                    vertx.deployVerticle(
                            () -> new Endpoint(store, port),
                            new DeploymentOptions()
                                    .setInstances(
                                            Math.max(1, Runtime.getRuntime().availableProcessors()))),
                    30);
            CeilingServer server = new CeilingServer(vertx, store, redis, data, port);
            started = true;
            return server;
        } finally {
            if (!started) {
                if (vertx != null) Client.await(vertx.close(), 20);
                if (redis != null) redis.stop();
                BenchEngine.deleteTree(data);
            }
        }
    }

    public int port() {
        return port;
    }

    /** The endpoint's Redis client (the bench reads Redis's latency monitor through it). */
    public RedisStore store() {
        return store;
    }

    @Override
    public void close() {
        try {
            Client.await(vertx.close(), 20);
        } finally {
            redis.stop();
            BenchEngine.deleteTree(dataDir);
        }
    }

    /** One HTTP server instance, as the engine's HttpVerticle (same options), with one handler. */
    private static final class Endpoint extends VerticleBase {
        private final RedisStore store;
        private final int port;

        Endpoint(RedisStore store, int port) {
            this.store = store;
            this.port = port;
        }

        @Override
        public Future<?> start() {
            var options = new HttpServerOptions()
                    .setHost(Client.HOST)
                    .setPort(port)
                    .setCompressionSupported(true)
                    .setIdleTimeout(120);
            return vertx.createHttpServer(options).requestHandler(this::handle).listen();
        }

        private void handle(HttpServerRequest req) {
            String[] parts = req.path().split("/");
            if (parts.length != 4 || !"ceiling".equals(parts[1])) {
                req.response().setStatusCode(404).end();
                return;
            }
            req.body()
                    .compose(body -> store.redis()
                            .send(Request.cmd(Command.HSET)
                                    .arg("ceil:" + parts[2])
                                    .arg(parts[3])
                                    .arg(body)))
                    .onComplete(ar -> {
                        if (ar.succeeded()) {
                            req.response()
                                    .putHeader("Content-Type", "application/json")
                                    .end("{\"seq\":1}");
                        } else {
                            req.response().setStatusCode(500).end("{\"error\":\"store\"}");
                        }
                    });
        }
    }
}
