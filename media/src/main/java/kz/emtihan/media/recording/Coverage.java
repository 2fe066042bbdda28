package kz.emtihan.media.recording;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Recording completeness: the share of an attempt's duration covered by recorded segments.
 * Pure function, no I/O.
 *
 * <p>Each segment counts for its nominal length {@code [start, start + segmentMillis)}, clipped to the
 * attempt {@code [attemptStart, attemptEnd)}. Overlapping segments (e.g. the same time recorded by two
 * streams, or a segment restarted after a reconnect) are counted once (union of intervals). The
 * result is in {@code [0, 1]}; a zero-length attempt has coverage 0.
 */
public final class Coverage {
    private Coverage() {}

    /**
     * @param attemptStartMillis start of the attempt (epoch millis)
     * @param attemptEndMillis   end of the attempt (epoch millis), not before the start
     * @param segmentMillis      nominal segment length, positive
     * @param segmentStarts      start times (epoch millis) of the segments present
     * @return covered time / attempt duration, 0..1
     */
    public static double ratio(
            long attemptStartMillis, long attemptEndMillis, long segmentMillis, Collection<Long> segmentStarts) {
        if (attemptEndMillis < attemptStartMillis) {
            throw new IllegalArgumentException("attempt ends before it starts");
        }
        if (segmentMillis <= 0) {
            throw new IllegalArgumentException("segment length must be positive");
        }
        long duration = attemptEndMillis - attemptStartMillis;
        if (duration == 0) {
            return 0.0;
        }
        List<long[]> intervals = new ArrayList<>();
        for (long start : segmentStarts) {
            long from = Math.max(start, attemptStartMillis);
            long to = Math.min(saturatedAdd(start, segmentMillis), attemptEndMillis);
            if (to > from) {
                intervals.add(new long[] {from, to});
            }
        }
        intervals.sort((a, b) -> Long.compare(a[0], b[0]));
        long covered = 0;
        long curFrom = 0;
        long curTo = Long.MIN_VALUE;
        for (long[] iv : intervals) {
            if (iv[0] > curTo) {
                if (curTo != Long.MIN_VALUE) {
                    covered += curTo - curFrom;
                }
                curFrom = iv[0];
                curTo = iv[1];
            } else {
                curTo = Math.max(curTo, iv[1]);
            }
        }
        if (curTo != Long.MIN_VALUE) {
            covered += curTo - curFrom;
        }
        return Math.min(1.0, (double) covered / duration);
    }

    private static long saturatedAdd(long a, long b) {
        long r = a + b;
        return ((a ^ r) & (b ^ r)) < 0 ? Long.MAX_VALUE : r;
    }
}
