package kz.emtihan.proctor.model;

/**
 * A per-attempt upload allowance (issue 4, 7): at most {@code perMinute} uploads in any minute, refilled
 * continuously (a token bucket). Not thread-safe: callers serialise per attempt.
 */
public final class UploadBudget {
    private final int perMinute;
    private double tokens;
    private long lastMillis;

    public UploadBudget(int perMinute, long nowMillis) {
        if (perMinute < 1) throw new IllegalArgumentException("perMinute must be positive");
        this.perMinute = perMinute;
        this.tokens = perMinute;
        this.lastMillis = nowMillis;
    }

    /** Takes one upload if the budget allows it at {@code nowMillis}. */
    public boolean take(long nowMillis) {
        long elapsed = Math.max(0, nowMillis - lastMillis);
        lastMillis = Math.max(lastMillis, nowMillis);
        tokens = Math.min(perMinute, tokens + elapsed * perMinute / 60_000.0);
        if (tokens < 1) return false;
        tokens -= 1;
        return true;
    }
}
