package kz.emtihan.bench;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Issue 14 (9): the engine (or the ceiling) as a child JVM of the generator: {@code java -Xmx<engine-heap> -cp <this
 * classpath> kz.emtihan.bench.BenchNodeMain engine ...}. The generator talks to it over HTTP like browsers do, and asks
 * for figures measured inside it (CPU, GC pauses, blocked event loops, heap) over its stdin/stdout, one JSON line per
 * command. Its other output (the engine's log) goes to a file. Closing it stops the engine cleanly, or kills it and
 * everything it started (its redis-server) when it does not answer.
 */
final class BenchNode implements AutoCloseable {
    /** The heap after a full GC with {@code open} attempts in progress, and when the check ran (generator's clock). */
    record Heap(long usedBytes, long committedBytes, long maxBytes, int open, long fromNanos, long toNanos) {}

    private static final JsonObject EXITED = new JsonObject().put("exited", true);
    private final Process process;
    private final PrintWriter in;
    private final BlockingQueue<JsonObject> answers = new LinkedBlockingQueue<>();
    private final Path log;
    private final String heapFlag;
    private long offsetNanos;
    private int port;
    private Heap heap;

    private BenchNode(Process process, Path log, String heapFlag) {
        this.process = process;
        this.log = log;
        this.heapFlag = heapFlag;
        this.in = new PrintWriter(new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8), true);
    }

    /** Starts {@code kind} (engine | ceiling) and waits until it listens. */
    static BenchNode start(String kind, BenchArgs args, Path log) {
        List<String> cmd = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xms1g",
                "-Xmx" + args.engineHeap(),
                "-Xlog:gc:file=" + log.resolveSibling(log.getFileName() + ".gc")));
        cmd.addAll(args.engineJvm());
        cmd.addAll(List.of(
                "-Demtihan.config.dir=" + BenchEngine.configDir().toAbsolutePath(),
                "-cp",
                System.getProperty("java.class.path"),
                BenchNodeMain.class.getName(),
                kind,
                "--appendfsync=" + args.appendfsync(),
                "--redis-server=" + args.redisServer(),
                "--pool=" + args.pool()));
        try {
            Files.createDirectories(log.getParent());
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            BenchNode node = new BenchNode(p, log, "-Xmx" + args.engineHeap());
            Runtime.getRuntime().addShutdownHook(new Thread(node::kill));
            node.readOutput();
            JsonObject ready = node.answer(180);
            node.port = ready.getInteger("port");
            node.offsetNanos = node.clockOffset();
            return node;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void readOutput() throws IOException {
        Writer file = Files.newBufferedWriter(log, StandardCharsets.UTF_8);
        Thread t = new Thread(
                () -> {
                    try (BufferedReader r = new BufferedReader(
                                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
                            file) {
                        String line;
                        while ((line = r.readLine()) != null) {
                            if (line.startsWith(BenchNodeMain.PREFIX))
                                answers.add(new JsonObject(line.substring(BenchNodeMain.PREFIX.length())));
                            else {
                                file.write(line);
                                file.write('\n');
                            }
                        }
                    } catch (IOException | RuntimeException e) {
                        // the child is gone: EXITED below tells whoever waits
                    }
                    answers.add(EXITED);
                },
                "bench-node-output");
        t.setDaemon(true);
        t.start();
    }

    /** One command, one answer; fails when the child has exited, answers an error or says nothing for 180 s. */
    synchronized JsonObject call(String command) {
        in.println(command);
        JsonObject a = answer(180);
        if (a.containsKey("error")) throw new IllegalStateException(command + ": " + a.getString("error"));
        return a;
    }

    private JsonObject answer(long seconds) {
        try {
            JsonObject a = answers.poll(seconds, TimeUnit.SECONDS);
            if (a == null)
                throw new IllegalStateException("the bench node said nothing for " + seconds + " s (" + log + ")");
            if (a == EXITED) throw new IllegalStateException("the bench node exited; its log: " + log);
            return a;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The child's System.nanoTime() to this JVM's: the midpoint of a round trip (both on the same box). */
    private long clockOffset() {
        long best = Long.MAX_VALUE, offset = 0;
        for (int i = 0; i < 5; i++) {
            long t0 = System.nanoTime();
            long child = call("now").getLong("nanos");
            long t1 = System.nanoTime();
            if (t1 - t0 < best) {
                best = t1 - t0;
                offset = (t0 + t1) / 2 - child;
            }
        }
        return offset;
    }

    int port() {
        return port;
    }

    long pid() {
        return process.pid();
    }

    String heapFlag() {
        return heapFlag;
    }

    Path log() {
        return log;
    }

    /** A full GC in the engine, then its heap in use, with {@code open} attempts in progress; kept for the report. */
    Heap heap(int open) {
        long from = System.nanoTime();
        JsonObject h = call("heap");
        heap = new Heap(h.getLong("used"), h.getLong("committed"), h.getLong("max"), open, from, System.nanoTime());
        return heap;
    }

    /** The engine's GC pauses so far on this JVM's clock, without the full GCs the heap check asked for. */
    GcPauses pauses() {
        List<GcPauses.Pause> out = new ArrayList<>();
        for (Object o : call("pauses").getJsonArray("pauses")) {
            JsonArray p = (JsonArray) o;
            if ("System.gc()".equals(p.getString(2))) continue;
            out.add(new GcPauses.Pause(p.getLong(0) + offsetNanos, p.getLong(1), p.getString(2)));
        }
        return GcPauses.of(out);
    }

    /** The engine's blocked-thread warnings so far on this JVM's clock, without those the heap check's GC caused. */
    List<BlockedThreadWatch.Warning> blocked() {
        List<BlockedThreadWatch.Warning> out = new ArrayList<>();
        for (Object o : call("blocked").getJsonArray("blocked")) {
            JsonArray w = (JsonArray) o;
            long at = w.getLong(0) + offsetNanos;
            if (heap != null && at >= heap.fromNanos() && at <= heap.toNanos() + 250_000_000L) continue;
            out.add(new BlockedThreadWatch.Warning(at, w.getString(1), w.getLong(2), w.getLong(3), w.getString(4)));
        }
        return out;
    }

    /** CPU nanos of the engine's JVM and of its redis-server, and the engine's GC millis, read inside the engine. */
    JsonObject cpu() {
        return call("cpu");
    }

    @Override
    public void close() {
        try {
            synchronized (this) {
                in.println("quit");
            }
            if (!process.waitFor(60, TimeUnit.SECONDS)) kill();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            kill();
        } finally {
            CpuMeter.watch(null);
        }
    }

    /** Kills the child and what it started (its redis-server), if still running. */
    private void kill() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }
}
