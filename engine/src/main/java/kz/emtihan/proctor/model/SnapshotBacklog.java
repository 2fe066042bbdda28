package kz.emtihan.proctor.model;

import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Issue 14 (8): the snapshots waiting for face analysis on this node are bounded. A snapshot gets a ticket when it
 * arrives, unless {@code capacity} are already waiting (then it is not analysed: shed); when its turn comes it is
 * analysed only if no newer snapshot of the same attempt has arrived meanwhile (else it is stale: the newer one
 * tells the present). A snapshot that is not analysed is no observation: it neither breaks nor extends a no-face or
 * multiple-faces run, so an overloaded node never raises a presence flag because of the overload. No I/O, no
 * clock; thread-safe.
 */
public final class SnapshotBacklog {
    private final int capacity;
    private final AtomicInteger waiting = new AtomicInteger();
    private final AtomicLong tickets = new AtomicLong();
    private final Map<String, Long> newest = new ConcurrentHashMap<>();

    public SnapshotBacklog(int capacity) {
        if (capacity < 1) throw new IllegalArgumentException("capacity must be positive");
        this.capacity = capacity;
    }

    /** A snapshot of the attempt arrives: its ticket, or empty when {@code capacity} are already waiting (shed). */
    public OptionalLong arrive(String attemptId) {
        if (waiting.incrementAndGet() > capacity) {
            waiting.decrementAndGet();
            return OptionalLong.empty();
        }
        long ticket = tickets.incrementAndGet();
        newest.put(attemptId, ticket);
        return OptionalLong.of(ticket);
    }

    /**
     * The snapshot's turn has come (call once per ticket): true to analyse it, false when a newer snapshot of the same
     * attempt arrived after it (stale). Either way it no longer waits.
     */
    public boolean turn(String attemptId, long ticket) {
        waiting.decrementAndGet();
        return newest.remove(attemptId, ticket);
    }

    /** Snapshots that arrived and whose turn has not come. */
    public int waiting() {
        return waiting.get();
    }
}
