package kz.emtihan.store;

import java.time.Duration;

/**
 * Issue 14 (2): how many replicas must confirm a write before the engine acknowledges it, and for how long it waits
 * ({@code WAIT replicas timeout}, sent on the same connection right after the write: {@link LuaScript#run(io.vertx.redis.client.Redis,
 * ReplicaWait, java.util.List, java.util.List)}). {@link #NONE}: the primary's word is enough.
 */
public record ReplicaWait(int replicas, Duration timeout) {
    public static final ReplicaWait NONE = new ReplicaWait(0, Duration.ZERO);

    public ReplicaWait {
        if (replicas < 0) throw new IllegalArgumentException("replicas must not be negative");
    }

    public boolean waits() {
        return replicas > 0;
    }
}
