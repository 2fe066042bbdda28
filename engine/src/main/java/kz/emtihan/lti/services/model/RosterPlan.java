package kz.emtihan.lti.services.model;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.TreeSet;

/**
 * Issue 16 (4): what one sync of an exam's roster with its course changes. The course's active learners are put on
 * the roster; a student this sync put there earlier who is no longer an active learner leaves it only if they have
 * not started the exam (an attempt, finished or not, keeps them, so their result stays on the results page and in
 * the gradebook); a student put on the roster by hand is never taken off by a sync.
 *
 * @param add on the roster now, not before
 * @param already active learners who were on the roster already
 * @param remove put there by an earlier sync, gone from the course (or inactive), not started
 * @param kept gone from the course but started: they stay
 * @param synced the students the sync answers for from now on (the earlier ones, less those removed, plus those added)
 */
public record RosterPlan(
        Set<String> add, Set<String> already, Set<String> remove, Set<String> kept, Set<String> synced) {
    public RosterPlan {
        add = Set.copyOf(add);
        already = Set.copyOf(already);
        remove = Set.copyOf(remove);
        kept = Set.copyOf(kept);
        synced = Set.copyOf(synced);
    }

    /**
     * @param learners the Emtihan ids of the course's active learners
     * @param roster the exam's roster now
     * @param syncedBefore the students earlier syncs put on the roster
     * @param started the students with an attempt at the exam
     */
    public static RosterPlan of(
            Set<String> learners, Set<String> roster, Set<String> syncedBefore, Set<String> started) {
        Set<String> add = new TreeSet<>();
        Set<String> already = new TreeSet<>();
        for (String s : learners) (roster.contains(s) ? already : add).add(s);
        Set<String> remove = new TreeSet<>();
        Set<String> kept = new TreeSet<>();
        for (String s : syncedBefore) {
            if (learners.contains(s) || !roster.contains(s)) continue;
            (started.contains(s) ? kept : remove).add(s);
        }
        Set<String> synced = new LinkedHashSet<>(syncedBefore);
        synced.removeAll(remove);
        synced.retainAll(roster);
        synced.addAll(add);
        synced.addAll(already.stream().filter(syncedBefore::contains).toList());
        return new RosterPlan(add, already, remove, kept, synced);
    }

    /** The roster after the sync, in the order of the roster before it, then the added students. */
    public Set<String> rosterAfter(Set<String> roster) {
        Set<String> out = new LinkedHashSet<>(roster);
        out.removeAll(remove);
        out.addAll(add);
        return out;
    }
}
