package kz.emtihan.bench;

import com.sun.management.OperatingSystemMXBean;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import kz.emtihan.exam.ExamKeys;

/**
 * Issue 14 (9): the server under test in a JVM of its own, so that a GC pause or a blocked event loop counted against
 * the engine is the engine's, not the load generator's. {@code BenchNodeMain engine|ceiling --appendfsync ..
 * --redis-server .. --pool ..} starts the engine ({@link BenchEngine}) or the ceiling ({@link CeilingServer}), prints
 * {@code @bench {"port":..}} and then answers one line per command read on stdin, measured inside this JVM: its CPU
 * time and its child redis-server's, its GC pauses, its blocked-thread warnings, its heap after a full GC, Redis's
 * latency monitor and what the sweeper has left. Nothing of this is an HTTP endpoint; only the bench's pipe reaches it.
 * The engine's own log lines share stdout and are told apart by the prefix. The JVM ends when stdin closes.
 */
public final class BenchNodeMain {
    static final String PREFIX = "@bench ";

    private BenchNodeMain() {}

    public static void main(String[] argv) throws Exception {
        String kind = argv[0];
        BenchArgs args = BenchArgs.parse(Arrays.copyOfRange(argv, 1, argv.length));
        BlockedThreadWatch watch = BlockedThreadWatch.attach();
        GcPauses gc = GcPauses.attach();
        AutoCloseable server;
        Redis redis;
        int port;
        if ("engine".equals(kind)) {
            BenchEngine e = BenchEngine.start(args);
            server = e;
            redis = e.engine().services().store().redis();
            port = e.port();
        } else {
            CeilingServer c = CeilingServer.start(args.appendfsync(), args.redisServer(), args.pool());
            server = c;
            redis = c.store().redis();
            port = c.port();
        }
        say(new JsonObject()
                .put("port", port)
                .put("pid", ProcessHandle.current().pid()));
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line;
        while ((line = in.readLine()) != null) {
            String[] cmd = line.strip().split(" ");
            if ("quit".equals(cmd[0])) break;
            JsonObject out;
            try {
                out = answer(cmd, redis, gc, watch);
            } catch (RuntimeException e) {
                out = new JsonObject().put("error", e.toString());
            }
            say(out);
        }
        try {
            server.close();
        } finally {
            say(new JsonObject().put("bye", true));
            System.exit(0);
        }
    }

    private static JsonObject answer(String[] cmd, Redis redis, GcPauses gc, BlockedThreadWatch watch) {
        return switch (cmd[0]) {
            case "now" -> new JsonObject().put("nanos", System.nanoTime());
            case "cpu" -> cpu();
            case "heap" -> heap();
            case "pauses" -> {
                JsonArray a = new JsonArray();
                for (GcPauses.Pause p : gc.between(Long.MIN_VALUE, Long.MAX_VALUE))
                    a.add(new JsonArray().add(p.endNanos()).add(p.millis()).add(p.cause()));
                yield new JsonObject().put("pauses", a);
            }
            case "blocked" -> {
                JsonArray a = new JsonArray();
                for (BlockedThreadWatch.Warning w : watch.all())
                    a.add(new JsonArray()
                            .add(w.atNanos())
                            .add(w.thread())
                            .add(w.blockedMs())
                            .add(w.limitMs())
                            .add(w.stack()));
                yield new JsonObject().put("blocked", a);
            }
            case "latency-enable" -> {
                RedisLatency.enable(redis);
                yield new JsonObject();
            }
            case "latency-report" -> new JsonObject().put("text", RedisLatency.report(redis));
            case "due" -> due(redis, Long.parseLong(cmd[1]));
            default -> new JsonObject().put("error", "unknown command " + cmd[0]);
        };
    }

    /** CPU nanoseconds of this JVM and of its redis-server, and milliseconds this JVM spent collecting garbage. */
    private static JsonObject cpu() {
        var os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long redis = ProcessHandle.current()
                .children()
                .mapToLong(
                        p -> p.info().totalCpuDuration().map(Duration::toNanos).orElse(0L))
                .sum();
        long gc = ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(b -> Math.max(0, b.getCollectionTime()))
                .sum();
        return new JsonObject()
                .put("jvm", os.getProcessCpuTime())
                .put("redis", redis)
                .put("gc", gc);
    }

    /** The heap in use after a full collection (System.gc() is a full, stop-the-world GC in G1 by default). */
    @SuppressWarnings("java:S1215")
    private static JsonObject heap() {
        long t = System.nanoTime();
        System.gc();
        System.gc();
        MemoryUsage h = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        return new JsonObject()
                .put("used", h.getUsed())
                .put("committed", h.getCommitted())
                .put("max", h.getMax())
                .put("gcMillis", (System.nanoTime() - t) / 1_000_000);
    }

    /**
     * Attempts whose deadline is at or before {@code millis} and still open, and finalised ones not yet graded: over the
     * work lists of every exam in the sweep index (issue 14, 2).
     */
    private static JsonObject due(Redis redis, long millis) {
        long open = 0, toGrade = 0;
        for (String exam : Client.await(kz.emtihan.exam.SweepIndex.exams(redis), 30)) {
            open += Client.await(
                            redis.send(Request.cmd(Command.ZCOUNT)
                                    .arg(ExamKeys.deadlines(exam))
                                    .arg("-inf")
                                    .arg(millis)),
                            30)
                    .toLong();
            toGrade += Client.await(redis.send(Request.cmd(Command.SCARD).arg(ExamKeys.toGrade(exam))), 30)
                    .toLong();
        }
        return new JsonObject().put("open", open).put("toGrade", toGrade);
    }

    private static void say(JsonObject o) {
        synchronized (System.out) {
            System.out.println(PREFIX + o.encode());
            System.out.flush();
        }
    }
}
