package kz.emtihan.media.bench;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import kz.emtihan.media.objects.LocalObjects;
import kz.emtihan.media.objects.ObjectStore;
import kz.emtihan.media.objects.TestS3;
import kz.emtihan.media.recording.ServerRecordings;

/**
 * Issue 14 (1): the time to move one finished media-server recording of Kurento's size into the store - read for its
 * SHA-256, one PUT with Content-MD5 (read again for the MD5), one LIST to confirm, the local file deleted - against
 * s3proxy (filesystem backend, this JVM, loopback) and against a local directory. The recording is a real VP8 WebM made
 * by ffmpeg at {@code bitrate} for {@code seconds} (default 10 minutes at 1 Mbit/s, about what KMS records for a 640x480
 * camera; 20 s encoded, then looped by stream copy). Medians of {@code rounds}.
 *
 * <pre>
 * cd media && ../mvnw -q -o dependency:build-classpath -Dmdep.outputFile=target/bench.cp && cd ..
 * ./mvnw -B -q -o -pl media test-compile
 * cd media && java -cp "target/test-classes:target/classes:$(cat target/bench.cp)" \
 *   kz.emtihan.media.bench.ServerUploadBench --seconds=600 --bitrate=1M --rounds=3
 * </pre>
 */
public final class ServerUploadBench {
    public static void main(String[] args) throws Exception {
        Map<String, String> o = new TreeMap<>();
        for (String a : args) o.put(a.substring(2, a.indexOf('=')), a.substring(a.indexOf('=') + 1));
        int seconds = Integer.parseInt(o.getOrDefault("seconds", "600"));
        String bitrate = o.getOrDefault("bitrate", "1M");
        int rounds = Integer.parseInt(o.getOrDefault("rounds", "3"));
        Path work = Files.createTempDirectory("emtihan-upload-bench");
        Path video = work.resolve("source.webm");
        long t0 = System.nanoTime();
        ffmpeg(video, seconds, bitrate);
        System.out.printf(
                "recording: %d s at %s, %.1f MB (ffmpeg took %.0f s)%n",
                seconds, bitrate, Files.size(video) / 1e6, (System.nanoTime() - t0) / 1e9);
        try (TestS3 server = TestS3.start()) {
            List<double[]> s3 = new ArrayList<>(), local = new ArrayList<>();
            for (int r = 0; r <= rounds; r++) { // round 0 warms up, not counted
                double[] a = once(work, video, server.bucket("upload" + r), "s3-" + r);
                double[] b = once(work, video, new LocalObjects(work.resolve("store-" + r)), "local-" + r);
                if (r > 0) {
                    s3.add(a);
                    local.add(b);
                }
            }
            report("S3: s3proxy filesystem, loopback", s3, Files.size(video));
            report("local directory", local, Files.size(video));
        }
    }

    /** One upload: wall ms and CPU ms of this process (the S3 server's included). */
    private static double[] once(Path work, Path video, ObjectStore store, String owner) throws Exception {
        Path dir = work.resolve("kms");
        Path file = dir.resolve(owner).resolve("camera-1700000000000.webm");
        Files.createDirectories(file.getParent());
        Files.copy(video, file);
        ServerRecordings recordings = new ServerRecordings(dir, Optional.of(store));
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpu = os.getProcessCpuTime();
        long t = System.nanoTime();
        recordings.upload(owner, file).orElseThrow();
        double wall = (System.nanoTime() - t) / 1e6;
        double cpuMs = (os.getProcessCpuTime() - cpu) / 1e6;
        if (Files.exists(file)) throw new IllegalStateException("not uploaded");
        store.close();
        return new double[] {wall, cpuMs};
    }

    private static void report(String what, List<double[]> runs, long bytes) {
        double[] wall = runs.stream().mapToDouble(r -> r[0]).sorted().toArray();
        double[] cpu = runs.stream().mapToDouble(r -> r[1]).sorted().toArray();
        double median = wall[wall.length / 2];
        System.out.printf(
                "| %s | %.1f MB | %.0f ms | %.1f MB/s | %.0f ms CPU | runs %s |%n",
                what,
                bytes / 1e6,
                median,
                bytes / 1e6 / (median / 1000),
                cpu[cpu.length / 2],
                java.util.Arrays.toString(
                        java.util.Arrays.stream(wall).map(Math::round).toArray()));
    }

    /**
     * 20 s encoded (a 10-minute encode takes longer than the bench on a shared box), then looped by stream copy into a
     * valid WebM of the full length, about the size KMS would write.
     */
    private static void ffmpeg(Path out, int seconds, String bitrate) throws Exception {
        int piece = Math.min(seconds, 20);
        Path part = out.resolveSibling("piece.webm");
        run("ffmpeg -v error -y -f lavfi -i testsrc=size=640x480:rate=15,noise=alls=30:allf=t+u -t " + piece
                + " -c:v libvpx -deadline realtime -cpu-used 8 -b:v " + bitrate + " -minrate " + bitrate + " -maxrate "
                + bitrate + " -f webm " + part);
        run("ffmpeg -v error -y -stream_loop " + (seconds / piece - 1) + " -i " + part + " -c copy -f webm " + out);
        Files.delete(part);
    }

    private static void run(String command) throws Exception {
        Process p =
                new ProcessBuilder(command.split(" ")).redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) throw new IllegalStateException("ffmpeg: " + log);
    }
}
