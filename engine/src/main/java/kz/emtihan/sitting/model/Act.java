package kz.emtihan.sitting.model;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * An act of technical failure as the sitting records it (6.15.2): who failed when, at which stage, with which ticket,
 * the description, the secretary who drew it up, each member's vote and, once all have voted, the collegial decision.
 * The copies go to {@code sentTo} by {@code copiesDueBy}; how each e-mail went is kept beside it by ActMail.
 *
 * @param votes   member → choice, in the order they were cast
 * @param newTime the date and time the decision gives the student, once the secretary or the chair has recorded it
 *                (6.15.2: "another time, this or another day of the commission's sittings in the current period")
 */
public record Act(
        String id,
        String studentId,
        Instant at,
        Phase stage,
        Optional<Integer> ticket,
        String description,
        String by,
        Map<String, FailureDecision.Choice> votes,
        Optional<FailureDecision> decision,
        Optional<NewTime> newTime,
        Instant copiesDueBy,
        List<String> sentTo) {

    /** 6.15.2: the new time as recorded: when the student sits again, who recorded it and when. */
    public record NewTime(Instant at, String by, Instant recordedAt) {}

    public Act {
        votes = Collections.unmodifiableMap(new LinkedHashMap<>(votes));
        sentTo = List.copyOf(sentTo);
    }

    /** The act with the model's rules (TechnicalFailureAct). */
    public TechnicalFailureAct rules(String sittingId) {
        return new TechnicalFailureAct(
                sittingId,
                studentId,
                at,
                stage,
                ticket.map(OptionalInt::of).orElse(OptionalInt.empty()),
                description,
                by);
    }

    Act voted(String member, FailureDecision.Choice choice) {
        Map<String, FailureDecision.Choice> next = new LinkedHashMap<>(votes);
        next.put(member, choice);
        return new Act(id, studentId, at, stage, ticket, description, by, next, decision, newTime, copiesDueBy, sentTo);
    }

    Act decided(FailureDecision d) {
        return new Act(
                id, studentId, at, stage, ticket, description, by, votes, Optional.of(d), newTime, copiesDueBy, sentTo);
    }

    Act timed(NewTime t) {
        return new Act(
                id,
                studentId,
                at,
                stage,
                ticket,
                description,
                by,
                votes,
                decision,
                Optional.of(t),
                copiesDueBy,
                sentTo);
    }
}
