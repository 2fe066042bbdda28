package kz.emtihan.media.kurento;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.kurento.client.KurentoClient;

/**
 * Issue 17 (5): how many simultaneous recorded students the Kurento Media Server at {@code EMTIHAN_KMS_URL} holds
 * before frames drop. Each student publishes, through the adapter, a camera (640×360, 15 fps, VP8 at the configured
 * camera bitrate + Opus 24 kbit/s) and a screen (1280×720, 5 fps, VP8 at the configured screen bitrate, video only as
 * the page sends it, so recorded WEBM_VIDEO_ONLY); the server records both. The senders are real WebRTC endpoints on a
 * second KMS of the bench's own ({@link KmsProcess}, from {@code EMTIHAN_KMS_HOME}); by default they send the clips'
 * VP8 as it is ({@code useEncodedMedia}: no decoding or encoding), so the sending side costs little. Per level: N
 * students publish, {@code seconds} are recorded, everything is released (files finalised), and every file's video
 * packets are counted against its frame rate over its span. A level holds when every one of the 2N files keeps at
 * least {@link #HOLDS} of its frames; the bench stops after the first level that does not ({@code --all=true} runs
 * every level). CPU is read from /proc per process: the recording KMS (its pid in {@code EMTIHAN_KMS_HOME/run/kms.pid})
 * apart from the sending KMS and the box. Not a unit test; the command and how to read the report are in
 * docs/kurento.md ("Capacity").
 */
public final class KmsCapacityBench {
    private KmsCapacityBench() {}

    /** {@code -Dbench.encoded=false}: the senders decode and encode the clips (costlier, for comparison). */
    static final boolean ENCODED = Boolean.parseBoolean(System.getProperty("bench.encoded", "true"));
    /** Share of a file's frames that must be on the disk for a level to hold. */
    static final double HOLDS = 0.95;

    record Level(
            int students,
            double worstCamera,
            double worstScreen,
            double cameraKbps,
            double screenKbps,
            double kmsCpu,
            double sendersCpu,
            double boxBusy,
            String load,
            int flowing,
            double secondsToFlow) {
        /** Frames kept in every file whose stream reached its recorder (streams that never did are counted apart). */
        boolean holds() {
            return flowing > 0 && worstCamera >= HOLDS && worstScreen >= HOLDS;
        }
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> o = new HashMap<>();
        for (String a : args)
            if (a.startsWith("--") && a.contains("="))
                o.put(a.substring(2, a.indexOf('=')), a.substring(a.indexOf('=') + 1));
        int[] levels = Arrays.stream(
                        o.getOrDefault("students", "8,16,24,32,48,64").split(","))
                .mapToInt(Integer::parseInt)
                .toArray();
        int seconds = Integer.parseInt(o.getOrDefault("seconds", "30"));
        int cameraKbps = Integer.parseInt(o.getOrDefault("camera-kbps", "180"));
        int screenKbps = Integer.parseInt(o.getOrDefault("screen-kbps", "120"));
        boolean all = Boolean.parseBoolean(o.getOrDefault("all", "false"));
        Path out = Path.of(o.getOrDefault("out", "bench-results")).toAbsolutePath();
        URI url = RealKms.url().orElseThrow(() -> new IllegalStateException("set EMTIHAN_KMS_URL"));
        Path home = KmsProcess.home().orElseThrow(() -> new IllegalStateException("set EMTIHAN_KMS_HOME"));
        long kmsPid =
                Long.parseLong(Files.readString(home.resolve("run/kms.pid")).trim());
        Path work = Files.createTempDirectory("emtihan-kms-bench");
        int clipSeconds = seconds + 60;
        // a keyframe every 30 frames (2 s camera, 6 s screen: senders of encoded media cannot answer a keyframe
        // request). The screen is ffmpeg's plainer testsrc: testsrc2 at 720p needs ~220 kbit/s whatever the target,
        // testsrc ~115 kbit/s (measured), so the files are at the configured bitrates
        Path camera = clip(work, "camera", "testsrc2=size=640x360:rate=15", cameraKbps, true, clipSeconds, 30);
        Path screen = clip(work, "screen", "testsrc=size=1280x720:rate=5", screenKbps, false, clipSeconds, 30);
        String loadBefore = String.join(
                " ",
                Arrays.copyOf(Files.readString(Path.of("/proc/loadavg")).trim().split(" "), 3));
        Map<String, Integer> kbps = Map.of("camera", cameraKbps, "screen", screenKbps);
        List<Level> results = new ArrayList<>();
        try (KmsProcess senders = KmsProcess.start(work.resolve("senders"))) {
            KurentoClient sending = RealKms.client(senders.url());
            try {
                for (int n : levels) {
                    Level l = level(n, seconds, url, kbps, sending, camera, screen, work, kmsPid, senders.pid());
                    results.add(l);
                    System.out.printf(
                            "%d students: %d/%d streams flowing after %.1f s; frames worst camera %.3f screen %.3f;"
                                    + " recorded %.0f / %.0f kbit/s; KMS %.2f cores, senders %.2f, box busy %.0f %%,"
                                    + " load %s%n",
                            n,
                            l.flowing,
                            2 * n,
                            l.secondsToFlow,
                            l.worstCamera,
                            l.worstScreen,
                            l.cameraKbps,
                            l.screenKbps,
                            l.kmsCpu,
                            l.sendersCpu,
                            l.boxBusy * 100,
                            l.load);
                    if (!l.holds() && !all) break;
                }
            } finally {
                sending.destroy();
            }
        }
        Path report = KmsCapacityReport.write(
                out, results, String.join(" ", args), loadBefore, seconds, cameraKbps, screenKbps, ENCODED);
        System.out.println(Files.readString(report));
        System.out.println("written " + report);
    }

    private static Level level(
            int n,
            int seconds,
            URI url,
            Map<String, Integer> kbps,
            KurentoClient sending,
            Path camera,
            Path screen,
            Path work,
            long kmsPid,
            long sendersPid)
            throws Exception {
        Path dir = work.resolve("rec-" + n);
        Files.createDirectories(dir);
        Map<String, KmsPeer> routes = new ConcurrentHashMap<>();
        java.util.Set<String> flowing = ConcurrentHashMap.newKeySet();
        KurentoMedia.Listener listener = new KurentoMedia.Listener() {
            @Override
            public void localCandidate(String owner, String stream, String peer, Candidate c) {
                KmsPeer p = routes.get(owner + "/" + stream);
                if (p != null) p.remote(c);
            }

            @Override
            public void recording(String owner, String stream, boolean isFlowing) {
                if (isFlowing) flowing.add(owner + "/" + stream);
            }

            @Override
            public void lost(String owner) {}

            @Override
            public void reconnected() {}
        };
        List<KmsPeer> peers = new ArrayList<>();
        List<String> files = Collections.synchronizedList(new ArrayList<>());
        KurentoSettings settings = KurentoSettings.of(
                        url, dir.toUri().toString().replaceAll("/$", ""))
                .withThreads(8)
                .withVideoKbps(kbps);
        try (KurentoMedia media = KurentoMedia.connect(settings, listener).get(30, TimeUnit.SECONDS)) {
            List<CompletableFuture<Void>> started = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                String owner = "bench-" + n + "-" + i;
                for (String stream : List.of("camera", "screen")) {
                    boolean cam = stream.equals("camera");
                    Path clip = cam ? camera : screen;
                    KmsPeer p = ENCODED ? KmsPeer.encodedSender(sending, clip) : KmsPeer.sender(sending, clip);
                    peers.add(p);
                    routes.put(owner + "/" + stream, p);
                    p.onCandidate(c -> media.addCandidate(owner, stream, KurentoMedia.PUBLISHER, c));
                    // the screen as the page sends it: video only (no m=audio), recorded WEBM_VIDEO_ONLY
                    String offer = cam ? p.offer() : p.videoOnlyOffer();
                    started.add(media.publish(owner, stream, offer).thenAccept(pub -> {
                        files.add(pub.recordingUri());
                        p.answered(pub.sdpAnswer());
                    }));
                }
            }
            long asked = System.nanoTime();
            CompletableFuture.allOf(started.toArray(CompletableFuture[]::new)).get(300, TimeUnit.SECONDS);
            // the measured interval starts once video reaches every recorder (or after 60 s: the streams that never
            // flowed are counted apart from frame drops)
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (flowing.size() < 2 * n && System.nanoTime() < until) TimeUnit.MILLISECONDS.sleep(100);
            double toFlow = (System.nanoTime() - asked) / 1e9;
            int flowed = flowing.size();
            long cpu0 = cpuTicks(kmsPid);
            long senders0 = cpuTicks(sendersPid);
            long[] box0 = boxTicks();
            long t0 = System.nanoTime();
            TimeUnit.SECONDS.sleep(seconds); // the bench's measured interval, not a synchronisation
            double wall = (System.nanoTime() - t0) / 1e9;
            double kmsCpu = (cpuTicks(kmsPid) - cpu0) / 100.0 / wall;
            double sendersCpu = (cpuTicks(sendersPid) - senders0) / 100.0 / wall;
            long[] box1 = boxTicks();
            double busy = 1.0 - (double) (box1[1] - box0[1]) / (box1[0] - box0[0]);
            String load = Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
            List<CompletableFuture<Void>> released = new ArrayList<>();
            for (int i = 0; i < n; i++) released.add(media.release("bench-" + n + "-" + i));
            CompletableFuture.allOf(released.toArray(CompletableFuture[]::new)).get(300, TimeUnit.SECONDS);
            List<Double> cameras = new ArrayList<>();
            List<Double> screens = new ArrayList<>();
            List<Double> cameraRates = new ArrayList<>();
            List<Double> screenRates = new ArrayList<>();
            for (String f : files) {
                boolean cam = f.contains("/camera-");
                // a stream that never flowed is reported in the flowing column, not as a frame drop
                if (flowing.stream().noneMatch(k -> f.contains("/" + k + "-"))) continue;
                Path file = Path.of(URI.create(f));
                (cam ? cameras : screens).add(frames(file, cam ? 15 : 5));
                (cam ? cameraRates : screenRates).add(kbps(file));
            }
            return new Level(
                    n,
                    cameras.isEmpty() ? 0 : Collections.min(cameras),
                    screens.isEmpty() ? 0 : Collections.min(screens),
                    median(cameraRates),
                    median(screenRates),
                    kmsCpu,
                    sendersCpu,
                    busy,
                    load,
                    flowed,
                    toFlow);
        } finally {
            for (KmsPeer p : peers) p.close();
        }
    }

    private static double median(List<Double> values) {
        if (values.isEmpty()) return 0;
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }

    /** A file's video kbit/s (0 when it holds none). */
    static double kbps(Path file) throws Exception {
        if (!Files.exists(file) || Files.size(file) < 4096) return 0;
        try {
            return RealKms.videoRate(file).bitsPerSecond() / 1000;
        } catch (AssertionError unreadable) {
            return 0;
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

    private static Path clip(Path dir, String name, String source, int kbps, boolean audio, int seconds, int gop)
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
                kbps + "k",
                "-minrate",
                kbps + "k",
                "-maxrate",
                kbps + "k",
                "-deadline",
                "realtime",
                "-cpu-used",
                "8",
                "-g",
                Integer.toString(gop)));
        if (audio) cmd.addAll(List.of("-c:a", "libopus", "-b:a", "24k"));
        cmd.add(out.toString());
        RealKms.run(cmd);
        return out;
    }

    static long cpuTicks(long pid) throws Exception {
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
