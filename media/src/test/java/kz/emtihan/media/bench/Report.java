package kz.emtihan.media.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Everything one bench run measured, and its Markdown summary. The JSON file holds the same object
 * ({@link #raw()}); the Markdown adds the derived figures (students per box, saturation, storage).
 */
final class Report {
    /** Seconds between two snapshots of one student (settings: snapshotSeconds). */
    static final int SNAPSHOT_SECONDS = 10;
    /** Share of the CPU left to the rest of the engine in the "with headroom" figure. */
    static final double HEADROOM = 0.5;
    /** Nominal bytes per student-second: camera (180 + 24 kbit/s) + screen (120 kbit/s). */
    static final double NOMINAL_BPS = IngestBench.CAMERA_CHUNK + IngestBench.SCREEN_CHUNK;

    final Map<String, Object> environment = new LinkedHashMap<>();
    final Map<String, Object> settings = new LinkedHashMap<>();
    final Map<String, Object> faceFrames = new LinkedHashMap<>();
    final List<FaceBench.Run> face = new ArrayList<>();
    final List<FsyncCeiling.Result> ceilings = new ArrayList<>();
    final List<IngestBench.Level> ingest = new ArrayList<>();
    final List<String> notes = new ArrayList<>();

    Map<String, Object> raw() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("environment", environment);
        m.put("settings", settings);
        m.put("faceFrames", faceFrames);
        m.put("face", face);
        m.put("faceCapacity", capacity());
        m.put("ingestCeilings", ceilings);
        m.put("ingest", ingest);
        m.put("ingestSaturation", saturation());
        m.put("storage", storage());
        m.put("notes", notes);
        return m;
    }

    /** Per detector: fps per core, box fps (threads = cores), students per box with and without headroom. */
    List<Map<String, Object>> capacity() {
        int cores = (int) environment.getOrDefault("cores", 1);
        List<Map<String, Object>> out = new ArrayList<>();
        for (String det : face.stream().map(FaceBench.Run::detector).distinct().toList()) {
            FaceBench.Run one = find(det, 1), box = find(det, cores);
            if (one == null) {
                continue;
            }
            double boxFps = box != null ? box.fps() : one.fps() * cores;
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("detector", det);
            m.put("fpsPerCore", Stats.round(one.fps(), 1));
            m.put("boxFps", Stats.round(boxFps, 1));
            m.put("boxFpsMeasured", box != null);
            m.put("studentsPerBox", (long) Math.floor(boxFps * SNAPSHOT_SECONDS));
            m.put("studentsPerBoxWithHeadroom", (long) Math.floor(boxFps * SNAPSHOT_SECONDS * (1 - HEADROOM)));
            m.put("studentsIdealScaling", (long) Math.floor(one.fps() * cores * SNAPSHOT_SECONDS));
            double cpuMs = (box != null ? box : one).cpuMsPerFrame();
            m.put("cpuMsPerFrame", Stats.round(cpuMs, 2));
            m.put("studentsPerBoxByCpuTime", (long) Math.floor(cores * 1000 / cpuMs * SNAPSHOT_SECONDS));
            m.put("studentsPerBoxByCpuTimeWithHeadroom", (long)
                    Math.floor(cores * 1000 / cpuMs * SNAPSHOT_SECONDS * (1 - HEADROOM)));
            out.add(m);
        }
        return out;
    }

    /** The first saturated level, or null. */
    IngestBench.Level saturation() {
        return ingest.stream().filter(IngestBench.Level::saturated).findFirst().orElse(null);
    }

    /** Bytes per student-hour, nominal and measured (files on disk, largest unsaturated level). */
    Map<String, Object> storage() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("nominalMBPerStudentHour", Stats.round(NOMINAL_BPS * 3600 / 1e6, 1));
        IngestBench.Level l = ingest.stream()
                .filter(x -> !x.saturated() && x.streams() % 2 == 0)
                .reduce((a, b) -> b)
                .orElse(null);
        if (l != null) {
            double perStudentSecond = l.bytesOnDisk() / ((double) l.students() * l.seconds());
            m.put("measuredFromStreams", l.streams());
            m.put("measuredMBPerStudentHour", Stats.round(perStudentSecond * 3600 / 1e6, 2));
            m.put("indexOverheadPercent", Stats.round((perStudentSecond / NOMINAL_BPS - 1) * 100, 2));
        }
        return m;
    }

    String markdown() {
        StringBuilder md = new StringBuilder();
        md.append("# Media bench ").append(environment.get("timestamp")).append("\n\n");
        md.append(f(
                "Machine: %s cores, %s, Java %s; work dir `%s` on device `%s`.%n%n",
                environment.get("cores"),
                environment.get("os"),
                environment.get("java"),
                environment.get("workDir"),
                environment.get("device")));
        md.append("Load before: `").append(environment.get("uptimeBefore")).append("`  \n");
        md.append("Load after: `").append(environment.get("uptimeAfter")).append("`\n\n");
        md.append("Settings: `").append(settings).append("`\n\n");
        faceSection(md);
        ingestSection(md);
        for (String n : notes) {
            md.append("- ").append(n).append('\n');
        }
        return md.toString();
    }

    private void faceSection(StringBuilder md) {
        if (face.isEmpty()) {
            return;
        }
        int cores = (int) environment.getOrDefault("cores", 1);
        md.append("## Face analysis (640×480 JPEG snapshots)\n\n");
        md.append(f(
                "Frames: %s. Each timed call is `FaceAnalyser.analyse` (JPEG decode, light, sharpness, "
                        + "detection). OpenCV's thread pool is pinned with `Core.setNumThreads(1)` in every row with "
                        + "OpenCV threads = 1; one analyser per Java thread. Box busy: all processes (`/proc/stat`); above "
                        + "process CPU / cores means other work shared the box during the run.%n%n",
                faceFrames.get("description")));
        md.append("| detector | Java threads | OpenCV threads | frames | fps | fps per core | p50 ms | p90 ms "
                + "| max ms | round fps min–max | process CPU (cores) | CPU ms per frame | box busy "
                + "| faces in one pass |\n");
        md.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (FaceBench.Run r : face) {
            md.append(f(
                    "| %s | %d | %d | %d | %.1f | %.1f | %.1f | %.1f | %.1f | %.1f–%.1f | %.2f | %.1f "
                            + "| %.0f %% | %d |%n",
                    r.detector(),
                    r.threads(),
                    r.opencvThreads(),
                    r.frames(),
                    r.fps(),
                    r.fpsPerCore(cores),
                    r.p50Ms(),
                    r.p90Ms(),
                    r.maxMs(),
                    r.minRoundFps(),
                    r.maxRoundFps(),
                    r.processCores(),
                    r.cpuMsPerFrame(),
                    r.boxBusy() * 100,
                    r.facesPerPass()));
        }
        md.append(f(
                "%nStudents one %d-core box can watch at one snapshot per %d s (box fps × %d; the "
                        + "headroom figure leaves %.0f %% of the CPU to the rest of the engine: HTTP, Redis, recording "
                        + "ingest, GC):%n%n",
                cores, SNAPSHOT_SECONDS, SNAPSHOT_SECONDS, HEADROOM * 100));
        md.append("| detector | fps per core | box fps (threads = cores) | students at 100 % CPU "
                + "| with 50 % headroom | per-core fps × cores × 10 | CPU ms per frame (threads = cores) "
                + "| by CPU time: students at 100 % / with headroom |\n|---|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Map<String, Object> c : capacity()) {
            md.append(f(
                    "| %s | %s | %s%s | **%,d** | **%,d** | %,d | %s | %,d / %,d |%n",
                    c.get("detector"),
                    c.get("fpsPerCore"),
                    c.get("boxFps"),
                    Boolean.TRUE.equals(c.get("boxFpsMeasured")) ? "" : " (est.)",
                    c.get("studentsPerBox"),
                    c.get("studentsPerBoxWithHeadroom"),
                    c.get("studentsIdealScaling"),
                    c.get("cpuMsPerFrame"),
                    c.get("studentsPerBoxByCpuTime"),
                    c.get("studentsPerBoxByCpuTimeWithHeadroom")));
        }
        md.append(f(
                "%nThe CPU-time columns use process CPU per frame (cores × 1000 / CPU ms × %d): they do not "
                        + "drop when other work shares the box, the fps columns do.%n",
                SNAPSHOT_SECONDS));
        md.append('\n');
    }

    private void ingestSection(StringBuilder md) {
        if (ceilings.isEmpty() && ingest.isEmpty()) {
            return;
        }
        md.append("## Recording ingest (`RecordingStore.put`, fsync per chunk)\n\n");
        md.append(f(
                "Streams alternate camera (%,d B per 1 s chunk: 180 + 24 kbit/s) and screen (%,d B: "
                        + "120 kbit/s); each sends one chunk per second, starts spread over the first second; a clock "
                        + "thread hands due chunks to a pool of %s worker threads; segments of 60 chunks. Every stream's "
                        + "first chunk creates its directories and files (7 fsyncs, not 2), all within the first second: "
                        + "the start burst. Saturated = steady-state (second half of the run) due-to-ack p99 > 1 s, or "
                        + "throughput < 95 %% of required, or a failed put.%n%n",
                IngestBench.CAMERA_CHUNK, IngestBench.SCREEN_CHUNK, settings.get("pool")));
        if (!ceilings.isEmpty()) {
            md.append("Ceilings (back to back, no pacing):\n\n| kind | threads | ops/s | p50 ms | p99 ms | MB/s "
                    + "| device flushes/s |\n|---|---:|---:|---:|---:|---:|---:|\n");
            for (FsyncCeiling.Result c : ceilings) {
                md.append(f(
                        "| %s | %d | %,.0f | %.2f | %.2f | %.1f | %,.0f |%n",
                        c.kind(),
                        c.threads(),
                        c.opsPerSec(),
                        c.p50Ms(),
                        c.p99Ms(),
                        c.mbPerSec(),
                        c.deviceFlushesPerSec()));
            }
            md.append('\n');
        }
        if (!ingest.isEmpty()) {
            md.append("| streams (students) | required MB/s | achieved MB/s | ratio | put mean / p50 / p99 ms "
                    + "| pool busy | due→ack p50 / p99 / max ms "
                    + "| due→ack p99 steady (2nd half) / first chunk max ms | fsync calls/s | device flushes/s "
                    + "| device write MB/s | CPU ms per stream-second "
                    + "| process CPU (of box) | box busy / iowait | out of order | errors | saturated |\n");
            md.append("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|\n");
            for (IngestBench.Level l : ingest) {
                md.append(f(
                        "| %,d (%,d) | %.2f | %.2f | %.3f | %.1f / %.1f / %.1f | %.0f %% | %.1f / %.1f / %.0f "
                                + "| %.1f / %.0f | %,.0f | %,.0f | %.1f | %.2f | %.0f %% | %.0f %% / %.0f %% | %d | %d "
                                + "| %s |%n",
                        l.streams(),
                        l.students(),
                        l.requiredMBs(),
                        l.achievedMBs(),
                        l.throughputRatio(),
                        l.putMeanMs(),
                        l.putP50Ms(),
                        l.putP99Ms(),
                        l.poolBusy() * 100,
                        l.dueP50Ms(),
                        l.dueP99Ms(),
                        l.dueMaxMs(),
                        l.steadyDueP99Ms(),
                        l.firstChunkDueMaxMs(),
                        l.fsyncsPerSec(),
                        l.deviceFlushesPerSec(),
                        l.deviceMBs(),
                        l.cpuMsPerStreamSecond(),
                        l.processCpuLoad() * 100,
                        l.boxBusy() * 100,
                        l.boxIowait() * 100,
                        l.outOfOrder(),
                        l.errors(),
                        l.saturated()
                                ? "**yes**: " + l.why()
                                : l.startBurstOverPeriod() ? "no (start burst > 1 s)" : "no"));
            }
            IngestBench.Level sat = saturation();
            md.append(
                    sat != null
                            ? f(
                                    "%nSaturation (steady state): first at **%,d streams (%,d students)** (%s).%n",
                                    sat.streams(), sat.students(), sat.why())
                            : f(
                                    "%nSaturation (steady state): not reached up to %,d streams.%n",
                                    ingest.get(ingest.size() - 1).streams()));
            ingest.stream()
                    .filter(IngestBench.Level::startBurstOverPeriod)
                    .findFirst()
                    .ifPresent(b -> md.append(f(
                            "Start burst: from %,d streams (%,d students) the due-to-ack p99 over all chunks exceeds 1 s "
                                    + "(%.0f ms; first-chunk max %.0f ms).%n",
                            b.streams(), b.students(), b.dueP99Ms(), b.firstChunkDueMaxMs())));
            Map<String, Object> st = storage();
            md.append(f(
                    "%nStorage per student-hour: nominal %s MB; measured on disk %s MB (data + index, "
                            + "from the %s-stream level; index overhead %s %%).%n%n",
                    st.get("nominalMBPerStudentHour"),
                    st.get("measuredMBPerStudentHour"),
                    st.get("measuredFromStreams"),
                    st.get("indexOverheadPercent")));
        }
    }

    private FaceBench.Run find(String detector, int threads) {
        return face.stream()
                .filter(r -> r.detector().equals(detector) && r.threads() == threads && r.opencvThreads() == 1)
                .findFirst()
                .orElse(null);
    }

    private static String f(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }
}
