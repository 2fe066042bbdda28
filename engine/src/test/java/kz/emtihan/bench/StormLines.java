package kz.emtihan.bench;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** The report's lines for issue 14 (9): the engine's heap with every attempt open, and the deadline storm. */
final class StormLines {
    static final double HEAP_GOAL_BYTES = 1L << 30;
    static final double STORM_GOAL_SECONDS = 30;

    private StormLines() {}

    static void heap(Report r, BenchNode.Heap h) {
        if (h == null) return;
        r.line(
                "heap      : %.0f MB in use after a full GC (System.gc() in the engine's JVM) with %,d attempts open, each",
                h.usedBytes() / 1e6, h.open());
        r.line(
                "            with its answers; committed %.0f MB of max %.0f MB; the GC it took is not counted above",
                h.committedBytes() / 1e6, h.maxBytes() / 1e6);
    }

    static void storms(
            Report r, List<DeadlineStorm.Result> storms, List<BlockedThreadWatch.Warning> warnings, GcPauses gc) {
        for (int k = 0; k < storms.size(); k++) {
            DeadlineStorm.Result s = storms.get(k);
            List<BlockedThreadWatch.Warning> blocked =
                    BlockedThreadWatch.eventLoopWarnings(warnings, s.fromNanos(), s.toNanos());
            List<GcPauses.Pause> pauses = gc.between(s.fromNanos(), s.toNanos());
            r.line(
                    "storm %d   : %,d students started a second exam, saved %d answers each and vanished %.1f s before its deadline;",
                    k + 1, s.students(), s.answers(), s.leadSeconds());
            r.line(
                    "            nobody submitted. After the deadline (grace %.0f s): first closed at +%.2f s, last at +%.2f s, all",
                    s.graceSeconds(), s.firstClosed(), s.lastClosed());
            r.line(
                    "            closed and graded seen at +%.2f s (polled every %d ms); %,.0f finalised/s from first to last",
                    s.allGraded(), DeadlineStorm.POLL_MILLIS, s.rate());
            r.line(
                    "            receipts: %,d timed out, %,d verified (signature with a published key, answers digest, one",
                    s.timedOut(), s.verified());
            r.line(
                    "            log entry per start, save and timeout), problems %s; engine: %d event-loop block(s) over 100 ms",
                    s.problems().isEmpty() ? "none" : s.problems(), blocked.size());
            r.line(
                    "            (longest %d ms), %d GC pause(s), longest %d ms; %s",
                    blocked.stream()
                            .mapToLong(BlockedThreadWatch.Warning::blockedMs)
                            .max()
                            .orElse(0),
                    pauses.size(),
                    pauses.stream().mapToLong(GcPauses.Pause::millis).max().orElse(0),
                    s.sweeper());
        }
        if (storms.size() > 1)
            r.line(
                    "storms    : median of %d: last closed at +%.2f s, all graded at +%.2f s, %,.0f finalised/s",
                    storms.size(),
                    median(storms.stream()
                            .mapToDouble(DeadlineStorm.Result::lastClosed)
                            .toArray()),
                    median(storms.stream()
                            .mapToDouble(DeadlineStorm.Result::allGraded)
                            .toArray()),
                    median(storms.stream()
                            .mapToDouble(DeadlineStorm.Result::rate)
                            .toArray()));
    }

    static void targets(Report r, int n, BenchNode.Heap h, List<DeadlineStorm.Result> storms) {
        if (h != null)
            r.target(
                    h.open() >= 5_000,
                    h.usedBytes() < HEAP_GOAL_BYTES,
                    "engine heap under 1 GB after a full GC with 5,000 active attempts",
                    String.format(Locale.ROOT, "%.0f MB with %,d open", h.usedBytes() / 1e6, h.open()));
        if (!storms.isEmpty()) {
            double allGraded = median(
                    storms.stream().mapToDouble(DeadlineStorm.Result::allGraded).toArray());
            boolean ok = storms.stream().allMatch(DeadlineStorm.Result::ok);
            r.target(
                    n >= 10_000,
                    ok && allGraded <= STORM_GOAL_SECONDS,
                    "10,000 vanished students all finalised with receipts within 30 s of the deadline",
                    String.format(
                            Locale.ROOT,
                            "%,d students: all graded at +%.2f s%s, receipts %s",
                            n,
                            allGraded,
                            storms.size() > 1 ? " (median)" : "",
                            ok ? "all verified" : "NOT all verified"));
        }
    }

    /** " | heap .. MB | storm .. s" for the summary line. */
    static String summary(BenchNode.Heap h, List<DeadlineStorm.Result> storms) {
        String heap = h == null
                ? ""
                : String.format(Locale.ROOT, " | heap %.0f MB (%,d open)", h.usedBytes() / 1e6, h.open());
        if (storms.isEmpty()) return heap;
        return heap
                + String.format(
                        Locale.ROOT,
                        " | storm: all graded +%.2f s, %,.0f/s, receipts %s",
                        median(storms.stream()
                                .mapToDouble(DeadlineStorm.Result::allGraded)
                                .toArray()),
                        median(storms.stream()
                                .mapToDouble(DeadlineStorm.Result::rate)
                                .toArray()),
                        storms.stream().allMatch(DeadlineStorm.Result::ok) ? "ok" : "NOT OK");
    }

    static double median(double[] v) {
        if (v.length == 0) return Double.NaN;
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }
}
