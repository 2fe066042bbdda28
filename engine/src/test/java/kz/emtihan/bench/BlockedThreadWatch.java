package kz.emtihan.bench;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.slf4j.LoggerFactory;

/**
 * Counts Vert.x "Thread ... has been blocked for N ms, time limit is L ms" warnings (logger
 * {@code io.vertx.core.impl.BlockedThreadChecker}) with a logback appender attached at run time. Only
 * warnings with a limit of at most 100 ms on an event loop count as the engine's (worker threads have 60 s). It runs
 * in the engine's own JVM (BenchNodeMain), which the generator does not share. When one arrives, the blocked thread is still blocked,
 * so its stack is sampled to show where. Vert.x checks every 100 ms, so a block of 100-200 ms may slip
 * between two checks: the count is a lower bound.
 */
final class BlockedThreadWatch extends AppenderBase<ILoggingEvent> {
    static final String LOGGER = "io.vertx.core.impl.BlockedThreadChecker";
    private static final Pattern MESSAGE =
            Pattern.compile("Thread (.*) has been blocked for (\\d+) ms, time limit is (\\d+) ms");

    /** One warning: the thread, how long it had been blocked, the limit, and a stack sample. */
    record Warning(long atNanos, String thread, long blockedMs, long limitMs, String stack) {}

    private final List<Warning> warnings = new ArrayList<>();

    static BlockedThreadWatch attach() {
        BlockedThreadWatch w = new BlockedThreadWatch();
        Logger logger = (Logger) LoggerFactory.getLogger(LOGGER);
        w.setContext(logger.getLoggerContext());
        w.setName("bench-blocked-thread-watch");
        w.start();
        logger.addAppender(w);
        return w;
    }

    @Override
    protected void append(ILoggingEvent e) {
        Matcher m = MESSAGE.matcher(e.getFormattedMessage());
        if (!m.find()) return;
        long limit = Long.parseLong(m.group(3));
        String thread = m.group(1);
        String stack = limit <= 100 ? sample(thread) : "";
        synchronized (warnings) {
            warnings.add(new Warning(System.nanoTime(), thread, Long.parseLong(m.group(2)), limit, stack));
        }
    }

    /** Top frames of the live thread named in the message (Vert.x 5 logs the bare thread name). */
    private String sample(String name) {
        for (Map.Entry<Thread, StackTraceElement[]> t :
                Thread.getAllStackTraces().entrySet()) {
            if (!name.equals(t.getKey().getName())) continue;
            return Arrays.stream(t.getValue())
                    .limit(12)
                    .map(StackTraceElement::toString)
                    .collect(Collectors.joining(" <- "));
        }
        return "(thread not found)";
    }

    /** Every warning so far (the engine's JVM sends them to the bench, BenchNodeMain). */
    List<Warning> all() {
        synchronized (warnings) {
            return List.copyOf(warnings);
        }
    }

    /** The engine's event-loop warnings between two instants of System.nanoTime(). */
    static List<Warning> eventLoopWarnings(List<Warning> warnings, long fromNanos, long toNanos) {
        return warnings.stream()
                .filter(w -> w.atNanos() >= fromNanos && w.atNanos() <= toNanos)
                .filter(w -> w.limitMs() <= 100 && w.thread().contains("eventloop"))
                .toList();
    }

    /** Every other blocked-thread warning (workers) in the interval. */
    static List<Warning> otherWarnings(List<Warning> warnings, long fromNanos, long toNanos) {
        return warnings.stream()
                .filter(w -> w.atNanos() >= fromNanos && w.atNanos() <= toNanos)
                .filter(w -> !(w.limitMs() <= 100 && w.thread().contains("eventloop")))
                .toList();
    }
}
