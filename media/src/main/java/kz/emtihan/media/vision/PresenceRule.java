package kz.emtihan.media.vision;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Turns a sequence of per-snapshot observations into presence flags, with hysteresis so that one bad
 * frame never raises a flag. Pure logic: no OpenCV, no clock, no I/O. Immutable and thread-safe;
 * {@link #evaluate(List)} keeps its state on the stack.
 *
 * <p>Rules, for each snapshot in order (runs are of <em>consecutive</em> snapshots ending at it):
 * <ul>
 *   <li>{@link Flag#NO_FACE} when the last {@code k} snapshots were all judgeable with 0 faces;</li>
 *   <li>{@link Flag#MULTIPLE_FACES} when the last {@code m} were all judgeable with 2 or more faces;</li>
 *   <li>{@link Flag#INSUFFICIENT_EVIDENCE} when the last {@code u} were all not judgeable (dark,
 *       blurred, covered); this is never reported as NO_FACE or MULTIPLE_FACES;</li>
 *   <li>{@link Flag#NONE} otherwise.</li>
 * </ul>
 * A not-judgeable snapshot breaks a 0-face or multi-face run (it is no evidence either way), and a
 * judgeable one breaks a not-judgeable run. At most one flag holds per snapshot because the runs are
 * mutually exclusive.
 */
public final class PresenceRule {

    /** Outcome for one snapshot. */
    public enum Flag {
        NONE,
        NO_FACE,
        MULTIPLE_FACES,
        INSUFFICIENT_EVIDENCE
    }

    /** One snapshot: how many faces, and whether the image was good enough to judge. */
    public record Observation(int faces, boolean judgeable) {
        public Observation {
            if (faces < 0) throw new IllegalArgumentException("faces < 0");
        }
    }

    private final int noFaceAfter;
    private final int multipleAfter;
    private final int insufficientAfter;

    /** Same as {@code PresenceRule(k, m, k)}. */
    public PresenceRule(int k, int m) {
        this(k, m, k);
    }

    /**
     * @param k consecutive judgeable 0-face snapshots before {@link Flag#NO_FACE} (at least 1)
     * @param m consecutive judgeable multi-face snapshots before {@link Flag#MULTIPLE_FACES} (at least 1)
     * @param u consecutive not-judgeable snapshots before {@link Flag#INSUFFICIENT_EVIDENCE} (at least 1)
     */
    public PresenceRule(int k, int m, int u) {
        if (k < 1 || m < 1 || u < 1) throw new IllegalArgumentException("k, m, u must be >= 1");
        this.noFaceAfter = k;
        this.multipleAfter = m;
        this.insufficientAfter = u;
    }

    /** One flag per input snapshot, same order and size. */
    public List<Flag> evaluate(List<Observation> observations) {
        List<Flag> out = new ArrayList<>(observations.size());
        int zeroRun = 0, multiRun = 0, unjudgeableRun = 0;
        for (Observation o : observations) {
            if (!o.judgeable()) {
                unjudgeableRun++;
                zeroRun = 0;
                multiRun = 0;
            } else {
                unjudgeableRun = 0;
                zeroRun = o.faces() == 0 ? zeroRun + 1 : 0;
                multiRun = o.faces() >= 2 ? multiRun + 1 : 0;
            }
            if (zeroRun >= noFaceAfter) out.add(Flag.NO_FACE);
            else if (multiRun >= multipleAfter) out.add(Flag.MULTIPLE_FACES);
            else if (unjudgeableRun >= insufficientAfter) out.add(Flag.INSUFFICIENT_EVIDENCE);
            else out.add(Flag.NONE);
        }
        return out;
    }

    /** The distinct flags (other than NONE) raised anywhere in the sequence. */
    public Set<Flag> raised(List<Observation> observations) {
        Set<Flag> s = EnumSet.noneOf(Flag.class);
        for (Flag f : evaluate(observations)) if (f != Flag.NONE) s.add(f);
        return s;
    }
}
