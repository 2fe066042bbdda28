package kz.emtihan.media.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Stream;
import kz.emtihan.media.recording.RecordingStore;
import kz.emtihan.media.recording.Stored;

/**
 * Recording ingest: N simultaneous WebM streams written through {@link RecordingStore#put}, paced in
 * real time like browsers' {@code MediaRecorder} with a 1000 ms timeslice.
 *
 * <p>Streams alternate camera and screen (N/2 students, both streams each). Chunk sizes follow the
 * recorder settings of {@code docs/proctoring.md}: camera 180 kbit/s video + 24 kbit/s audio =
 * {@value #CAMERA_CHUNK} B per 1 s chunk, screen 120 kbit/s = {@value #SCREEN_CHUNK} B; contents are
 * random (VP8/Opus do not compress further). Chunks are numbered as the engine numbers them: segments of
 * {@value #SEGMENT_CHUNKS} chunks (segmentSeconds 60), so a new segment file and index every minute.
 *
 * <p>Pacing: stream s sends chunk k at {@code start + s/N s + k s} (starts spread over the first second,
 * as students do not connect in lockstep). A single clock thread hands each due chunk to a fixed worker
 * pool (the engine calls the store from its worker pool; Vert.x's default is 20 threads) with an
 * unbounded queue, so when the store cannot keep up the queue grows and the due-to-ack latency shows it.
 *
 * <p>Pool busy = time spent in {@code put} / (wall time x pool threads): near 1, the pool is the limit
 * (Little's law: puts/s x mean put time = busy threads).
 *
 * <p>The first chunk of every stream creates its directories, segment file and index (7 fsyncs instead of
 * 2), and all N first chunks fall due within one second: the <b>start burst</b>, as at an exam start, whose
 * backlog delays the next few chunks too. So latency is reported over all chunks and, for the steady state,
 * over the second half of the run. A level is <b>saturated</b> when the steady-state due-to-ack p99 exceeds
 * one chunk period (1 s), or the write throughput falls below 95 % of the required rate, or any put fails;
 * {@code startBurstOverPeriod} says the p99 over all chunks (start burst included) exceeded 1 s.
 */
final class IngestBench {
    static final int CAMERA_CHUNK = (180_000 + 24_000) / 8;
    static final int SCREEN_CHUNK = 120_000 / 8;
    static final int SEGMENT_CHUNKS = 60;
    static final int MAX_CHUNK_BYTES = 1 << 20;
    static final long PERIOD_NS = 1_000_000_000L;
    /** Longest wait for the queue to drain after the last chunk fell due. */
    static final long DRAIN_CAP_NS = 120 * PERIOD_NS;

    /** Result of one level (N streams). */
    record Level(
            int streams,
            int students,
            int seconds,
            int pool,
            long chunks,
            long acked,
            long errors,
            long outOfOrder,
            double requiredMBs,
            double achievedMBs,
            double throughputRatio,
            double putMeanMs,
            double putP50Ms,
            double putP99Ms,
            double putMaxMs,
            double poolBusy,
            double dueP50Ms,
            double dueP99Ms,
            double dueMaxMs,
            double steadyDueP99Ms,
            double firstChunkDueMaxMs,
            double fsyncsPerSec,
            double deviceFlushesPerSec,
            double deviceMBs,
            double cpuMsPerStreamSecond,
            double processCpuLoad,
            double boxBusy,
            double boxIowait,
            long bytesOnDisk,
            double wallSeconds,
            boolean saturated,
            String why,
            boolean startBurstOverPeriod,
            List<Double> dueP99MsByChunk) {}

    private IngestBench() {}

    /** Random chunk contents; chunk k of a stream uses variant k % 4. */
    static byte[][] chunks(int size, long seed) {
        Random r = new Random(seed);
        byte[][] v = new byte[4][size];
        for (byte[] b : v) {
            r.nextBytes(b);
        }
        return v;
    }

    /**
     * Runs one level in a fresh store under {@code work}, deleted afterwards.
     *
     * @param streams  simultaneous streams (camera, screen, camera, ...)
     * @param seconds  chunks per stream (one per second)
     * @param poolSize worker threads calling {@code put}
     */
    static Level run(int streams, int seconds, int poolSize, Path work, SysStats sys) throws Exception {
        Path root = work.resolve("ingest-" + streams);
        RecordingStore store = new RecordingStore(root, MAX_CHUNK_BYTES);
        byte[][] camera = chunks(CAMERA_CHUNK, 1), screen = chunks(SCREEN_CHUNK, 2);
        int total = streams * seconds;
        long[] putNs = new long[total], dueNs = new long[total];
        LongAdder acked = new LongAdder(), errors = new LongAdder(), outOfOrder = new LongAdder();
        LongAdder fsyncs = new LongAdder(), bytes = new LongAdder();
        AtomicLong lastAck = new AtomicLong();
        DoubleAdder cpuLoad = new DoubleAdder();
        LongAdder cpuSamples = new LongAdder();
        ThreadPoolExecutor pool =
                new ThreadPoolExecutor(poolSize, poolSize, 0, TimeUnit.SECONDS, new LinkedBlockingQueue<>());
        pool.prestartAllCoreThreads();
        ScheduledThreadPoolExecutor clock = new ScheduledThreadPoolExecutor(1);
        long lead = PERIOD_NS; // time to schedule everything before the first chunk is due
        long epochStart = System.currentTimeMillis() + lead / 1_000_000;
        long start = System.nanoTime() + lead;
        for (int s = 0; s < streams; s++) {
            boolean cam = s % 2 == 0;
            String owner = "student" + (s / 2), stream = cam ? "camera" : "screen";
            byte[][] data = cam ? camera : screen;
            for (int k = 0; k < seconds; k++) {
                int i = s * seconds + k, seg = k / SEGMENT_CHUNKS, chunk = k % SEGMENT_CHUNKS, kk = k;
                long due = start + s * PERIOD_NS / streams + k * PERIOD_NS;
                long segStart = epochStart + seg * SEGMENT_CHUNKS * 1000L;
                Runnable put = () -> {
                    try {
                        long t0 = System.nanoTime();
                        Stored st = store.put(owner, stream, seg, chunk, segStart, data[kk % 4]);
                        long t1 = System.nanoTime();
                        putNs[i] = t1 - t0;
                        dueNs[i] = t1 - due;
                        lastAck.accumulateAndGet(t1, Math::max);
                        bytes.add(data[kk % 4].length);
                        acked.increment();
                        fsyncs.add(fsyncCalls(st, kk));
                        if (st.pending() || st.nextChunk() != chunk + 1) {
                            outOfOrder.increment();
                        }
                    } catch (IOException | RuntimeException e) {
                        errors.increment();
                    }
                };
                clock.schedule(() -> pool.execute(put), due - System.nanoTime(), TimeUnit.NANOSECONDS);
            }
        }
        clock.scheduleAtFixedRate(
                () -> {
                    cpuLoad.add(SysStats.processCpuLoad());
                    cpuSamples.increment();
                },
                lead + PERIOD_NS / 2,
                PERIOD_NS,
                TimeUnit.NANOSECONDS);
        sleepUntil(start);
        SysStats.Snapshot before = sys.now();
        long giveUp = start + seconds * PERIOD_NS + DRAIN_CAP_NS;
        while (acked.sum() + errors.sum() < total && System.nanoTime() < giveUp) {
            Thread.sleep(20);
        }
        SysStats.Snapshot after = sys.now();
        clock.shutdownNow();
        pool.shutdownNow();
        pool.awaitTermination(30, TimeUnit.SECONDS);

        int n = (int) acked.sum();
        long[] put = sortedAcked(putNs, putNs, 0, seconds, seconds);
        long[] due = sortedAcked(dueNs, putNs, 0, seconds, seconds);
        long[] steady = sortedAcked(dueNs, putNs, seconds / 2, seconds, seconds);
        long[] first = sortedAcked(dueNs, putNs, 0, 1, seconds);
        SysStats.Delta d = SysStats.since(before, after);
        double wall = Math.max(seconds, (lastAck.get() - start) / 1e9);
        int cams = (streams + 1) / 2, screens = streams / 2;
        double required = (cams * (double) CAMERA_CHUNK + screens * (double) SCREEN_CHUNK) / 1e6;
        double achieved = bytes.sum() / 1e6 / wall;
        double ratio = achieved / required;
        double putMean = n == 0 ? Double.NaN : Arrays.stream(put).average().orElse(0) / 1e6;
        long onDisk = sizeOf(root);
        delete(root);
        String why = "";
        if (errors.sum() > 0 || n < total) {
            why = (total - n) + " chunks not acknowledged";
        } else if (Stats.ms(steady, 99) > PERIOD_NS / 1e6) {
            why = "steady-state due-to-ack p99 > 1 s";
        } else if (ratio < 0.95) {
            why = "throughput < 95 % of required";
        }
        return new Level(
                streams,
                (streams + 1) / 2,
                seconds,
                poolSize,
                total,
                n,
                errors.sum(),
                outOfOrder.sum(),
                required,
                achieved,
                ratio,
                putMean,
                Stats.ms(put, 50),
                Stats.ms(put, 99),
                Stats.ms(put, 100),
                n * putMean / 1000 / wall / poolSize,
                Stats.ms(due, 50),
                Stats.ms(due, 99),
                Stats.ms(due, 100),
                Stats.ms(steady, 99),
                Stats.ms(first, 100),
                fsyncs.sum() / wall,
                d.deviceFlushes() / d.seconds(),
                d.deviceMbWritten() / d.seconds(),
                d.processCpuSeconds() * 1000 / ((double) streams * seconds),
                cpuSamples.sum() == 0 ? Double.NaN : cpuLoad.sum() / cpuSamples.sum(),
                d.boxBusy(),
                d.boxIowait(),
                onDisk,
                wall,
                !why.isEmpty(),
                why,
                Stats.ms(due, 99) > PERIOD_NS / 1e6,
                byChunk(dueNs, putNs, streams, seconds));
    }

    /**
     * fsync ({@code FileChannel.force}) calls one put made, from the store's write path: data + index per
     * appended chunk (2 each, including pending chunks it drained); a chunk kept pending: file + directory
     * (2); the first chunk of a segment also forces the new index, and the directory twice (+3); the first
     * chunk of a stream also forces the owner and root directories (+2). Exact when chunks arrive in order.
     */
    static int fsyncCalls(Stored st, int k) {
        int n = st.pending() ? 2 : 2 * (st.nextChunk() - st.chunk());
        if (st.chunk() == 0 && !st.pending()) {
            n += 3;
        }
        return k == 0 ? n + 2 : n;
    }

    /** Due-to-ack p99 (ms) of chunk k over all streams, k = 0 .. seconds-1: the latency timeline of a level. */
    private static List<Double> byChunk(long[] due, long[] put, int streams, int seconds) {
        List<Double> out = new ArrayList<>();
        for (int k = 0; k < seconds; k++) {
            long[] col = new long[streams];
            int j = 0;
            for (int s = 0; s < streams; s++) {
                if (put[s * seconds + k] != 0) {
                    col[j++] = due[s * seconds + k];
                }
            }
            out.add(Stats.round(Stats.ms(Stats.sorted(col, j), 99), 1));
        }
        return out;
    }

    /** Sorted samples of acknowledged chunks (put time non-zero) with chunk number k in [fromK, toK). */
    private static long[] sortedAcked(long[] samples, long[] put, int fromK, int toK, int seconds) {
        long[] out = new long[samples.length];
        int j = 0;
        for (int i = 0; i < samples.length; i++) {
            int k = i % seconds;
            if (put[i] != 0 && k >= fromK && k < toK) {
                out[j++] = samples[i];
            }
        }
        return Stats.sorted(out, j);
    }

    private static void sleepUntil(long nanoTime) throws InterruptedException {
        long left;
        while ((left = nanoTime - System.nanoTime()) > 0) {
            Thread.sleep(left / 1_000_000, (int) (left % 1_000_000));
        }
    }

    static long sizeOf(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return 0;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile)
                    .mapToLong(p -> p.toFile().length())
                    .sum();
        }
    }

    static void delete(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) s.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        }
    }
}
