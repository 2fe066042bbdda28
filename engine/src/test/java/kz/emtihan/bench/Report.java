package kz.emtihan.bench;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

/** The text report of one run: what was done, the phase table, the checks, and PASS/MISS per target. */
final class Report {
    private final StringBuilder out = new StringBuilder();
    private final int n;
    private final BenchArgs args;

    Report(int n, BenchArgs args) {
        this.n = n;
        this.args = args;
    }

    void line(String format, Object... values) {
        out.append(String.format(Locale.ROOT, format, values)).append('\n');
    }

    Report header(double setupSeconds, String engineJvm) {
        Runtime rt = Runtime.getRuntime();
        line("=== Emtihan load bench: %,d students — %s ===", n, Instant.now());
        line(
                "machine   : %d cores, Java %s; the engine in a JVM of its own on 127.0.0.1 with its embedded Redis (%s);",
                rt.availableProcessors(), System.getProperty("java.version"), engineJvm);
        line(
                "            the generator in this JVM (max heap %.1f GB); the ceiling in a JVM of its own, as the engine",
                rt.maxMemory() / 1e9);
        line("settings  : %s", args.describe());
        line(
                "generator : Vert.x HttpClient, 1 event loop, %d keep-alive connections = at most %d requests in flight",
                args.connections(), args.connections());
        line("            (a browser has its own connection; %,d sockets on a 2-core box would measure the kernel)", n);
        line(
                "bcrypt    : cost %d for the bench's accounts (engine default 10 costs ~60 ms CPU per login, i.e. %,.0f s of",
                BenchEngine.BCRYPT_COST, n * 0.060 / Runtime.getRuntime().availableProcessors());
        line("            both cores for %,d logins; the bench measures the exam, not password hashing)", n);
        line(
                "setup     : bank of 120, exam, %,d accounts and roster over HTTP in %.1f s (not measured)",
                n, setupSeconds);
        return this;
    }

    Report phases(ExamDay.Outcome o, Phase ceiling, List<DeadlineStorm.Result> storms) {
        line("");
        line(
                "pacing    : login: all at once | start: all released at the same instant after the login barrier, %d%% send it twice",
                args.doubleStart());
        line(
                "            save-paced: %s | save-burst: %s",
                o.paced() == null ? "skipped" : o.paced().pacing, o.burst() == null ? "skipped" : o.burst().pacing);
        line("            submit: all at once | ceiling: %s", ceiling == null ? "not run" : ceiling.pacing);
        line(
                "latency   : service = request sent on a connection -> response; since due = when the browser wanted to send");
        line(
                "            it (for a release: since the release) -> response, so it includes waiting for a free connection");
        line(
                "cpu       : cores busy on average in the generator's JVM (gen), the server's JVM (srv: the engine, or the ceiling in");
        line(
                "            its row; read inside that JVM), its redis-server and other processes on the box (noise: not ours),");
        line(
                "            then the box's idle, iowait (fsync) and steal (hypervisor) share of all %d cores",
                Runtime.getRuntime().availableProcessors());
        line("            gc ms: time the server's JVM spent in garbage collection during the phase");
        line("");
        line("%s", Phase.header());
        for (Phase p : new Phase[] {o.login(), o.start(), o.paced(), o.burst(), o.submit(), ceiling}) {
            if (p == null) continue;
            line("%s", p.row());
            if (p == o.start()) line("%s", p.dueRow("since release"));
            if (p == o.paced()) line("%s", p.dueRow("since due"));
        }
        for (DeadlineStorm.Result st : storms) {
            for (Phase p : new Phase[] {st.start(), st.save(), st.receipts()}) line("%s", p.row());
        }
        line("");
        StringBuilder errs = new StringBuilder();
        for (Phase p : new Phase[] {o.login(), o.start(), o.paced(), o.burst(), o.submit(), ceiling}) {
            if (p != null && !p.errors().isEmpty())
                errs.append(' ').append(p.name).append(' ').append(p.errors());
        }
        line("errors    :%s", errs.length() == 0 ? " none" : errs);
        return this;
    }

    Report checks(
            ExamDay.Outcome o,
            Phase ceiling,
            List<BlockedThreadWatch.Warning> blocked,
            List<BlockedThreadWatch.Warning> other,
            int duringSetup) {
        ExamDay.Check c = o.check();
        line(
                "attempts  : %,d students with an attempt id, %,d created (201), %,d resumed (200, the double clicks),",
                c.withAttempt(), c.created(), c.resumed());
        line(
                "            %,d distinct attempt ids, %d students with a duplicate attempt, %d papers without 30 questions",
                c.distinctIds(), c.duplicates(), c.wrongPapers());
        line(
                "results   : %,d rows, %,d distinct attempt ids, %d rows not matching the id the student got, %,d submitted -> %s",
                c.resultRows(),
                c.resultDistinctIds(),
                c.resultMismatches(),
                c.submittedRows(),
                c.ok(n) ? "OK" : "NOT OK");
        line("release   : last student had their paper %.2f s after the release", o.releaseToLastPaper());
        long maxBlocked = blocked.stream()
                .mapToLong(BlockedThreadWatch.Warning::blockedMs)
                .max()
                .orElse(0);
        line(
                "blocked   : %d event-loop warnings over the 100 ms limit from the first login to the results check (longest %d ms);",
                blocked.size(), maxBlocked);
        line(
                "            %d other (worker/generator threads); %d on event loops during engine start-up and setup (not counted)",
                other.size(), duringSetup);
        blocked.stream()
                .limit(5)
                .forEach(w -> line("            %s blocked %d ms at %s", w.thread(), w.blockedMs(), w.stack()));
        return this;
    }

    Report targets(
            ExamDay.Outcome o,
            Phase ceiling,
            List<BlockedThreadWatch.Warning> blocked,
            List<DeadlineStorm.Result> storms) {
        ExamDay.Check c = o.check();
        long maxBlocked = blocked.stream()
                .mapToLong(BlockedThreadWatch.Warning::blockedMs)
                .max()
                .orElse(0);
        line("");
        line("targets (reported, never failing the build):");
        boolean t1 = o.start().errorCount() == 0
                && o.releaseToLastPaper() <= 10
                && c.withAttempt() == n
                && c.duplicates() == 0
                && c.distinctIds() == n
                && c.wrongPapers() == 0;
        target(
                n >= 10_000,
                t1,
                "10,000 released at once all have their paper within 10 s, no error, no duplicate",
                String.format(
                        Locale.ROOT,
                        "%,d students: last paper at %.2f s, %d start errors, %d duplicates",
                        n,
                        o.releaseToLastPaper(),
                        o.start().errorCount(),
                        c.duplicates()));
        double p99 = savePercentile99(o);
        target(
                n == 5_000 && !Double.isNaN(p99),
                p99 < 50,
                "save p99 under 50 ms at 5,000 active students",
                String.format(
                        Locale.ROOT,
                        "%,d students, %s p99 %.1f ms",
                        n,
                        o.paced() != null ? "save-paced (since due)" : "save-burst (service; no paced phase)",
                        p99));
        Phase tput = o.burst();
        double ratio = tput == null || ceiling == null ? Double.NaN : tput.throughput() / ceiling.throughput();
        target(
                tput != null && ceiling != null,
                ratio >= 0.5,
                "save throughput at least 0.5x the ceiling",
                String.format(
                        Locale.ROOT,
                        "save-burst %.0f/s vs ceiling %.0f/s = %.2fx",
                        tput == null ? Double.NaN : tput.throughput(),
                        ceiling == null ? Double.NaN : ceiling.throughput(),
                        ratio));
        target(
                true,
                blocked.isEmpty(),
                "no event-loop block over 100 ms",
                blocked.size() + " blocked-thread warning(s), longest " + maxBlocked + " ms");
        StormLines.targets(this, n, o.heap(), storms);
        line("one attempt per student and results consistent: %s", c.ok(n) ? "yes" : "NO");
        double noise = noise(o, ceiling);
        if (noise > 0.2) {
            line(
                    "NOTE: other processes on the box used up to %.2f cores during a phase; numbers are lower than on a quiet box",
                    noise);
        }
        return this;
    }

    /** GC pauses during the exam day, and how many blocked-thread warnings they explain. */
    Report gc(GcPauses gc, List<BlockedThreadWatch.Warning> blocked, List<GcPauses.Pause> pauses) {
        long over = pauses.stream().filter(p -> p.millis() >= 100).count();
        long max = pauses.stream().mapToLong(GcPauses.Pause::millis).max().orElse(0);
        long explained = blocked.stream().filter(gc::explains).count();
        line(
                "gc        : %d stop-the-world pauses of the engine's JVM (the generator's are its own), %d >= 100 ms, longest %d ms;",
                pauses.size(), over, max);
        line(
                "            %d of the %d blocked-thread warnings coincide with a GC pause at least half as long",
                explained, blocked.size());
        return this;
    }

    /** The engine's heap after a full GC with every attempt of the day open (issue 14, 9). */
    Report heap(BenchNode.Heap h) {
        StormLines.heap(this, h);
        return this;
    }

    /** The deadline storm(s) after the day, and the engine's blocked event loops and GC pauses during each. */
    Report storms(List<DeadlineStorm.Result> storms, List<BlockedThreadWatch.Warning> warnings, GcPauses gc) {
        StormLines.storms(this, storms, warnings, gc);
        return this;
    }

    /** What Redis's latency monitor saw inside Redis (e.g. slow fsyncs) during the run and the ceiling. */
    Report redis(String engine, String ceiling) {
        line("redis     : latency monitor during the exam day: %s", engine);
        line("            during the ceiling: %s", ceiling);
        return this;
    }

    /** The paced phase's p99 since due; without one, the burst's service p99. */
    static double savePercentile99(ExamDay.Outcome o) {
        if (o.paced() != null) return o.paced().sinceDue(0.99);
        return o.burst() == null ? Double.NaN : o.burst().service(0.99);
    }

    void target(boolean applies, boolean met, String what, String measured) {
        line("  [%s] %-78s %s", applies ? (met ? "PASS" : "MISS") : "info", what, measured);
    }

    /** One line for the summary across runs. */
    static String summaryLine(int n, ExamDay.Outcome o, Phase ceiling, int blocked, List<DeadlineStorm.Result> storms) {
        return String.format(
                        Locale.ROOT,
                        "%,7d students | last paper %6.2f s | start p99 %7.1f ms | save p99 %7.1f ms"
                                + " | save-burst %6.0f/s | ceiling %6.0f/s | ratio %5.2f | submit p99 %7.1f ms | blocked %d | one-attempt %s"
                                + " | other processes %.2f cores",
                        n,
                        o.releaseToLastPaper(),
                        o.start().service(0.99),
                        savePercentile99(o),
                        o.burst() == null ? Double.NaN : o.burst().throughput(),
                        ceiling == null ? Double.NaN : ceiling.throughput(),
                        o.burst() == null || ceiling == null
                                ? Double.NaN
                                : o.burst().throughput() / ceiling.throughput(),
                        o.submit().service(0.99),
                        blocked,
                        o.check().ok(n) ? "ok" : "NOT OK",
                        noise(o, ceiling))
                + StormLines.summary(o.heap(), storms);
    }

    /** The most other processes took from the box in any phase of the run: a large value makes the numbers suspect. */
    static double noise(ExamDay.Outcome o, Phase ceiling) {
        double max = 0;
        for (Phase p : new Phase[] {o.login(), o.start(), o.paced(), o.burst(), o.submit(), ceiling}) {
            if (p != null) max = Math.max(max, p.otherCores());
        }
        return max;
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
