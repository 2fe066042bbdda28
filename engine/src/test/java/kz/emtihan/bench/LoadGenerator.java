package kz.emtihan.bench;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The exam-day load bench (run: {@code mvn -q -pl engine -am -Pbench -DskipTests verify
 * -Dbench.students=1000,5000,10000}). For each student count, on a fresh engine in a JVM of its own (issue 14, 9:
 * {@link BenchNode}) with a fresh data dir: N students log in, wait at a barrier, start in the same instant, answer 30 questions (paced,
 * then as a burst), submit; the one-attempt rule is checked against the results list. Then the ceiling
 * ({@link CeilingServer}: bare Vert.x + one Redis HSET per request, same client, pool and fsync) is driven
 * by the same generator with the same connections and as many requests as the save burst. Between the burst and
 * the submits the engine's heap is read after a full GC; after the day comes the deadline storm ({@link
 * DeadlineStorm}). It prints
 * throughput, p50/p95/p99 latency and errors by status/code per phase, save throughput as a ratio to the
 * ceiling, blocked event-loop warnings, and PASS/MISS per target, into {@code bench-results/} as well.
 * Loopback only; every request has a 60 s timeout and every phase a 20 min limit, so it always ends.
 */
public final class LoadGenerator {
    private LoadGenerator() {}

    public static void main(String[] argv) throws Exception {
        BenchArgs args = BenchArgs.parse(argv);
        Files.createDirectories(args.out());
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        List<String> summary = new ArrayList<>();
        for (int n : args.students()) {
            String text;
            try {
                text = runOne(n, args, summary, stamp);
            } catch (Exception | LinkageError e) {
                text = "=== " + n + " students: run aborted: " + e + " ===\n";
                summary.add(String.format("%,7d students | aborted: %s", n, e.getMessage()));
                e.printStackTrace();
            }
            System.out.println();
            System.out.print(text);
            write(args.out().resolve("bench-" + stamp + "-" + n + ".txt"), text);
        }
        String all = "=== summary (" + args.describe() + ") ===\n" + String.join("\n", summary) + "\n";
        System.out.println();
        System.out.print(all);
        write(args.out().resolve("bench-" + stamp + "-summary.txt"), all);
        System.exit(0);
    }

    /**
     * One size: a fresh engine in its own JVM (issue 14, 9), warmed up by a discarded smaller exam day on the same
     * engine, then the measured exam day, the deadline storm(s) and, on a fresh JVM of its own, the ceiling.
     */
    private static String runOne(int n, BenchArgs args, List<String> summary, String stamp) throws Exception {
        System.out.printf("%n--- %,d students: starting a fresh engine in its own JVM ---%n", n);
        Path logs = Path.of(System.getProperty("bench.logs", "target/bench-logs"));
        ExamDay.Outcome outcome;
        List<DeadlineStorm.Result> storms = new ArrayList<>();
        double setupSeconds;
        String engineRedis;
        GcPauses gc;
        List<BlockedThreadWatch.Warning> warnings;
        long engineStart = System.nanoTime();
        String engineJvm;
        try (BenchNode engine = BenchNode.start("engine", args, logs.resolve("engine-" + stamp + "-" + n + ".log"));
                Client client = new Client(engine.port(), args.connections(), args.gzip())) {
            CpuMeter.watch(engine);
            engineJvm = "pid " + engine.pid() + ", -Xms1g " + engine.heapFlag() + ", log " + engine.log();
            if (args.warmup() > 0) warmUp(engine, client, args);
            long t = System.nanoTime();
            Fixture.Created fx = Fixture.create(client, n, args.seed(), "s", "Bench arithmetic");
            setupSeconds = (System.nanoTime() - t) / 1e9;
            System.out.printf("  setup       %.1f s; exam %s%n", setupSeconds, fx.examId());
            engine.call("latency-enable");
            ExamDay day = new ExamDay(client, args, fx, engine::heap);
            outcome = day.run();
            if (args.storm()) {
                java.util.Map<String, String> env = new java.util.HashMap<>();
                System.getenv().forEach((k, v) -> {
                    if (k.startsWith("EMTIHAN_SWEEPER_")) env.put(k, v);
                });
                var cfg = kz.emtihan.config.ConfigLoader.load(java.util.Optional.of(BenchEngine.configDir()), env);
                java.time.Duration grace = cfg.regulation().answerGrace();
                System.out.printf("  sweeper     %s%n", cfg.sweeper());
                for (int k = 1; k <= args.stormRuns(); k++) {
                    System.out.printf("  deadline storm %d of %d%n", k, args.stormRuns());
                    storms.add(new DeadlineStorm(
                                    client, args, engine, fx.adminToken(), fx.studentIds(), day.tokens(), grace, k)
                            .run(cfg.sweeper().toString()));
                }
            }
            engineRedis = engine.call("latency-report").getString("text");
            gc = engine.pauses();
            warnings = engine.blocked();
        }
        int saves = outcome.burst() != null ? outcome.burst().count() : n * 30;
        String[] ceilingRedis = {""};
        Phase ceiling = args.ceiling()
                ? ceiling(n, saves, args, ceilingRedis, logs.resolve("ceiling-" + stamp + "-" + n + ".log"))
                : null;
        List<BlockedThreadWatch.Warning> blocked =
                BlockedThreadWatch.eventLoopWarnings(warnings, outcome.fromNanos(), outcome.toNanos());
        int duringSetup = BlockedThreadWatch.eventLoopWarnings(warnings, engineStart, outcome.fromNanos())
                .size();
        Report report = new Report(n, args)
                .header(setupSeconds, engineJvm)
                .phases(outcome, ceiling, storms)
                .checks(
                        outcome,
                        ceiling,
                        blocked,
                        BlockedThreadWatch.otherWarnings(warnings, outcome.fromNanos(), outcome.toNanos()),
                        duringSetup)
                .gc(gc, blocked, gc.between(outcome.fromNanos(), outcome.toNanos()))
                .heap(outcome.heap())
                .storms(storms, warnings, gc)
                .redis(engineRedis, ceilingRedis[0])
                .targets(outcome, ceiling, blocked, storms);
        summary.add(Report.summaryLine(n, outcome, ceiling, blocked.size(), storms));
        return report.toString();
    }

    /** A discarded exam day of {@code --warmup} students on the same engine, so its JIT has compiled the hot paths. */
    private static void warmUp(BenchNode engine, Client client, BenchArgs args) {
        System.out.printf(
                "%n=== warm-up: %,d students on the same engine, results discarded (the JIT compiles the hot paths) ===%n",
                args.warmup());
        try {
            Fixture.Created fx = Fixture.create(client, args.warmup(), args.seed(), "w", "Bench warm-up");
            new ExamDay(client, args.forWarmup(), fx, engine::heap).run();
        } catch (Exception | LinkageError e) {
            System.out.println("warm-up failed (the measured run goes on): " + e);
        }
    }

    /** The same generator, connections and request count against the bare endpoint: one HSET each. */
    private static Phase ceiling(int n, int requests, BenchArgs args, String[] redisLatency, Path log) {
        System.out.printf("  ceiling     %,d PUTs, one Redis HSET each, in a JVM of its own%n", requests);
        try (BenchNode server = BenchNode.start("ceiling", args, log);
                Client client = new Client(server.port(), args.connections(), args.gzip())) {
            CpuMeter.watch(server);
            // its JVM is fresh too: a discarded first pass lets the JIT compile the endpoint, as the warm-up does the
            // engine's
            ExamDay.await(new Driver(client, args.connections())
                    .run("ceiling-warm-up", "discarded", ceilingTasks(client, n, Math.min(requests, 30_000))));
            server.call("latency-enable");
            Phase p = ExamDay.await(new Driver(client, args.connections())
                    .run(
                            "ceiling-save",
                            "the same count of PUTs as fast as " + args.connections() + " connections allow",
                            ceilingTasks(client, n, requests)));
            System.out.printf("  ceiling     %.0f req/s%n", p.throughput());
            redisLatency[0] = server.call("latency-report").getString("text");
            return p;
        }
    }

    private static List<Driver.Task> ceilingTasks(Client client, int n, int requests) {
        List<Driver.Task> tasks = new ArrayList<>();
        String token = "c".repeat(200); // an unchecked header the size of a student's JWT, so requests weigh the same
        Function<Client.Reply, String> check = r -> r.status() == 200 ? null : r.label();
        for (int k = 0; k < requests; k++) {
            int i = k;
            tasks.add(new Driver.Task(
                    0,
                    () -> client.send(
                            HttpMethod.PUT,
                            String.format("/ceiling/s%05d/q%02d", i % n + 1, i / n),
                            token,
                            new JsonObject()
                                    .put("choices", new JsonArray().add("o" + i % 5))
                                    .put("seq", 2)
                                    .toBuffer()),
                    check));
        }
        return tasks;
    }

    private static void write(Path file, String text) {
        try {
            Files.writeString(file, text);
        } catch (IOException e) {
            System.err.println("could not write " + file + ": " + e.getMessage());
        }
    }
}
