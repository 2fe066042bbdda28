package kz.emtihan.auth.model;

import java.time.Duration;
import java.time.Instant;

/**
 * How long failed sign-ins make the next attempt wait (issue 10, 2). A counter keeps the number of failures and the
 * moment of the last one; the first {@code free} failures cost nothing, then each failure doubles the wait, from
 * {@code first} up to {@code max}. The wait runs from the last failure: once it has passed, one more try is allowed.
 */
public final class LoginDelay {
    private LoginDelay() {}

    /** One counter's rule: free failures, the first wait after them, the longest wait. */
    public record Policy(int free, Duration first, Duration max) {
        public Policy {
            if (free < 0 || first.isNegative() || first.isZero() || max.compareTo(first) < 0) {
                throw new IllegalArgumentException("free >= 0 and 0 < first <= max");
            }
        }
    }

    /** What a counter holds: failures within its window and the last one's moment. */
    public record Failures(int count, Instant last) {
        public static final Failures NONE = new Failures(0, Instant.EPOCH);
    }

    /** The wait the {@code failures}-th failure imposes: zero while within the free ones, then first, 2 first, 4 first ... max. */
    public static Duration after(int failures, Policy p) {
        if (failures <= p.free()) return Duration.ZERO;
        int doublings = Math.min(failures - p.free() - 1, 40);
        long millis = p.first().toMillis();
        for (int i = 0; i < doublings && millis < p.max().toMillis(); i++) millis *= 2;
        return Duration.ofMillis(Math.min(millis, p.max().toMillis()));
    }

    /** How much longer an attempt must wait under this counter at {@code now}; zero when it may go ahead. */
    public static Duration remaining(Failures f, Policy p, Instant now) {
        Instant until = f.last().plus(after(f.count(), p));
        return now.isBefore(until) ? Duration.between(now, until) : Duration.ZERO;
    }

    /** The {@code Retry-After} value for a wait: whole seconds, rounded up, at least 1. */
    public static long retryAfterSeconds(Duration wait) {
        return Math.max(1, (wait.toMillis() + 999) / 1000);
    }

    /**
     * The three counters of a sign-in and how they combine. {@code pair}: this account from this address, the one that
     * stops a guesser. {@code address}: any account from this address, loose because a classroom may share one
     * address. {@code account}: this account from anywhere, a ceiling against guessing from many addresses; it only
     * holds back an address that has itself failed on this account, so a classmate's (or a botnet's) failures never
     * refuse the first attempt from the student's own address, and its longest wait is short.
     */
    public record Rules(Policy pair, Policy address, Policy account) {
        /** How long this attempt must wait; zero: it may be checked now. */
        public Duration wait(Failures pair, Failures address, Failures account, Instant now) {
            Duration w = max(remaining(pair, this.pair, now), remaining(address, this.address, now));
            return pair.count() > 0 ? max(w, remaining(account, this.account, now)) : w;
        }

        /** Whether the attempt comes with recent failures of its own (then it is hashed in the suspects' lane). */
        public boolean suspect(Failures pair, Failures address) {
            return pair.count() > 0 || address.count() > this.address.free();
        }

        private static Duration max(Duration a, Duration b) {
            return a.compareTo(b) >= 0 ? a : b;
        }
    }
}
