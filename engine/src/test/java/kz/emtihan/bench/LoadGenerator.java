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
 * -Dbench.students=1000,5000,10000}). For each student count, on a fresh in-process engine with a fresh
 * data dir: N students log in, wait at a barrier, start in the same instant, answer 30 questions (paced,
 * then as a burst), submit; the one-attempt rule is checked against the results list. Then the ceiling
 * ({@link CeilingServer}: bare Vert.x + one Redis HSET per request, same client, pool and fsync) is driven
 * by the same generator with the same connections and as many requests as the save burst. It prints
 * throughput, p50/p95/p99 latency and errors by status/code per phase, save throughput as a ratio to the
 * ceiling, blocked event-loop warnings, and PASS/MISS per target, into {@code bench-results/} as well.
 * Loopback only; every request has a 60 s timeout and every phase a 20 min limit, so it always ends.
 */
public final class LoadGenerator {
    private LoadGenerator() {}

    public static void main(String[] argv) throws Exception {
        BenchArgs args = BenchArgs.parse(argv);
        BlockedThreadWatch watch = BlockedThreadWatch.attach();
        GcPauses gc = GcPauses.attach();
        Files.createDirectories(args.out());
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        List<String> summary = new ArrayList<>();
        if (args.warmup() > 0) {
            System.out.printf(
                    "%n=== warm-up: %,d students, results discarded (the JIT compiles the hot paths) ===%n",
                    args.warmup());
            try {
                runOne(args.warmup(), args.forWarmup(), watch, gc, new ArrayList<>());
            } catch (Exception | LinkageError e) {
                System.out.println("warm-up failed (the measured runs go on): " + e);
            }
        }
        for (int n : args.students()) {
            String text;
            try {
                text = runOne(n, args, watch, gc, summary);
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

    private static String runOne(int n, BenchArgs args, BlockedThreadWatch watch, GcPauses gc, List<String> summary)
            throws Exception {
        System.out.printf("%n--- %,d students: starting a fresh engine ---%n", n);
        ExamDay.Outcome outcome;
        double setupSeconds;
        String engineRedis;
        long engineStart = System.nanoTime();
        try (BenchEngine engine = BenchEngine.start(args);
                Client client = new Client(engine.port(), args.connections(), args.gzip())) {
            watch.exclude(client.thread());
            RedisLatency.enable(engine.engine().services().store().redis());
            long t = System.nanoTime();
            Fixture.Created fx = Fixture.create(client, n, args.seed());
            setupSeconds = (System.nanoTime() - t) / 1e9;
            System.out.printf("  setup       %.1f s; exam %s%n", setupSeconds, fx.examId());
            outcome = new ExamDay(client, args, fx).run();
            engineRedis = RedisLatency.report(engine.engine().services().store().redis());
        }
        int saves = outcome.burst() != null ? outcome.burst().count() : n * 30;
        String[] ceilingRedis = {""};
        Phase ceiling = ceiling(n, saves, args, ceilingRedis);
        List<BlockedThreadWatch.Warning> blocked = watch.eventLoopWarnings(outcome.fromNanos(), outcome.toNanos());
        int duringSetup =
                watch.eventLoopWarnings(engineStart, outcome.fromNanos()).size();
        Report report = new Report(n, args)
                .header(setupSeconds)
                .phases(outcome, ceiling)
                .checks(
                        outcome,
                        ceiling,
                        blocked,
                        watch.otherWarnings(outcome.fromNanos(), outcome.toNanos()),
                        duringSetup)
                .gc(gc, blocked, gc.between(outcome.fromNanos(), outcome.toNanos()))
                .redis(engineRedis, ceilingRedis[0])
                .targets(outcome, ceiling, blocked);
        summary.add(Report.summaryLine(n, outcome, ceiling, blocked.size()));
        return report.toString();
    }

    /** The same generator, connections and request count against the bare endpoint: one HSET each. */
    private static Phase ceiling(int n, int requests, BenchArgs args, String[] redisLatency) {
        System.out.printf("  ceiling     %,d PUTs, one Redis HSET each%n", requests);
        try (CeilingServer server = CeilingServer.start(args.appendfsync(), args.redisServer(), args.pool());
                Client client = new Client(server.port(), args.connections(), args.gzip())) {
            RedisLatency.enable(server.store().redis());
            List<Driver.Task> tasks = new ArrayList<>();
            String token =
                    "c".repeat(200); // an unchecked header the size of a student's JWT, so requests weigh the same
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
            Phase p = ExamDay.await(new Driver(client, args.connections())
                    .run(
                            "ceiling-save",
                            "the same count of PUTs as fast as " + args.connections() + " connections allow",
                            tasks));
            System.out.printf("  ceiling     %.0f req/s%n", p.throughput());
            redisLatency[0] = RedisLatency.report(server.store().redis());
            return p;
        }
    }

    private static void write(Path file, String text) {
        try {
            Files.writeString(file, text);
        } catch (IOException e) {
            System.err.println("could not write " + file + ": " + e.getMessage());
        }
    }
}
