package kz.emtihan.proctor.model;

import java.util.EnumSet;
import java.util.Set;

/**
 * When evidence counts as missing (issue 10, 4): a kind that has not arrived for more than {@code multiples} of its
 * interval. Which kinds an attempt owes, and from when: the live socket and the camera and
 * screen recordings from the attempt's start, since the page opens them before the identity step; camera snapshots
 * from the clock's start, when the questions are first served. The same comparison runs in {@code evidence-gap.lua}.
 */
public final class EvidenceRule {
    private EvidenceRule() {}

    public static long limitMillis(long intervalMillis, int multiples) {
        if (intervalMillis <= 0 || multiples < 1)
            throw new IllegalArgumentException("interval and multiples must be positive");
        return intervalMillis * multiples;
    }

    /** Missing when more than the limit has passed since it was last seen. */
    public static boolean missing(long nowMillis, long lastSeenMillis, long limitMillis) {
        return nowMillis - lastSeenMillis > limitMillis;
    }

    /**
     * When the student's live socket was last seen, from the exam's presence value ({@code 1|refreshed} while open,
     * {@code 0|left} after, null if it never opened): an open socket is seen now unless its node stopped refreshing it.
     */
    public static long socketLastSeen(String presence, long watchedSince, long nowMillis, long staleMillis) {
        if (presence == null || presence.length() < 3) return watchedSince;
        long at = Long.parseLong(presence.substring(2));
        if (presence.startsWith("1|") && nowMillis - at < staleMillis) return nowMillis;
        return Math.max(at, watchedSince);
    }

    /**
     * What an attempt owes from its start. The recordings are owed whoever records: the page's chunks, or (issue 17, 4)
     * with a media server the video reaching its recorder, so a media server that dies raises the flag too.
     */
    public static Set<EvidenceKind> fromStart(boolean camera, boolean screen) {
        Set<EvidenceKind> out = EnumSet.of(EvidenceKind.SOCKET);
        if (camera) out.add(EvidenceKind.CAMERA_RECORDING);
        if (screen) out.add(EvidenceKind.SCREEN_RECORDING);
        return out;
    }

    /** What an attempt owes from its clock's start (questions first served). */
    public static Set<EvidenceKind> fromClock(boolean camera) {
        return camera ? EnumSet.of(EvidenceKind.SNAPSHOTS) : EnumSet.noneOf(EvidenceKind.class);
    }

    /**
     * The share of expected items that arrived, 0..1: over {@code elapsedMillis} one is expected every interval, less
     * {@code slack} intervals for starting up; none expected counts as all there.
     */
    public static double received(long received, long elapsedMillis, long intervalMillis, int slack) {
        long expected = elapsedMillis / intervalMillis - slack;
        if (expected <= 0) return 1.0;
        return Math.min(1.0, Math.max(0, received) / (double) expected);
    }
}
