package kz.emtihan.media.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * What the machine did during a bench phase, read from the JVM and Linux {@code /proc}: process CPU time,
 * whole-box busy and iowait shares ({@code /proc/stat}), and device flushes and written sectors of the
 * disk under test ({@code /proc/diskstats}). Everything degrades to NaN off Linux.
 */
final class SysStats {
    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    /** A reading; subtract two with {@link #since}. */
    record Snapshot(long nanos, long processCpuNs, long[] cpu, long flushes, long sectorsWritten) {}

    /** Differences between two snapshots. */
    record Delta(
            double seconds,
            double processCpuSeconds,
            double boxBusy,
            double boxIowait,
            double deviceFlushes,
            double deviceMbWritten) {
        /** Process CPU as a number of cores kept busy. */
        double processCores() {
            return processCpuSeconds / seconds;
        }
    }

    private final String device;

    /** @param dir a directory on the disk whose flushes and writes are counted (e.g. the work dir) */
    SysStats(Path dir) {
        this.device = deviceOf(dir);
    }

    String device() {
        return device;
    }

    Snapshot now() {
        long[] disk = disk();
        return new Snapshot(System.nanoTime(), OS.getProcessCpuTime(), cpu(), disk[0], disk[1]);
    }

    static Delta since(Snapshot a, Snapshot b) {
        double busy = Double.NaN, iowait = Double.NaN;
        if (a.cpu.length >= 5 && b.cpu.length >= 5) {
            long total = 0, idle = b.cpu[3] - a.cpu[3], io = b.cpu[4] - a.cpu[4];
            for (int i = 0; i < Math.min(8, b.cpu.length); i++) {
                total += b.cpu[i] - a.cpu[i];
            }
            if (total > 0) {
                busy = 1.0 - (double) (idle + io) / total;
                iowait = (double) io / total;
            }
        }
        boolean disk = a.flushes >= 0 && b.flushes >= 0;
        return new Delta(
                (b.nanos - a.nanos) / 1e9,
                (b.processCpuNs - a.processCpuNs) / 1e9,
                busy,
                iowait,
                disk ? b.flushes - a.flushes : Double.NaN,
                disk ? (b.sectorsWritten - a.sectorsWritten) * 512 / 1e6 : Double.NaN);
    }

    /** Output of {@code uptime} (load averages), or {@code /proc/loadavg}. */
    static String uptime() {
        try {
            Process p = new ProcessBuilder("uptime").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (p.waitFor() == 0 && !out.isEmpty()) {
                return out;
            }
        } catch (IOException e) {
            // fall through
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return "loadavg " + read("/proc/loadavg").trim();
    }

    /** Current process CPU load (0..1 of the whole box), as the JVM reports it. */
    static double processCpuLoad() {
        return OS.getProcessCpuLoad();
    }

    /** Current whole-box CPU load (0..1). */
    static double boxCpuLoad() {
        return OS.getCpuLoad();
    }

    private static long[] cpu() {
        for (String line : read("/proc/stat").split("\n")) {
            if (line.startsWith("cpu ")) {
                String[] f = line.trim().split("\\s+");
                long[] v = new long[f.length - 1];
                for (int i = 1; i < f.length; i++) {
                    v[i - 1] = Long.parseLong(f[i]);
                }
                return v;
            }
        }
        return new long[0];
    }

    /** {flush requests completed, sectors written} of {@link #device}, or {-1, -1}. */
    private long[] disk() {
        for (String line : read("/proc/diskstats").split("\n")) {
            String[] f = line.trim().split("\\s+");
            if (f.length >= 20 && f[2].equals(device)) {
                return new long[] {Long.parseLong(f[18]), Long.parseLong(f[9])};
            }
        }
        return new long[] {-1, -1};
    }

    private static String deviceOf(Path dir) {
        try {
            String name = Files.getFileStore(dir).name(); // e.g. /dev/vda or /dev/nvme0n1p2
            return name.substring(name.lastIndexOf('/') + 1);
        } catch (IOException e) {
            return "?";
        }
    }

    private static String read(String file) {
        try {
            List<String> lines = Files.readAllLines(Path.of(file));
            return String.join("\n", lines);
        } catch (IOException e) {
            return "";
        }
    }
}
