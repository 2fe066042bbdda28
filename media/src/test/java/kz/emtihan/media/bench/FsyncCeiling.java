package kz.emtihan.media.bench;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import kz.emtihan.media.recording.RecordingStore;

/**
 * Ceilings for the ingest bench, measured as fast as the disk allows (no pacing):
 * <ul>
 *   <li><b>raw</b>: each thread appends a {@value IngestBench#CAMERA_CHUNK}-byte buffer to its own open
 *       file and calls {@code FileChannel.force(true)} (as the store does), in a loop;</li>
 *   <li><b>store</b>: each thread calls {@link RecordingStore#put} back to back on its own camera stream
 *       (same chunk size, segments of 60 chunks). Since each stream sends one chunk per second, puts/s
 *       is the number of streams the store could carry at 100 % disk.</li>
 * </ul>
 */
final class FsyncCeiling {

    /** Result of one ceiling run. */
    record Result(
            String kind,
            int threads,
            double seconds,
            long ops,
            double opsPerSec,
            double p50Ms,
            double p99Ms,
            double mbPerSec,
            double deviceFlushesPerSec) {}

    private interface Op {
        void run(int thread, long i) throws IOException;
    }

    private FsyncCeiling() {}

    /** fsync'd appends of one camera chunk per call, {@code threads} files in parallel. */
    static Result raw(Path work, int threads, double seconds, SysStats sys) throws Exception {
        Path dir = Files.createDirectories(work.resolve("ceiling-raw"));
        byte[] chunk = IngestBench.chunks(IngestBench.CAMERA_CHUNK, 3)[0];
        FileChannel[] ch = new FileChannel[threads];
        try {
            for (int t = 0; t < threads; t++) {
                ch[t] = FileChannel.open(
                        dir.resolve("f" + t),
                        StandardOpenOption.CREATE,
                        StandardOpenOption.WRITE,
                        StandardOpenOption.APPEND);
            }
            return measure("raw append+force", threads, seconds, chunk.length, sys, (t, i) -> {
                ByteBuffer b = ByteBuffer.wrap(chunk);
                while (b.hasRemaining()) {
                    ch[t].write(b);
                }
                ch[t].force(true);
            });
        } finally {
            for (FileChannel c : ch) {
                if (c != null) {
                    c.close();
                }
            }
            IngestBench.delete(dir);
        }
    }

    /** Back-to-back {@link RecordingStore#put} of camera chunks, one stream per thread. */
    static Result store(Path work, int threads, double seconds, SysStats sys) throws Exception {
        Path dir = work.resolve("ceiling-store");
        RecordingStore store = new RecordingStore(dir, IngestBench.MAX_CHUNK_BYTES);
        byte[][] data = IngestBench.chunks(IngestBench.CAMERA_CHUNK, 4);
        long epoch = System.currentTimeMillis();
        try {
            return measure("RecordingStore.put", threads, seconds, IngestBench.CAMERA_CHUNK, sys, (t, i) -> {
                int seg = (int) (i / IngestBench.SEGMENT_CHUNKS), chunk = (int) (i % IngestBench.SEGMENT_CHUNKS);
                store.put("ceiling" + t, "camera", seg, chunk, epoch + seg * 60_000L, data[(int) (i % 4)]);
            });
        } finally {
            IngestBench.delete(dir);
        }
    }

    private static Result measure(String kind, int threads, double seconds, int bytesPerOp, SysStats sys, Op op)
            throws Exception {
        long[][] ns = new long[threads][];
        int[] counts = new int[threads];
        Exception[] failure = new Exception[1];
        long deadline = System.nanoTime() + (long) (seconds * 1e9);
        SysStats.Snapshot before = sys.now();
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int id = t;
            Thread w = new Thread(
                    () -> {
                        long[] lat = new long[4096];
                        int n = 0;
                        try {
                            while (System.nanoTime() < deadline) {
                                long t0 = System.nanoTime();
                                op.run(id, n);
                                if (n == lat.length) {
                                    lat = Arrays.copyOf(lat, n * 2);
                                }
                                lat[n++] = System.nanoTime() - t0;
                            }
                        } catch (IOException | RuntimeException e) {
                            failure[0] = e;
                        }
                        ns[id] = lat;
                        counts[id] = n;
                    },
                    "ceiling-" + t);
            w.start();
            workers.add(w);
        }
        for (Thread w : workers) {
            w.join();
        }
        SysStats.Delta d = SysStats.since(before, sys.now());
        if (failure[0] != null) {
            throw new IllegalStateException(kind + " ceiling failed", failure[0]);
        }
        int total = Arrays.stream(counts).sum();
        long[] all = new long[total];
        int at = 0;
        for (int t = 0; t < threads; t++) {
            System.arraycopy(ns[t], 0, all, at, counts[t]);
            at += counts[t];
        }
        long[] s = Stats.sorted(all, total);
        return new Result(
                kind,
                threads,
                d.seconds(),
                total,
                total / d.seconds(),
                Stats.ms(s, 50),
                Stats.ms(s, 99),
                (double) total * bytesPerOp / 1e6 / d.seconds(),
                d.deviceFlushes() / d.seconds());
    }
}
