package kz.emtihan.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Where the CPU went: time used by this JVM (engine, generator and ceiling server alike) and by its child
 * processes (the embedded redis-server), via {@link ProcessHandle}, and the whole box's idle, iowait and
 * steal from {@code /proc/stat} (zero where that file does not exist). A phase reports the differences,
 * which shows whether the cores, the disk (fsync), the hypervisor or other processes on the box (the
 * "other" cores: busy minus JVM minus redis) limited a phase rather than the engine.
 */
final class CpuMeter {
    /** Cumulative counters: JVM and redis CPU nanos; box jiffies idle, iowait, steal and total; GC pause millis. */
    record Sample(long jvmNanos, long redisNanos, long idle, long iowait, long steal, long total, long gcMillis) {}

    private CpuMeter() {}

    static Sample sample() {
        long jvm = ProcessHandle.current()
                .info()
                .totalCpuDuration()
                .map(Duration::toNanos)
                .orElse(0L);
        long children = ProcessHandle.current()
                .children()
                .mapToLong(
                        p -> p.info().totalCpuDuration().map(Duration::toNanos).orElse(0L))
                .sum();
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
        long gc = ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(b -> Math.max(0, b.getCollectionTime()))
                .sum();
        return new Sample(jvm, children, box[3], box[4], box[7], total, gc);
    }

    /** "jvm redis other | idle iowait steal | gc ms" between two samples over {@code seconds}: cores, then percent of the box. */
    static String between(Sample a, Sample b, double seconds) {
        double total = Math.max(1, b.total() - a.total());
        double idle = (b.idle() - a.idle()) / total,
                iowait = (b.iowait() - a.iowait()) / total,
                steal = (b.steal() - a.steal()) / total;
        double jvm = (b.jvmNanos() - a.jvmNanos()) / 1e9 / seconds,
                redis = (b.redisNanos() - a.redisNanos()) / 1e9 / seconds;
        double other = other(a, b, seconds);
        return String.format(
                java.util.Locale.ROOT,
                "%4.2f %4.2f %4.2f %4.0f%% %4.0f%% %4.0f%% %6d",
                jvm,
                redis,
                other,
                100 * idle,
                100 * iowait,
                100 * steal,
                b.gcMillis() - a.gcMillis());
    }

    /** Cores busy in processes other than this JVM and its redis-server: load the bench did not make. */
    static double other(Sample a, Sample b, double seconds) {
        double total = b.total() - a.total();
        if (a.total() == 0 || total <= 0) return 0;
        double busy = 1 - (b.idle() - a.idle() + b.iowait() - a.iowait() + b.steal() - a.steal()) / total;
        return Math.max(
                0,
                busy * CORES
                        - (b.jvmNanos() - a.jvmNanos()) / 1e9 / seconds
                        - (b.redisNanos() - a.redisNanos()) / 1e9 / seconds);
    }

    private static final int CORES = Runtime.getRuntime().availableProcessors();
}
