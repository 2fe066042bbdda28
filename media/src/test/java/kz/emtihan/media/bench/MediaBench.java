package kz.emtihan.media.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import kz.emtihan.media.vision.FaceAnalyser;
import kz.emtihan.media.vision.FaceBenchAccess;
import org.opencv.core.Core;

/**
 * The media bench (issue 4, "How it is checked"): face analysis fps per core for YuNet and the Haar
 * fallback, and recording ingest through {@code RecordingStore} at N simultaneous real-time streams.
 * Writes {@code media-bench-<timestamp>.md} and {@code .json} to {@code --out}.
 *
 * <p>Run by the {@code bench} profile of {@code media/pom.xml}:
 * <pre>
 * mvn -q -pl media -am -Pmedia-bench -DskipTests verify -Dbench.streams=50,100,200,400,800 -Dbench.seconds=30
 * </pre>
 * Options ({@code --name=value}): {@code streams} (comma list), {@code seconds} (per level), {@code pool}
 * (worker threads calling put, default 20), {@code face-rounds}, {@code face-warmup} (frames per thread),
 * {@code face-threads} (default: cores), {@code ceiling-seconds}, {@code ingest-warmup} (seconds of a
 * discarded level at the smallest N; 0 = none), {@code out}, {@code work} (scratch dir, deleted),
 * {@code fixtures}, {@code skip} ({@code face} or {@code ingest}).
 */
public final class MediaBench {
    private MediaBench() {}

    public static void main(String[] args) throws Exception {
        Map<String, String> o = options(args);
        int cores = Runtime.getRuntime().availableProcessors();
        int[] streams = Arrays.stream(
                        o.getOrDefault("streams", "50,100,200,400,800").split(","))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .mapToInt(Integer::parseInt)
                .toArray();
        int seconds = Integer.parseInt(o.getOrDefault("seconds", "30"));
        int pool = Integer.parseInt(o.getOrDefault("pool", "20"));
        int rounds = Integer.parseInt(o.getOrDefault("face-rounds", "5"));
        int warmup = Integer.parseInt(o.getOrDefault("face-warmup", "30"));
        int faceThreads = Integer.parseInt(o.getOrDefault("face-threads", String.valueOf(cores)));
        double ceilingSeconds = Double.parseDouble(o.getOrDefault("ceiling-seconds", "5"));
        int ingestWarmup = Integer.parseInt(o.getOrDefault("ingest-warmup", "5"));
        Path out =
                Path.of(o.getOrDefault("out", "bench-results")).toAbsolutePath().normalize();
        Path work = Path.of(o.getOrDefault("work", "target/bench-work"))
                .toAbsolutePath()
                .normalize();
        Path fixtures = Path.of(
                o.getOrDefault("fixtures", System.getProperty("emtihan.fixtures.dir", "src/test/resources/fixtures")));
        String skip = o.getOrDefault("skip", "");
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));

        Files.createDirectories(out);
        IngestBench.delete(work);
        Files.createDirectories(work);
        SysStats sys = new SysStats(work);
        Report r = new Report();
        r.environment.put("timestamp", stamp);
        r.environment.put("cores", cores);
        r.environment.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        r.environment.put("java", System.getProperty("java.version"));
        r.environment.put("maxHeapMB", Runtime.getRuntime().maxMemory() >> 20);
        r.environment.put("workDir", work.toString());
        r.environment.put("device", sys.device());
        r.environment.put("uptimeBefore", SysStats.uptime());
        r.settings.put("streams", Arrays.stream(streams).boxed().toList());
        r.settings.put("seconds", seconds);
        r.settings.put("pool", pool);
        r.settings.put("faceRounds", rounds);
        r.settings.put("faceWarmup", warmup);
        r.settings.put("faceThreads", faceThreads);
        r.settings.put("ceilingSeconds", ceilingSeconds);
        r.settings.put("ingestWarmup", ingestWarmup);
        r.settings.put("skip", skip);
        log("load before: " + r.environment.get("uptimeBefore"));
        try {
            if (!skip.contains("face")) {
                face(r, fixtures, cores, faceThreads, warmup, rounds);
            }
            if (!skip.contains("ingest")) {
                ingest(r, sys, work, streams, seconds, pool, ceilingSeconds, ingestWarmup);
            }
        } finally {
            IngestBench.delete(work);
        }
        r.environment.put("uptimeAfter", SysStats.uptime());
        String md = r.markdown();
        Path mdFile = out.resolve("media-bench-" + stamp + ".md");
        Path json = out.resolve("media-bench-" + stamp + ".json");
        Files.writeString(mdFile, md, StandardCharsets.UTF_8);
        Files.writeString(json, Json.write(r.raw()), StandardCharsets.UTF_8);
        System.out.println();
        System.out.println(md);
        log("wrote " + mdFile + " and " + json.getFileName());
    }

    private static void face(Report r, Path fixtures, int cores, int threads, int warmup, int rounds) throws Exception {
        List<FaceBench.Frame> frames = FaceBench.frames(fixtures);
        long photos = frames.stream().filter(f -> !f.name().contains("#")).count();
        r.faceFrames.put("count", frames.size());
        r.faceFrames.put("photos", photos);
        r.faceFrames.put("videoFrames", frames.size() - photos);
        r.faceFrames.put("meanJpegBytes", (long)
                frames.stream().mapToInt(f -> f.jpeg().length).average().orElse(0));
        r.faceFrames.put(
                "description",
                String.format(
                        "%d per round: %d fixture photos letterboxed to 640×480 "
                                + "(JPEG q%d, in memory) and %d frames of fixtures/video/*.mjpeg (640×480 JPEG); warm-up %d frames "
                                + "per thread, then %d measured rounds",
                        frames.size(), photos, FaceBench.JPEG_QUALITY, frames.size() - photos, warmup, rounds));
        int defaultCv = Core.getNumThreads();
        r.faceFrames.put("opencvDefaultThreads", defaultCv);
        for (boolean yunet : new boolean[] {true, false}) {
            Supplier<FaceAnalyser> make = yunet ? FaceBenchAccess::yunet : FaceBenchAccess::haar;
            // {Java threads, OpenCV threads}: per core (pinned), threads = cores (pinned), OpenCV's default pool
            int[][] configs =
                    threads == 1 ? new int[][] {{1, 1}, {1, -1}} : new int[][] {{1, 1}, {threads, 1}, {1, -1}};
            for (int[] cfg : configs) {
                log(String.format(
                        "face: %s, %d Java thread(s), OpenCV threads %s",
                        yunet ? "YuNet" : "Haar", cfg[0], cfg[1] == 1 ? "1" : "default"));
                FaceBench.Run run = FaceBench.run(make, cfg[0], cfg[1], frames, warmup, rounds);
                log(String.format(
                        "  %s: %.1f fps, p50 %.1f ms, p90 %.1f ms",
                        run.detector(), run.fps(), run.p50Ms(), run.p90Ms()));
                r.face.add(run);
            }
        }
        if (r.face.stream().noneMatch(x -> x.detector().equals("YUNET"))) {
            r.notes.add("YuNet could not be loaded: every row ran the Haar fallback.");
        }
        Core.setNumThreads(defaultCv);
    }

    private static void ingest(
            Report r, SysStats sys, Path work, int[] streams, int seconds, int pool, double ceilingSeconds, int warmup)
            throws Exception {
        if (ceilingSeconds > 0) {
            for (int threads : new int[] {1, pool}) {
                log("ceiling: raw append+force, " + threads + " thread(s)");
                r.ceilings.add(FsyncCeiling.raw(work, threads, ceilingSeconds, sys));
                log("ceiling: RecordingStore.put back to back, " + threads + " thread(s)");
                r.ceilings.add(FsyncCeiling.store(work, threads, ceilingSeconds, sys));
            }
            r.ceilings.forEach(c -> log(String.format(
                    "  %s x%d: %.0f ops/s, p50 %.2f ms, p99 %.2f ms",
                    c.kind(), c.threads(), c.opsPerSec(), c.p50Ms(), c.p99Ms())));
        }
        if (warmup > 0 && streams.length > 0) {
            log("ingest warm-up: " + streams[0] + " streams x " + warmup + " s (discarded)");
            IngestBench.run(streams[0], warmup, pool, work, sys);
        }
        for (int n : streams) {
            log("ingest: " + n + " streams x " + seconds + " s");
            IngestBench.Level l = IngestBench.run(n, seconds, pool, work, sys);
            log(String.format(
                    "  %.2f/%.2f MB/s, put p99 %.1f ms, due->ack p99 %.1f ms, fsync calls %.0f/s%s",
                    l.achievedMBs(),
                    l.requiredMBs(),
                    l.putP99Ms(),
                    l.dueP99Ms(),
                    l.fsyncsPerSec(),
                    l.saturated() ? ", SATURATED: " + l.why() : ""));
            r.ingest.add(l);
        }
    }

    static Map<String, String> options(String[] args) {
        Map<String, String> o = new LinkedHashMap<>();
        for (String a : args) {
            if (!a.startsWith("--") || !a.contains("=")) {
                throw new IllegalArgumentException("expected --name=value, got " + a);
            }
            o.put(a.substring(2, a.indexOf('=')), a.substring(a.indexOf('=') + 1));
        }
        return o;
    }

    private static void log(String s) {
        System.out.println("[media-bench " + LocalDateTime.now().format(DateTimeFormatter.ISO_LOCAL_TIME) + "] " + s);
    }
}
