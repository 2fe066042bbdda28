package kz.emtihan.store;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisConnection;
import io.vertx.redis.client.RedisOptions;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A real Redis (the one the engine would start here: {@code auto}) for the Lua contract tests: each script is run
 * directly, by the same {@link LuaScript} the engine uses, with no engine around it.
 */
public final class ScriptRedis implements AutoCloseable {
    private final EmbeddedRedis server;
    private final Vertx vertx;
    private final Redis redis;
    private final List<Redis> subscribers = new ArrayList<>();

    private ScriptRedis(EmbeddedRedis server, Vertx vertx, Redis redis) {
        this.server = server;
        this.vertx = vertx;
        this.redis = redis;
    }

    private static ScriptRedis shared;

    /**
     * The one Redis of this test JVM, started on first use and stopped when the JVM exits: contract tests share it
     * (each test makes its own ids), so a run pays for one server start.
     */
    public static synchronized ScriptRedis shared() throws Exception {
        if (shared == null) {
            shared = start();
            ScriptRedis s = shared;
            Runtime.getRuntime().addShutdownHook(new Thread(s::close));
        }
        return shared;
    }

    public static ScriptRedis start() throws Exception {
        EmbeddedRedis server = EmbeddedRedis.start(Files.createTempDirectory("lua-contract"), "no", "auto");
        Vertx vertx = Vertx.vertx();
        Redis redis = Redis.createClient(vertx, new RedisOptions().setConnectionString(server.url()));
        return new ScriptRedis(server, vertx, redis);
    }

    /** The client, for a store class under test. */
    public Redis redis() {
        return redis;
    }

    /** Runs the script (EVALSHA, else EVAL) and waits for its answer. */
    public Response run(LuaScript script, List<String> keys, List<String> args) {
        return await(script.run(redis, keys, args));
    }

    /** One command, e.g. {@code cmd(Command.HSET, key, field, value)}. */
    public Response cmd(Command command, Object... args) {
        Request r = Request.cmd(command);
        for (Object a : args) r.arg(String.valueOf(a));
        return await(redis.send(r));
    }

    /** The store's clock in epoch milliseconds, as the scripts read it. */
    public long now() {
        Response t = cmd(Command.TIME);
        return t.get(0).toLong() * 1000 + t.get(1).toLong() / 1000;
    }

    /** The list's entries as strings. */
    public List<String> list(String key) {
        List<String> out = new ArrayList<>();
        for (Response r : cmd(Command.LRANGE, key, 0, -1)) out.add(r.toString());
        return out;
    }

    /** Every message published on the channel from now on, in order. */
    public BlockingQueue<String> subscribe(String channel) {
        BlockingQueue<String> out = new LinkedBlockingQueue<>();
        // a client of its own: a subscribed connection never goes back to the shared client's pool
        Redis client = Redis.createClient(vertx, new RedisOptions().setConnectionString(server.url()));
        RedisConnection conn = await(client.connect());
        conn.handler(r -> {
            if (r != null && r.size() >= 3 && "message".equals(r.get(0).toString()))
                out.add(r.get(2).toString());
        });
        await(conn.send(Request.cmd(Command.SUBSCRIBE).arg(channel)));
        subscribers.add(client);
        return out;
    }

    /** The next message of a subscription, failing after 5 s. */
    public static JsonObject next(BlockingQueue<String> messages) {
        try {
            String m = messages.poll(5, TimeUnit.SECONDS);
            if (m == null) throw new AssertionError("no message in 5 s");
            return new JsonObject(m);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static <T> T await(Future<T> f) {
        try {
            return f.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        subscribers.forEach(Redis::close);
        redis.close();
        vertx.close();
        server.close();
    }
}
