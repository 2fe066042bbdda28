package kz.emtihan.proctor.model;

import java.util.ArrayList;
import java.util.List;

/**
 * How long each recorded segment plays, for the review page's seek bar: until the next segment starts, at most
 * the nominal segment length, and the last one at most until the attempt ended.
 */
public final class SegmentTimes {
    private SegmentTimes() {}

    /**
     * @param starts     segment start times (epoch ms), in segment order
     * @param endMillis  when the attempt ended (or now, while it runs)
     * @return seconds for each segment, same order, never negative
     */
    public static List<Double> seconds(List<Long> starts, long segmentMillis, long endMillis) {
        List<Double> out = new ArrayList<>(starts.size());
        for (int i = 0; i < starts.size(); i++) {
            long start = starts.get(i);
            long end = Math.min(
                    start + segmentMillis,
                    i + 1 < starts.size() ? Math.max(start, starts.get(i + 1)) : Math.max(start, endMillis));
            out.add((end - start) / 1000.0);
        }
        return out;
    }
}
