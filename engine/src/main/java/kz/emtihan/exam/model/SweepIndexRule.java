package kz.emtihan.exam.model;

/**
 * Issue 14 (2): when a node adds an exam to the index of exams the sweeper and the evidence scan walk, and when an exam
 * may leave it. Each exam keeps its own work lists in its Cluster slot; the index says which exams to look at.
 *
 * <p>A node adds the exam of an attempt it starts unless it added it less than {@link #REMEMBER_MILLIS} ago, so the
 * start costs no extra round trip (the add goes out beside the start script, once a minute per exam and node). An exam
 * leaves the index only when its sets are empty and nobody has added it for {@link #PRUNE_AFTER_MILLIS}: a start that
 * skipped the add happened less than a minute after an add, so at least nine minutes before the pruner looked at the
 * exam's sets, and its attempt was in them.
 */
public final class SweepIndexRule {
    /** How long a node trusts its own last add of an exam. */
    public static final long REMEMBER_MILLIS = 60_000;

    /** How long after the last add an exam with nothing left may leave the index; far above REMEMBER plus clock skew. */
    public static final long PRUNE_AFTER_MILLIS = 600_000;

    private SweepIndexRule() {}

    /** Whether a start must add its exam: this node never added it, or its add is older than it may trust. */
    public static boolean mustAdd(Long lastAddedMillis, long nowMillis) {
        return lastAddedMillis == null || nowMillis - lastAddedMillis >= REMEMBER_MILLIS;
    }

    /** Whether an exam last added at {@code addedMillis} may leave the index if its sets are empty. */
    public static boolean mayLeave(long addedMillis, long nowMillis) {
        return addedMillis < leaveBefore(nowMillis);
    }

    /** Exams added before this moment may leave (the score bound of the index read and of the conditional removal). */
    public static long leaveBefore(long nowMillis) {
        return nowMillis - PRUNE_AFTER_MILLIS;
    }
}
