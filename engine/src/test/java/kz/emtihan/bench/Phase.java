package kz.emtihan.bench;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * What one phase measured: how many requests, how many answered as a browser expects, the errors by
 * label, the wall time from the first request to the last response, and two latencies per request:
 * "service" (sent on a connection → response) and "since due" (the moment it was due → response; for
 * a burst that is the time since the release, queueing in the generator included).
 */
final class Phase {
    final String name;
    final String pacing;
    private final long[] service;
    private final long[] sinceDue;
    private final Map<String, Integer> errors = new TreeMap<>();
    private int count;
    private long begin;
    private long end;
    private CpuMeter.Sample cpuBegin;
    private CpuMeter.Sample cpuEnd;
    private boolean sorted;

    Phase(String name, String pacing, int expected) {
        this.name = name;
        this.pacing = pacing;
        this.service = new long[expected];
        this.sinceDue = new long[expected];
    }

    /**
     * @param cpu sampled by the thread that started the phase, not on the generator's event loop: the server's figures
     *            come over a pipe from its JVM, which may be slow to answer while it is busy
     */
    void begin(long nanos, CpuMeter.Sample cpu) {
        begin = nanos;
        cpuBegin = cpu;
    }

    Phase end(long nanos) {
        end = nanos;
        return this;
    }

    /** The CPU counters once the phase is over, sampled by the thread that waited for it. */
    Phase cpuEnd(CpuMeter.Sample cpu) {
        cpuEnd = cpu;
        return this;
    }

    /** Cores busy on average in the generator, the server's JVM and its redis-server, and the box's idle, iowait, steal. */
    String cpu() {
        return cpuBegin == null || cpuEnd == null ? "" : CpuMeter.between(cpuBegin, cpuEnd, seconds());
    }

    void record(long serviceNanos, long sinceDueNanos, String problem) {
        service[count] = serviceNanos;
        sinceDue[count] = sinceDueNanos;
        count++;
        if (problem != null) errors.merge(problem, 1, Integer::sum);
    }

    int count() {
        return count;
    }

    int errorCount() {
        return errors.values().stream().mapToInt(Integer::intValue).sum();
    }

    Map<String, Integer> errors() {
        return errors;
    }

    double seconds() {
        return Math.max(1, end - begin) / 1e9;
    }

    double throughput() {
        return count / seconds();
    }

    /** Percentile q (0..1) of the service latency, in milliseconds. */
    double service(double q) {
        sort();
        return percentile(service, count, q);
    }

    double sinceDue(double q) {
        sort();
        return percentile(sinceDue, count, q);
    }

    private void sort() {
        if (sorted) return;
        Arrays.sort(service, 0, count);
        Arrays.sort(sinceDue, 0, count);
        sorted = true;
    }

    /** Nearest-rank percentile of the first n values of a sorted array, nanoseconds in, milliseconds out. */
    static double percentile(long[] sortedNanos, int n, double q) {
        if (n == 0) return Double.NaN;
        int idx = (int) Math.ceil(q * n) - 1;
        return sortedNanos[Math.max(0, Math.min(n - 1, idx))] / 1e6;
    }

    /** Cores used by other processes on the box during the phase (noise). */
    double otherCores() {
        return cpuBegin == null || cpuEnd == null ? 0 : CpuMeter.other(cpuBegin, cpuEnd, seconds());
    }

    static String header() {
        return String.format(
                Locale.ROOT,
                "%-13s %8s %6s %8s %9s  %8s %8s %8s %8s  %s",
                "phase",
                "requests",
                "errors",
                "wall s",
                "req/s",
                "p50 ms",
                "p95 ms",
                "p99 ms",
                "max ms",
                " gen  srv redis other  idle iowait steal  gc ms");
    }

    /** The service-latency row. */
    String row() {
        return String.format(
                Locale.ROOT,
                "%-13s %8d %6d %8.2f %9.0f  %8.1f %8.1f %8.1f %8.1f  %s",
                name,
                count,
                errorCount(),
                seconds(),
                throughput(),
                service(0.50),
                service(0.95),
                service(0.99),
                service(1.0),
                cpu());
    }

    /** The since-due row (for a burst: since the release). */
    String dueRow(String label) {
        return String.format(
                Locale.ROOT,
                "%-13s %8s %6s %8s %9s  %8.1f %8.1f %8.1f %8.1f",
                "  " + label,
                "",
                "",
                "",
                "",
                sinceDue(0.50),
                sinceDue(0.95),
                sinceDue(0.99),
                sinceDue(1.0));
    }
}
