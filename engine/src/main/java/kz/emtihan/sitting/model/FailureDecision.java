package kz.emtihan.sitting.model;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * 6.15.2: on the strength of the act, "by the collegial decision of the commission members the student may be given
 * another time (this or another day of the commission's sittings in the current academic period)". The clause names
 * no voting rule, so:
 * <ol>
 *   <li>Every member present (the chair included, the secretary not) votes one {@link Choice}; no decision until all
 *       have voted.</li>
 *   <li>Whether to give another time: SAME_DAY and ANOTHER_SITTING votes together against REFUSE, simple majority;
 *       a tie goes the way the chair voted (the usual casting vote of a commission's chair).</li>
 *   <li>When: SAME_DAY against ANOTHER_SITTING among the votes for another time, simple majority; a tie goes the way
 *       the chair voted if the chair voted for one of them, otherwise ANOTHER_SITTING (the cause of the failure may
 *       not be fixed within the day).</li>
 * </ol>
 * The ticket (the clause is silent; decided here): a student who had drawn a ticket but not yet seen its questions
 * (failure while WAITING) keeps it; a student who had seen them (PREPARATION or ANSWER) draws a new one, because the
 * questions were known during the unsupervised break; {@link TicketPool} never gives the student a ticket seen before.
 */
public record FailureDecision(Choice choice, TicketOnRetry ticket, boolean chairCastTheDecidingVote) {

    /** What a member votes for, and what the commission decides. */
    public enum Choice {
        SAME_DAY,
        ANOTHER_SITTING,
        REFUSE
    }

    /** What happens to the ticket when the student sits again. */
    public enum TicketOnRetry {
        /** The ticket named in the act is kept. */
        KEEP,
        /** The student draws (again) from the pool. */
        DRAW,
        /** No retry: the commission refused. */
        NONE
    }

    /**
     * The commission's decision on an act.
     *
     * @throws IllegalArgumentException when someone who is not a member voted
     * @throws IllegalStateException    while a member has not voted
     */
    public static FailureDecision decide(TechnicalFailureAct act, Commission commission, Map<String, Choice> votes) {
        if (votes.values().stream().anyMatch(Objects::isNull)) throw new IllegalArgumentException("a vote is empty");
        for (String voter : votes.keySet()) {
            if (!commission.isMember(voter))
                throw new IllegalArgumentException(voter + " is not a commission member and cannot vote");
        }
        Set<String> missing = new TreeSet<>(commission.members());
        missing.removeAll(votes.keySet());
        if (!missing.isEmpty()) throw new IllegalStateException("waiting for votes from " + missing);

        Choice chairs = votes.get(commission.chair());
        int sameDay = count(votes, Choice.SAME_DAY);
        int anotherSitting = count(votes, Choice.ANOTHER_SITTING);
        int give = sameDay + anotherSitting;
        int refuse = count(votes, Choice.REFUSE);

        boolean chairDecided = give == refuse;
        if (refuse > give || (chairDecided && chairs == Choice.REFUSE)) {
            return new FailureDecision(Choice.REFUSE, TicketOnRetry.NONE, chairDecided);
        }
        Choice when;
        if (sameDay != anotherSitting) {
            when = sameDay > anotherSitting ? Choice.SAME_DAY : Choice.ANOTHER_SITTING;
        } else {
            chairDecided |= chairs != Choice.REFUSE;
            when = chairs == Choice.REFUSE ? Choice.ANOTHER_SITTING : chairs;
        }
        return new FailureDecision(when, ticketFor(act), chairDecided);
    }

    /** Why a new time does not fit the decision (6.15.2); the bundles word each as {@code field.newTime.<name>}. */
    public enum NewTimeProblem {
        /** The decision gave no other time. */
        NONE_GIVEN,
        /** The new time is not later than now. */
        PAST,
        /** SAME_DAY: the new time is not later on the act's day. */
        NOT_SAME_DAY,
        /** ANOTHER_SITTING: the new time is not on a later day than the act's. */
        NOT_LATER_DAY,
        /** ANOTHER_SITTING: the new time is after the end of the current academic period. */
        AFTER_PERIOD
    }

    /**
     * 6.15.2: whether {@code newTime} is the time this decision gives: SAME_DAY, later than the act the same day (in
     * {@code zone}); ANOTHER_SITTING, a later day within the current academic period ({@code periodEnds}, inclusive);
     * in either case not in the past ({@code now}). REFUSE gives no time at all.
     *
     * @param periodEnds the last day of the academic period the act falls in
     */
    public Optional<NewTimeProblem> newTimeProblem(
            Instant actAt, Instant newTime, ZoneId zone, LocalDate periodEnds, Instant now) {
        if (choice == Choice.REFUSE) return Optional.of(NewTimeProblem.NONE_GIVEN);
        if (!newTime.isAfter(now) || !newTime.isAfter(actAt)) return Optional.of(NewTimeProblem.PAST);
        LocalDate actDay = actAt.atZone(zone).toLocalDate();
        LocalDate day = newTime.atZone(zone).toLocalDate();
        if (choice == Choice.SAME_DAY)
            return day.equals(actDay) ? Optional.empty() : Optional.of(NewTimeProblem.NOT_SAME_DAY);
        if (!day.isAfter(actDay)) return Optional.of(NewTimeProblem.NOT_LATER_DAY);
        if (day.isAfter(periodEnds)) return Optional.of(NewTimeProblem.AFTER_PERIOD);
        return Optional.empty();
    }

    private static TicketOnRetry ticketFor(TechnicalFailureAct act) {
        return act.stageReached() == Phase.WAITING && act.ticket().isPresent()
                ? TicketOnRetry.KEEP
                : TicketOnRetry.DRAW;
    }

    private static int count(Map<String, Choice> votes, Choice c) {
        return (int) votes.values().stream().filter(c::equals).count();
    }
}
