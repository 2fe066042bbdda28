package kz.emtihan.media.kurento;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.kurento.client.KurentoClient;

/**
 * Issue 17 (5): how many simultaneous recorded students (camera 640×360 15 fps VP8 at 180 kbit/s + Opus 24 kbit/s,
 * screen 1280×720 5 fps VP8 at 120 kbit/s: the configured bitrates) the Kurento Media Server at
 * {@code EMTIHAN_KMS_URL} records through the adapter before frames drop. The students are real WebRTC senders on a
 * second KMS of the bench's own ({@link KmsProcess}, from {@code EMTIHAN_KMS_HOME}) that send the clips' VP8 as it is
 * (no encoding), so the sending side costs little; both run on this box, so the figure is a floor for a box that only
 * records. Per level: N students publish both streams, record {@code seconds}, are released (files finalised); each
 * file's video packets are counted against its frame rate over its span. A level holds when every file has at least
 * 95 % of its frames. Also: the recording server's CPU (its pid from {@code EMTIHAN_KMS_HOME/run/kms.pid}) and the
 * box's load. Not a unit test:
 *
 * <pre>
 * tools/kms.sh build && tools/kms.sh start
 * EMTIHAN_KMS_URL=ws://127.0.0.1:8888/kurento EMTIHAN_KMS_HOME=$PWD/target/kms \
 *   ./mvnw -B -q -o -pl media -am -Pkms-bench -DskipTests verify -Dspotless.check.skip=true -Dbench.students=1,2,4,8,12,16 -Dbench.seconds=20
 * </pre>
 */
public final class KmsCapacityBench {
    private KmsCapacityBench() {}

    /** {@code -Dbench.encoded=false}: the senders decode and encode the clips (costlier, but always negotiable). */
    static final boolean ENCODED = Boolean.parseBoolean(System.getProperty("bench.encoded", "true"));

    record Level(int students, double minRatio, double medianRatio, double kmsCpu, double boxBusy, double load) {}

    public static void main(String[] args) throws Exception {
        Map<String, String> o = new java.util.HashMap<>();
        for (String a : args)
            if (a.startsWith("--") && a.contains("="))
                o.put(a.substring(2, a.indexOf('=')), a.substring(a.indexOf('=') + 1));
        int[] levels = Arrays.stream(o.getOrDefault("students", "1,2,4,8").split(","))
                .mapToInt(Integer::parseInt)
                .toArray();
        int seconds = Integer.parseInt(o.getOrDefault("seconds", "20"));
        Path out = Path.of(o.getOrDefault("out", "bench-results")).toAbsolutePath();
        URI url = RealKms.url().orElseThrow(() -> new IllegalStateException("set EMTIHAN_KMS_URL"));
        Path home = KmsProcess.home().orElseThrow(() -> new IllegalStateException("set EMTIHAN_KMS_HOME"));
        long kmsPid =
                Long.parseLong(Files.readString(home.resolve("run/kms.pid")).trim());
        Path work = Files.createTempDirectory("emtihan-kms-bench");
        Path camera = clip(work, "camera", "testsrc2=size=640x360:rate=15", "180k", true, seconds + 20);
        Path screen = clip(work, "screen", "testsrc2=size=1280x720:rate=5", "120k", false, seconds + 20);
        String loadBefore = Files.readString(Path.of("/proc/loadavg")).trim();
        List<Level> results = new ArrayList<>();
        try (KmsProcess senders = KmsProcess.start(work.resolve("senders"))) {
            KurentoClient sending = RealKms.client(senders.url());
            try {
                for (int n : levels) {
                    Level l = level(n, seconds, url, sending, camera, screen, work, kmsPid);
                    results.add(l);
                    System.out.printf(
                            "%d students: frames min %.3f median %.3f, KMS CPU %.2f cores, box busy %.0f %%, load %.1f%n",
                            n, l.minRatio, l.medianRatio, l.kmsCpu, l.boxBusy * 100, l.load);
                }
            } finally {
                sending.destroy();
            }
        }
        Files.createDirectories(out);
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmm"));
        StringBuilder md = new StringBuilder("# KMS recording capacity (issue 17, 5)\n\n")
                .append("Load before: ")
                .append(loadBefore)
                .append("; ")
                .append(seconds)
                .append(" s per level; cores: ")
                .append(Runtime.getRuntime().availableProcessors())
                .append("\n\n")
                .append(
                        "| students (streams) | frames kept, worst file | median file | recording KMS CPU (cores) | box busy | load avg 1 min |\n")
                .append("|---:|---:|---:|---:|---:|---:|\n");
        for (Level l : results)
            md.append(String.format(
                    "| %d (%d) | %.1f %% | %.1f %% | %.2f | %.0f %% | %.1f |%n",
                    l.students,
                    2 * l.students,
                    100 * l.minRatio,
                    100 * l.medianRatio,
                    l.kmsCpu,
                    100 * l.boxBusy,
                    l.load));
        Path report = out.resolve("kms-capacity-" + stamp + ".md");
        Files.writeString(report, md);
        System.out.println(md);
        System.out.println("written " + report);
    }

    private static Level level(
            int n, int seconds, URI url, KurentoClient sending, Path camera, Path screen, Path work, long kmsPid)
            throws Exception {
        Path dir = work.resolve("rec-" + n);
        Files.createDirectories(dir);
        Map<String, KmsPeer> routes = new ConcurrentHashMap<>();
        KurentoMedia.Listener listener = new KurentoMedia.Listener() {
            @Override
            public void localCandidate(String owner, String stream, String peer, Candidate c) {
                KmsPeer p = routes.get(owner + "/" + stream);
                if (p != null) p.remote(c);
            }

            @Override
            public void lost(String owner) {}

            @Override
            public void reconnected() {}
        };
        List<KmsPeer> peers = new ArrayList<>();
        List<String> files = java.util.Collections.synchronizedList(new ArrayList<>());
        try (KurentoMedia media = KurentoMedia.connect(
                        KurentoSettings.of(url, dir.toUri().toString().replaceAll("/$", ""))
                                .withThreads(8),
                        listener)
                .get(30, TimeUnit.SECONDS)) {
            List<CompletableFuture<Void>> started = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                String owner = "bench-" + n + "-" + i;
                for (String stream : List.of("camera", "screen")) {
                    Path clip = stream.equals("camera") ? camera : screen;
                    KmsPeer p = ENCODED ? KmsPeer.encodedSender(sending, clip) : KmsPeer.sender(sending, clip);
                    peers.add(p);
                    routes.put(owner + "/" + stream, p);
                    p.onCandidate(c -> media.addCandidate(owner, stream, KurentoMedia.PUBLISHER, c));
                    started.add(media.publish(owner, stream, p.offer()).thenAccept(pub -> {
                        files.add(pub.recordingUri());
                        p.answered(pub.sdpAnswer());
                    }));
                }
            }
            CompletableFuture.allOf(started.toArray(CompletableFuture[]::new)).get(120, TimeUnit.SECONDS);
            long cpu0 = cpuTicks(kmsPid);
            long[] box0 = boxTicks();
            long t0 = System.nanoTime();
            TimeUnit.SECONDS.sleep(seconds); // the bench's measured interval, not a synchronisation
            double wall = (System.nanoTime() - t0) / 1e9;
            double kmsCpu = (cpuTicks(kmsPid) - cpu0) / 100.0 / wall;
            long[] box1 = boxTicks();
            double busy = 1.0 - (double) (box1[1] - box0[1]) / (box1[0] - box0[0]);
            double load = Double.parseDouble(
                    Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
            List<CompletableFuture<Void>> released = new ArrayList<>();
            for (int i = 0; i < n; i++) released.add(media.release("bench-" + n + "-" + i));
            CompletableFuture.allOf(released.toArray(CompletableFuture[]::new)).get(120, TimeUnit.SECONDS);
            List<Double> ratios = new ArrayList<>();
            for (String f : files) {
                double fps = f.contains("/camera-") ? 15 : 5;
                ratios.add(frames(Path.of(URI.create(f)), fps));
            }
            java.util.Collections.sort(ratios);
            return new Level(n, ratios.get(0), ratios.get(ratios.size() / 2), kmsCpu, busy, load);
        } finally {
            for (KmsPeer p : peers) p.close();
        }
    }

    /** Video packets in the file over the frames its span should hold at {@code fps} (0 if it holds none). */
    static double frames(Path file, double fps) throws Exception {
        if (!Files.exists(file) || Files.size(file) < 4096) return 0;
        List<Double> times;
        try {
            times = RealKms.run(List.of(
                            "ffprobe",
                            "-v",
                            "error",
                            "-select_streams",
                            "v:0",
                            "-show_entries",
                            "packet=pts_time",
                            "-of",
                            "csv=p=0",
                            file.toString()))
                    .lines()
                    .filter(l -> !l.isBlank() && !l.startsWith("N/A"))
                    .map(l -> Double.parseDouble(l.replace(",", "")))
                    .sorted()
                    .toList();
        } catch (AssertionError unreadable) {
            return 0; // nothing playable recorded: every frame dropped
        }
        if (times.size() < 2) return 0;
        double span = times.get(times.size() - 1) - times.get(0);
        return Math.min(1.0, times.size() / (span * fps + 1));
    }

    private static Path clip(Path dir, String name, String source, String bitrate, boolean audio, int seconds)
            throws Exception {
        Path out = dir.resolve(name + ".webm");
        List<String> cmd = new ArrayList<>(
                List.of("ffmpeg", "-hide_banner", "-loglevel", "error", "-y", "-f", "lavfi", "-i", source));
        if (audio) cmd.addAll(List.of("-f", "lavfi", "-i", "sine=frequency=440:sample_rate=48000"));
        cmd.addAll(List.of(
                "-t",
                Integer.toString(seconds),
                "-c:v",
                "libvpx",
                "-b:v",
                bitrate,
                "-deadline",
                "realtime",
                "-cpu-used",
                "8",
                "-g",
                "30"));
        if (audio) cmd.addAll(List.of("-c:a", "libopus", "-b:a", "24k"));
        cmd.add(out.toString());
        RealKms.run(cmd);
        return out;
    }

    private static long cpuTicks(long pid) throws Exception {
        String[] f = Files.readString(Path.of("/proc/" + pid + "/stat"))
                .replaceAll(".*\\) ", "")
                .split(" ");
        return Long.parseLong(f[11]) + Long.parseLong(f[12]); // utime + stime (fields 14, 15)
    }

    /** {total, idle} jiffies of the whole box. */
    private static long[] boxTicks() throws Exception {
        String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
        long total = 0;
        for (int i = 1; i < f.length; i++) total += Long.parseLong(f[i]);
        return new long[] {total, Long.parseLong(f[4]) + Long.parseLong(f[5])};
    }
}
