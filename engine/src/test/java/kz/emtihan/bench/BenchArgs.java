package kz.emtihan.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The bench's settings, from {@code --key value} (or {@code --key=value}) arguments, else the system
 * property {@code bench.<key>}, else a default. Every value is bounded so a run always ends by itself.
 *
 * @param students     student counts; each is a separate run on a fresh engine and data dir
 * @param connections  keep-alive connections (= requests in flight) of the generator
 * @param window       seconds over which each student's 30 first answers are spread (0: skip the paced phase)
 * @param burst        whether every student then re-answers all 30 questions as fast as the connections allow
 * @param doubleStart  percent of students whose browser sends "start" twice at the release (double click)
 * @param pool         Redis connection pool size of the engine and of the ceiling server
 * @param gzip         send {@code Accept-Encoding: gzip, deflate} like a browser
 * @param redisServer  {@code store.redisServer} of the engine and the ceiling: auto (an installed Redis 7+) or embedded (6.2)
 * @param warmup       students of a discarded first run that warms up the JIT (0: none)
 * @param engineHeap   -Xmx of the engine's own JVM (and of the ceiling's), e.g. 4g (issue 14, 9)
 * @param storm        whether each run ends with the deadline storm: N students start a second exam, save
 *                     {@code stormAnswers} answers each and vanish; the sweeper must close all at its deadline
 * @param stormRuns    how many storms per run (the report gives each and the median)
 * @param ceiling      whether to measure the ceiling (false: a storm-only run, e.g. --window=0 --burst=false)
 * @param engineJvm    further flags of the engine's JVM (and of the ceiling's), space-separated, each {@code -XX:...},
 *                     e.g. {@code -XX:MaxGCPauseMillis=50}; empty: the JVM's defaults
 */
record BenchArgs(
        List<Integer> students,
        int connections,
        int window,
        boolean burst,
        int doubleStart,
        int pool,
        boolean gzip,
        String appendfsync,
        String redisServer,
        int warmup,
        Path out,
        long seed,
        String engineHeap,
        boolean storm,
        int stormAnswers,
        int stormRuns,
        boolean ceiling,
        List<String> engineJvm) {

    static BenchArgs parse(String[] argv) {
        Map<String, String> given = new HashMap<>();
        for (int i = 0; i < argv.length; i++) {
            String a = argv[i];
            if (!a.startsWith("--")) throw new IllegalArgumentException("unexpected argument '" + a + "'");
            int eq = a.indexOf('=');
            if (eq > 0) given.put(a.substring(2, eq), a.substring(eq + 1));
            else if (i + 1 < argv.length) given.put(a.substring(2), argv[++i]);
            else throw new IllegalArgumentException(a + " needs a value");
        }
        List<Integer> students = new ArrayList<>();
        for (String s : value(given, "students", "1000").split(",")) {
            if (!s.isBlank()) students.add(bounded("students", Integer.parseInt(s.strip()), 1, 20_000));
        }
        if (students.isEmpty() || students.size() > 5)
            throw new IllegalArgumentException("--students takes 1 to 5 counts");
        String fsync = value(given, "appendfsync", "always");
        if (!List.of("always", "everysec", "no").contains(fsync))
            throw new IllegalArgumentException("--appendfsync always|everysec|no");
        BenchArgs args = new BenchArgs(
                List.copyOf(students),
                bounded("connections", Integer.parseInt(value(given, "connections", "512")), 1, 8_000),
                bounded("window", Integer.parseInt(value(given, "window", "120")), 0, 1_800),
                Boolean.parseBoolean(value(given, "burst", "true")),
                bounded("double-start", Integer.parseInt(value(given, "double-start", "10")), 0, 100),
                bounded("pool", Integer.parseInt(value(given, "pool", "32")), 1, 1_024),
                Boolean.parseBoolean(value(given, "gzip", "true")),
                fsync,
                redisServer(value(given, "redis-server", "auto")),
                bounded("warmup", Integer.parseInt(value(given, "warmup", "1000")), 0, 5_000),
                Path.of(value(given, "out", "bench-results")),
                Long.parseLong(value(given, "seed", "2026")),
                heap(value(given, "engine-heap", "4g")),
                Boolean.parseBoolean(value(given, "storm", "true")),
                bounded("storm-answers", Integer.parseInt(value(given, "storm-answers", "3")), 0, 30),
                bounded("storm-runs", Integer.parseInt(value(given, "storm-runs", "1")), 1, 5),
                Boolean.parseBoolean(value(given, "ceiling", "true")),
                jvmFlags(value(given, "engine-jvm", "")));
        given.keySet()
                .removeAll(List.of(
                        "students",
                        "connections",
                        "window",
                        "burst",
                        "double-start",
                        "pool",
                        "gzip",
                        "appendfsync",
                        "redis-server",
                        "warmup",
                        "out",
                        "seed",
                        "engine-heap",
                        "storm",
                        "storm-answers",
                        "storm-runs",
                        "ceiling",
                        "engine-jvm"));
        if (!given.isEmpty()) throw new IllegalArgumentException("unknown option(s) " + given.keySet());
        return args;
    }

    private static String redisServer(String v) {
        if (!List.of("auto", "embedded").contains(v))
            throw new IllegalArgumentException("--redis-server auto|embedded");
        return v;
    }

    private static String heap(String v) {
        if (!v.matches("[1-9][0-9]{0,5}[mg]")) throw new IllegalArgumentException("--engine-heap like 4g or 2048m");
        return v;
    }

    private static List<String> jvmFlags(String v) {
        List<String> flags = v.isBlank() ? List.of() : List.of(v.strip().split("\\s+"));
        for (String f : flags)
            if (!f.matches("-XX:[+-]?[A-Za-z0-9]+(=[A-Za-z0-9.]+)?"))
                throw new IllegalArgumentException("--engine-jvm takes -XX: flags, was '" + f + "'");
        return flags;
    }

    private static String value(Map<String, String> given, String key, String fallback) {
        String v = given.get(key);
        if (v == null || v.isBlank()) v = System.getProperty("bench." + key);
        return v == null || v.isBlank() ? fallback : v.strip();
    }

    private static int bounded(String key, int v, int min, int max) {
        if (v < min || v > max)
            throw new IllegalArgumentException("--" + key + " must be " + min + ".." + max + ", was " + v);
        return v;
    }

    /** The settings of the discarded warm-up run: its own student count, a paced window of at most 5 s, one storm. */
    BenchArgs forWarmup() {
        return new BenchArgs(
                List.of(warmup),
                connections,
                Math.min(window, 5),
                burst,
                doubleStart,
                pool,
                gzip,
                appendfsync,
                redisServer,
                0,
                out,
                seed,
                engineHeap,
                storm,
                stormAnswers,
                1,
                ceiling,
                engineJvm);
    }

    /** One line for the report. */
    String describe() {
        return "connections=" + connections + " window=" + window + "s burst=" + burst + " double-start=" + doubleStart
                + "% redis-pool=" + pool + " gzip=" + gzip + " appendfsync=" + appendfsync + " redis-server="
                + redisServer
                + " warmup=" + warmup + " seed=" + seed + " engine-heap=" + engineHeap + " storm=" + storm
                + (storm ? " storm-answers=" + stormAnswers + " storm-runs=" + stormRuns : "") + " ceiling=" + ceiling
                + (engineJvm.isEmpty() ? "" : " engine-jvm=" + String.join(" ", engineJvm));
    }
}
