package kz.emtihan.proctor.model;

import java.util.List;
import java.util.Optional;
import kz.emtihan.media.vision.PresenceRule;

/**
 * Decides, after each camera snapshot, whether a presence flag is raised now (issue 4, 3): no face for
 * {@code k} snapshots in a row, more than one face for {@code m}, a camera that cannot judge for {@code u}.
 * Only the recent snapshots are kept ({@link #size()}), and a flag is raised when its condition starts, not
 * again on every snapshot while it lasts. The counting itself is {@link PresenceRule} of {@code media}.
 */
public final class PresenceWindow {
    private final PresenceRule rule;
    private final int size;

    public PresenceWindow(int noFaceAfter, int multipleFacesAfter, int unclearAfter) {
        this.rule = new PresenceRule(noFaceAfter, multipleFacesAfter, unclearAfter);
        this.size = Math.max(noFaceAfter, Math.max(multipleFacesAfter, unclearAfter)) + 1;
    }

    /** How many recent snapshots the decision needs. */
    public int size() {
        return size;
    }

    /**
     * @param recent the last {@link #size()} (or fewer) observations, oldest first, ending with the new one
     * @return the condition that has just begun with the newest snapshot, if any
     */
    public Optional<PresenceRule.Flag> raisedBy(List<PresenceRule.Observation> recent) {
        if (recent.isEmpty()) return Optional.empty();
        List<PresenceRule.Flag> flags = rule.evaluate(recent);
        PresenceRule.Flag now = flags.get(flags.size() - 1);
        PresenceRule.Flag before = flags.size() > 1 ? flags.get(flags.size() - 2) : PresenceRule.Flag.NONE;
        return now != PresenceRule.Flag.NONE && now != before ? Optional.of(now) : Optional.empty();
    }
}
