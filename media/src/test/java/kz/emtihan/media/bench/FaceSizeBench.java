package kz.emtihan.media.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import kz.emtihan.media.bench.SnapshotFrames.Labelled;
import kz.emtihan.media.vision.FaceAnalyser;
import kz.emtihan.media.vision.FaceBenchAccess;
import kz.emtihan.media.vision.FirstLook;
import org.opencv.core.Core;

/**
 * Issue 14 (8): YuNet on the snapshot path at 640x480 (before), at 320x240 alone, and 320x240 first with the
 * 640x480 look when unsure (the choice). For each: faces found against the labels of the fixture photos and
 * fake-camera video frames, the face-size sweep, and the CPU time of the whole {@code analyse} call (JPEG decode,
 * light and sharpness, resize, detection) per frame, from the thread's own CPU clock, with 1 and 2 threads (one
 * analyser each, OpenCV's pool pinned to 1). Writes {@code face-size-<timestamp>.md} to {@code --out}.
 *
 * <pre>
 * ./mvnw -B -q -o -pl media -am -Pface-size-bench -DskipTests verify -Dspotless.check.skip=true
 * </pre>
 * Options: {@code --fixtures=DIR} (default: the module's test fixtures; {@code /work/shared/fixtures} adds two
 * videos), {@code --rounds=N} passes over the frames per thread (5), {@code --out=DIR}.
 */
public final class FaceSizeBench {
    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

    private record Config(String name, Supplier<FaceAnalyser> make) {}

    private FaceSizeBench() {}

    public static void main(String[] args) throws Exception {
        Map<String, String> o = MediaBench.options(args);
        Path fixtures = Path.of(
                o.getOrDefault("fixtures", System.getProperty("emtihan.fixtures.dir", "src/test/resources/fixtures")));
        int rounds = Integer.parseInt(o.getOrDefault("rounds", "5"));
        Path out =
                Path.of(o.getOrDefault("out", "bench-results")).toAbsolutePath().normalize();
        List<Labelled> frames = SnapshotFrames.fixtures(fixtures);
        List<Labelled> sweep = SnapshotFrames.sweep(fixtures);
        List<Config> configs = List.of(
                new Config("640x480 (before)", FaceBenchAccess::yunet),
                new Config("320x240 alone", () -> FaceBenchAccess.firstLookOnly(FirstLook.SMALL)),
                new Config("320x240, 640x480 when unsure (chosen)", () -> FaceBenchAccess.twoLooks(FirstLook.SMALL)),
                new Config(
                        "320x240, 640x480 when unsure or no face",
                        () -> FaceBenchAccess.twoLooks(new FirstLook(320, 240, true))));
        Core.setNumThreads(1);
        StringBuilder md = new StringBuilder("# Face analysis size (issue 14 (8))\n\n");
        md.append(String.format(
                "%d fixture frames from `%s` (%d with one face, %d with none, %d with two), %d rounds, %s, %d cores%n%n",
                frames.size(),
                fixtures,
                count(frames, 1),
                count(frames, 0),
                count(frames, 2),
                rounds,
                uptime(),
                Runtime.getRuntime().availableProcessors()));
        md.append("| analysis | one face: 1 found | no face: 0 found | two faces: 2 found | full looks |"
                + " wrong frames |\n|---|---:|---:|---:|---:|---|\n");
        StringBuilder sweepMd = new StringBuilder("\n| face px (of 640) | alone: faces found by each |"
                + " beside a 150 px face: faces found by each |\n|---:|---|---|\n");
        List<int[]> sweepCounts = new ArrayList<>();
        for (Config c : configs) {
            try (FaceAnalyser a = c.make().get()) {
                int[] right = new int[3], total = new int[3];
                List<String> wrong = new ArrayList<>();
                for (Labelled f : frames) {
                    int n = a.analyse(f.jpeg()).faces();
                    total[f.faces()]++;
                    if (n == f.faces()) right[f.faces()]++;
                    else wrong.add(f.name() + "=" + n);
                }
                long[] looks = a.looks();
                md.append(String.format(
                        "| %s | %d/%d | %d/%d | %d/%d | %d of %d | %s |%n",
                        c.name(),
                        right[1],
                        total[1],
                        right[0],
                        total[0],
                        right[2],
                        total[2],
                        looks[1],
                        looks[0],
                        abbreviate(wrong)));
                int[] found = new int[sweep.size()];
                for (int i = 0; i < sweep.size(); i++)
                    found[i] = a.analyse(sweep.get(i).jpeg()).faces();
                sweepCounts.add(found);
            }
        }
        for (int w = 0; w < SnapshotFrames.SWEEP.length; w++) {
            sweepMd.append("| ").append(SnapshotFrames.SWEEP[w]);
            for (int pair = 0; pair < 2; pair++) {
                sweepMd.append(" |");
                for (int[] found : sweepCounts) {
                    // 4 frames per width: alone hopper, alone collins, pair hopper, pair collins
                    int i = w * 4 + pair * 2;
                    sweepMd.append(" ").append(found[i]).append('+').append(found[i + 1]);
                }
            }
            sweepMd.append(" |\n");
        }
        md.append("\nFace-size sweep (Hopper+Collins, found by: ")
                .append(String.join(" / ", configs.stream().map(Config::name).toList()))
                .append("; expected 1+1 alone, 2+2 beside the large face):\n")
                .append(sweepMd);
        md.append("\n| analysis | threads | CPU ms per frame: median | p95 | mean | mean, one look | mean, with the"
                + " full look | wall fps (box) | frames per s per core from CPU |\n"
                + "|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (int threads = 1; threads <= 2; threads++) {
            for (Config c : configs) {
                double[] r = time(c.make(), threads, frames, rounds);
                md.append(String.format(
                        "| %s | %d | %.2f | %.2f | %.2f | %.2f | %.2f | %.1f | %.0f |%n",
                        c.name(), threads, r[0], r[1], r[2], r[4], r[5], r[3], 1000 / r[2]));
            }
        }
        md.append("\n").append(uptime()).append('\n');
        System.out.print(md);
        Files.createDirectories(out);
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        Files.writeString(out.resolve("face-size-" + stamp + ".md"), md, StandardCharsets.UTF_8);
    }

    /** {median, p95, mean} CPU ms, frames per wall second, mean CPU ms of one-look and of full-look frames. */
    private static double[] time(Supplier<FaceAnalyser> make, int threads, List<Labelled> frames, int rounds)
            throws InterruptedException {
        int per = rounds * frames.size();
        long[] cpu = new long[threads * per];
        boolean[] full = new boolean[threads * per];
        Throwable[] failed = new Throwable[1];
        List<Thread> workers = new ArrayList<>();
        long[] wall = new long[threads];
        for (int t = 0; t < threads; t++) {
            int id = t;
            workers.add(new Thread(() -> {
                try (FaceAnalyser a = make.get()) {
                    for (int i = 0; i < 30; i++)
                        a.analyse(frames.get(i % frames.size()).jpeg()); // warm-up
                    long w0 = System.nanoTime();
                    for (int i = 0; i < per; i++) {
                        byte[] jpeg = frames.get((i + id * frames.size() / threads) % frames.size())
                                .jpeg();
                        long before = a.looks()[1];
                        long c0 = CPU.getCurrentThreadCpuTime();
                        a.analyse(jpeg);
                        cpu[id * per + i] = CPU.getCurrentThreadCpuTime() - c0;
                        full[id * per + i] = a.looks()[1] > before;
                    }
                    wall[id] = System.nanoTime() - w0;
                } catch (Throwable e) {
                    failed[0] = e;
                }
            }));
        }
        workers.forEach(Thread::start);
        for (Thread w : workers) w.join();
        if (failed[0] != null) throw new IllegalStateException("face size bench failed", failed[0]);
        long[] s = Stats.sorted(cpu, cpu.length);
        double mean = java.util.Arrays.stream(cpu).average().orElse(Double.NaN) / 1e6;
        long slowest = java.util.Arrays.stream(wall).max().orElse(1);
        double[] sum = new double[2];
        int[] n = new int[2];
        for (int i = 0; i < cpu.length; i++) {
            sum[full[i] ? 1 : 0] += cpu[i] / 1e6;
            n[full[i] ? 1 : 0]++;
        }
        return new double[] {
            Stats.ms(s, 50), Stats.ms(s, 95), mean, cpu.length / (slowest / 1e9), sum[0] / n[0], sum[1] / n[1]
        };
    }

    private static int count(List<Labelled> frames, int faces) {
        return (int) frames.stream().filter(f -> f.faces() == faces).count();
    }

    private static String abbreviate(List<String> wrong) {
        if (wrong.size() <= 4) return String.join(", ", wrong);
        return String.join(", ", wrong.subList(0, 3)) + " and " + (wrong.size() - 3) + " more";
    }

    private static String uptime() {
        try {
            return "load " + Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (Exception e) {
            return "load ?";
        }
    }
}
