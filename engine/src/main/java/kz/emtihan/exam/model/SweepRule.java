package kz.emtihan.exam.model;

/**
 * Issue 14 (9): when the deadline sweep takes another batch within the same tick. A full batch means more may be due,
 * so the sweep goes on at once instead of waiting for the next tick (10,000 attempts with one deadline were finalised
 * 200 a second, one batch per tick, while the CPU idled); it goes on only while a batch changed something, so attempts
 * that stay in the work list (a missing attempt, a clock not yet past the deadline) cannot make it spin.
 */
public final class SweepRule {
    private SweepRule() {}

    /**
     * @param fetched    how many due attempts the last read returned
     * @param batch      the most one read returns
     * @param progressed how many of them left the work list in this round (finalised here, or already by another
     *                   node or a submit)
     */
    public static boolean another(int fetched, int batch, int progressed) {
        return fetched >= batch && progressed > 0;
    }
}
