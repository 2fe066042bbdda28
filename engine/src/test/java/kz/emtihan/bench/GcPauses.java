package kz.emtihan.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

/**
 * Stop-the-world garbage-collection pauses of a JVM, as the JVM reports them: attached in the engine's own JVM
 * (BenchNodeMain), which sends them to the bench. A pause stops every event loop at once, so Vert.x reports it as a
 * "blocked" thread too; the report marks the blocked-thread warnings that a pause explains.
 */
final class GcPauses {
    /** A pause that ended at {@code endNanos} (System.nanoTime) after {@code millis}. */
    record Pause(long endNanos, long millis, String cause) {}

    private final List<Pause> pauses;

    private GcPauses(List<Pause> pauses) {
        this.pauses = pauses;
    }

    /** The pauses another JVM reported, on this JVM's clock. */
    static GcPauses of(List<Pause> pauses) {
        return new GcPauses(new ArrayList<>(pauses));
    }

    static GcPauses attach() {
        GcPauses g = new GcPauses(new ArrayList<>());
        for (GarbageCollectorMXBean bean : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (!(bean instanceof NotificationEmitter emitter)) continue;
            emitter.addNotificationListener(
                    (notification, handback) -> {
                        if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(
                                notification.getType())) return;
                        var info = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
                        if (info.getGcAction().contains("concurrent")
                                || info.getGcName().contains("Concurrent")) return;
                        synchronized (g.pauses) {
                            g.pauses.add(new Pause(
                                    System.nanoTime(), info.getGcInfo().getDuration(), info.getGcCause()));
                        }
                    },
                    null,
                    null);
        }
        return g;
    }

    List<Pause> between(long fromNanos, long toNanos) {
        synchronized (pauses) {
            return pauses.stream()
                    .filter(p -> p.endNanos() >= fromNanos && p.endNanos() <= toNanos)
                    .toList();
        }
    }

    /** Whether a pause of at least half the blocked time ended within the blocked interval (+ one check period). */
    boolean explains(BlockedThreadWatch.Warning w) {
        long from = w.atNanos() - (w.blockedMs() + 150) * 1_000_000;
        return between(from, w.atNanos() + 150_000_000L).stream().anyMatch(p -> p.millis() * 2 >= w.blockedMs());
    }
}
