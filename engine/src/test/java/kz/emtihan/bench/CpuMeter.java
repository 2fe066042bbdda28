package kz.emtihan.bench;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Where the CPU went: time used by the generator's JVM (this one), by the server's JVM (the engine or the ceiling,
 * a child JVM: read inside it, {@link BenchNode#cpu()}) and its redis-server, and the whole box's idle, iowait and
 * steal from {@code /proc/stat} (zero where that file does not exist). A phase reports the differences, which shows
 * whether the cores, the disk (fsync), the hypervisor or other processes on the box (the "other" cores: busy minus
 * ours) limited a phase rather than the engine.
 */
final class CpuMeter {
    /**
     * Cumulative counters: generator, server and redis CPU nanos; box jiffies idle, iowait, steal and total; the
     * server's GC millis.
     */
    record Sample(
            long genNanos,
            long serverNanos,
            long redisNanos,
            long idle,
            long iowait,
            long steal,
            long total,
            long gcMillis) {}

    private static volatile BenchNode node;

    private CpuMeter() {}

    /** The server JVM whose CPU the phases report from now on (null: none). */
    static void watch(BenchNode n) {
        node = n;
    }

    static Sample sample() {
        long gen = ProcessHandle.current()
                .info()
                .totalCpuDuration()
                .map(Duration::toNanos)
                .orElse(0L);
        BenchNode n = node;
        JsonObject server = n == null ? new JsonObject() : n.cpu();
        long[] box = new long[10];
        try {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            for (int i = 1; i < f.length && i <= box.length; i++) box[i - 1] = Long.parseLong(f[i]);
        } catch (IOException | RuntimeException e) {
            // not Linux: box figures stay zero
        }
        long total = 0;
        for (int i = 0; i < 8; i++)
            total += box[i]; // user nice system idle iowait irq softirq steal (guest is in user)
        return new Sample(
                gen,
                server.getLong("jvm", 0L),
                server.getLong("redis", 0L),
                box[3],
                box[4],
                box[7],
                total,
                server.getLong("gc", 0L));
    }

    /** "gen server redis other | idle iowait steal | gc ms" between two samples over {@code seconds}. */
    static String between(Sample a, Sample b, double seconds) {
        double total = Math.max(1, b.total() - a.total());
        double idle = (b.idle() - a.idle()) / total,
                iowait = (b.iowait() - a.iowait()) / total,
                steal = (b.steal() - a.steal()) / total;
        return String.format(
                java.util.Locale.ROOT,
                "%4.2f %4.2f %4.2f %4.2f %4.0f%% %4.0f%% %4.0f%% %6d",
                (b.genNanos() - a.genNanos()) / 1e9 / seconds,
                (b.serverNanos() - a.serverNanos()) / 1e9 / seconds,
                (b.redisNanos() - a.redisNanos()) / 1e9 / seconds,
                other(a, b, seconds),
                100 * idle,
                100 * iowait,
                100 * steal,
                b.gcMillis() - a.gcMillis());
    }

    /** Cores busy in processes other than the generator, the server JVM and its redis-server: load the bench did not make. */
    static double other(Sample a, Sample b, double seconds) {
        double total = b.total() - a.total();
        if (a.total() == 0 || total <= 0) return 0;
        double busy = 1 - (b.idle() - a.idle() + b.iowait() - a.iowait() + b.steal() - a.steal()) / total;
        return Math.max(
                0,
                busy * CORES
                        - (b.genNanos() - a.genNanos()) / 1e9 / seconds
                        - (b.serverNanos() - a.serverNanos()) / 1e9 / seconds
                        - (b.redisNanos() - a.redisNanos()) / 1e9 / seconds);
    }

    private static final int CORES = Runtime.getRuntime().availableProcessors();
}
