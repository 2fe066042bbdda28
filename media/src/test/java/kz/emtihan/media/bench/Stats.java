package kz.emtihan.media.bench;

import java.util.Arrays;

/** Small numeric helpers for the bench: nearest-rank percentiles over nanosecond samples. */
final class Stats {
    private Stats() {}

    /** Sorted copy of the first {@code n} samples. */
    static long[] sorted(long[] samples, int n) {
        long[] s = Arrays.copyOf(samples, n);
        Arrays.sort(s);
        return s;
    }

    /** Nearest-rank percentile ({@code p} in 0..100) of sorted samples, in milliseconds; NaN if empty. */
    static double ms(long[] sortedNs, double p) {
        if (sortedNs.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(p / 100.0 * sortedNs.length);
        return sortedNs[Math.max(0, Math.min(sortedNs.length - 1, rank - 1))] / 1e6;
    }

    /** Rounds to {@code digits} decimals (for the report). */
    static double round(double v, int digits) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return v;
        }
        double f = Math.pow(10, digits);
        return Math.round(v * f) / f;
    }
}
