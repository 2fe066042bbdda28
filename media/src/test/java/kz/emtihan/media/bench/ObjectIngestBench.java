package kz.emtihan.media.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import kz.emtihan.media.objects.TestS3;
import kz.emtihan.media.recording.ObjectRecordings;
import kz.emtihan.media.recording.RecordingStorage;
import kz.emtihan.media.recording.RecordingStore;

/**
 * Issue 14 (1): recording ingest through the local directory against an S3 server (s3proxy, filesystem backend, in
 * this JVM on loopback: the same machine, its CPU shared), back to back. Unpaced: {@code streams} streams (camera and
 * screen alternately, chunks of the sizes of {@link IngestBench}) each send {@code chunks} chunks in order as fast as
 * the store acknowledges them, from a pool of {@code pool} threads (the engine's worker pool). Each round is a fresh
 * store; the medians of {@code rounds} rounds are reported: chunks/s, MB/s, put p50 and p99, and the CPU of this
 * process per chunk (the S3 server's included: it runs in this JVM), which a loaded box changes less than the rest.
 *
 * <pre>
 * cd media && ../mvnw -q -o dependency:build-classpath -Dmdep.outputFile=target/bench.cp
 * java -cp "target/test-classes:target/classes:$(cat target/bench.cp)" kz.emtihan.media.bench.ObjectIngestBench \
 *   --streams=40 --chunks=60 --pool=20 --rounds=3 [--backend=transient]
 * </pre>
 */
public final class ObjectIngestBench {
    record Round(double chunksPerSecond, double megabytesPerSecond, double p50Ms, double p99Ms, double cpuMsPerChunk) {}

    public static void main(String[] args) throws Exception {
        Map<String, String> o = new TreeMap<>();
        for (String a : args) o.put(a.substring(2, a.indexOf('=')), a.substring(a.indexOf('=') + 1));
        int streams = Integer.parseInt(o.getOrDefault("streams", "40"));
        int chunks = Integer.parseInt(o.getOrDefault("chunks", "60"));
        int pool = Integer.parseInt(o.getOrDefault("pool", "20"));
        int rounds = Integer.parseInt(o.getOrDefault("rounds", "3"));
        Path work = Files.createTempDirectory("emtihan-object-ingest");
        AtomicInteger buckets = new AtomicInteger();
        List<Round> local = new ArrayList<>(), s3 = new ArrayList<>();
        String backend = o.getOrDefault("backend", "filesystem");
        try (TestS3 server = TestS3.start(backend)) {
            // warm-up of both paths (JIT, connections), not counted
            run(() -> localStore(work, buckets.incrementAndGet()), streams, 5, pool);
            run(
                    () -> new ObjectRecordings(server.bucket("warm" + buckets.incrementAndGet()), 1 << 20),
                    streams,
                    5,
                    pool);
            for (int r = 0; r < rounds; r++) { // back to back, alternating
                local.add(run(() -> localStore(work, buckets.incrementAndGet()), streams, chunks, pool));
                s3.add(run(
                        () -> new ObjectRecordings(server.bucket("bench" + buckets.incrementAndGet()), 1 << 20),
                        streams,
                        chunks,
                        pool));
            }
        } finally {
            IngestBench.delete(work);
        }
        System.out.printf(
                "object ingest: %d streams x %d chunks, pool %d, %d rounds, medians%n", streams, chunks, pool, rounds);
        System.out.println("| store | chunks/s | MB/s | put p50 ms | put p99 ms | CPU ms/chunk | rounds (chunks/s) |");
        System.out.println("| --- | --- | --- | --- | --- | --- | --- |");
        print("local directory (RecordingStore, fsync)", local);
        print("S3: s3proxy " + backend + ", loopback (ObjectRecordings)", s3);
    }

    private static RecordingStorage localStore(Path work, int n) {
        try {
            return new RecordingStore(work.resolve("local-" + n), 1 << 20);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Round run(Supplier<RecordingStorage> make, int streams, int chunks, int pool) throws Exception {
        RecordingStorage store = make.get();
        byte[][] camera = IngestBench.chunks(IngestBench.CAMERA_CHUNK, 1);
        byte[][] screen = IngestBench.chunks(IngestBench.SCREEN_CHUNK, 2);
        long[] lat = new long[streams * chunks];
        ExecutorService ex = Executors.newFixedThreadPool(pool);
        long bytes = 0;
        for (int s = 0; s < streams; s++) bytes += (long) chunks * (s % 2 == 0 ? camera : screen)[0].length;
        var os = (com.sun.management.OperatingSystemMXBean)
                java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        long cpu0 = os.getProcessCpuTime();
        long t0 = System.nanoTime();
        List<Future<?>> all = new ArrayList<>();
        for (int s = 0; s < streams; s++) {
            int ss = s;
            all.add(ex.submit(() -> {
                boolean cam = ss % 2 == 0;
                byte[][] data = cam ? camera : screen;
                for (int k = 0; k < chunks; k++) {
                    long a = System.nanoTime();
                    store.put("student" + ss / 2, cam ? "camera" : "screen", k / 60, k % 60, 0L, data[k % 4]);
                    lat[ss * chunks + k] = System.nanoTime() - a;
                }
                return null;
            }));
        }
        for (Future<?> f : all) f.get();
        double wall = (System.nanoTime() - t0) / 1e9;
        double cpuMs = (os.getProcessCpuTime() - cpu0) / 1e6 / lat.length;
        ex.shutdown();
        Arrays.sort(lat);
        return new Round(
                lat.length / wall,
                bytes / 1e6 / wall,
                lat[lat.length / 2] / 1e6,
                lat[(int) (lat.length * 0.99)] / 1e6,
                cpuMs);
    }

    private static void print(String name, List<Round> rounds) {
        System.out.printf(
                "| %s | %.0f | %.2f | %.1f | %.1f | %.1f | %s |%n",
                name,
                median(rounds.stream().mapToDouble(Round::chunksPerSecond).toArray()),
                median(rounds.stream().mapToDouble(Round::megabytesPerSecond).toArray()),
                median(rounds.stream().mapToDouble(Round::p50Ms).toArray()),
                median(rounds.stream().mapToDouble(Round::p99Ms).toArray()),
                median(rounds.stream().mapToDouble(Round::cpuMsPerChunk).toArray()),
                rounds.stream()
                        .map(r -> String.format("%.0f", r.chunksPerSecond()))
                        .toList());
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }
}
