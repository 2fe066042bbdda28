package kz.emtihan.store.model;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Issue 14 (3): what the engine does when its embedded Redis dies. It starts it again at once, on the same port,
 * password and files: the data is an append-only file written with {@code appendfsync always}, so a restart loses no
 * acknowledged answer, the pooled client reconnects by itself and the pages retry what was in flight. A server that
 * keeps dying (a full disk, a damaged file, memory) is not restarted for ever: after {@code limit} deaths within
 * {@code window} the engine gives up and exits non-zero, so that a supervisor or an operator sees it.
 */
public final class RestartPolicy {
    private final int limit;
    private final Duration window;
    private final Deque<Instant> deaths = new ArrayDeque<>();

    public RestartPolicy(int limit, Duration window) {
        if (limit < 1) throw new IllegalArgumentException("limit must be at least 1");
        this.limit = limit;
        this.window = window;
    }

    /** The default: five deaths in a minute. */
    public static RestartPolicy standard() {
        return new RestartPolicy(5, Duration.ofMinutes(1));
    }

    /** The server died at {@code at}: true to start it again, false to give up. */
    public synchronized boolean died(Instant at) {
        deaths.addLast(at);
        while (!deaths.isEmpty() && deaths.peekFirst().isBefore(at.minus(window))) deaths.removeFirst();
        return deaths.size() <= limit;
    }

    public int limit() {
        return limit;
    }

    public Duration window() {
        return window;
    }
}
