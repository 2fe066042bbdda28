package kz.emtihan.sitting.model;

import java.time.Instant;
import java.time.ZoneId;
import java.util.OptionalInt;

/**
 * 6.15.2: the electronic act of technical failure the technical secretary draws up when a failure or a lost
 * connection stops a student's exam from finishing. It says how far the exam got ({@code stageReached}: a finished
 * exam, DONE, needs no act) and which ticket the student had drawn, if any. The secretary sends a copy to every
 * commission member the same day: {@link #copiesDueBy}.
 */
public record TechnicalFailureAct(
        String sittingId,
        String studentId,
        Instant at,
        Phase stageReached,
        OptionalInt ticket,
        String description,
        String drawnUpBy) {
    public TechnicalFailureAct {
        require("sittingId", sittingId);
        require("studentId", studentId);
        require("description", description);
        require("drawnUpBy", drawnUpBy);
        if (stageReached == Phase.DONE)
            throw new IllegalArgumentException("the exam had finished; a failure after it needs no act");
        if (stageReached != Phase.WAITING && ticket.isEmpty()) {
            throw new IllegalArgumentException(
                    "a student in " + stageReached + " has drawn a ticket; the act must name it");
        }
    }

    /**
     * 6.15.2: only the technical secretary draws up the act.
     *
     * @throws IllegalArgumentException when {@code by} is not the commission's secretary
     */
    public static TechnicalFailureAct drawUp(
            Commission commission,
            String by,
            String sittingId,
            String studentId,
            Instant at,
            Phase stageReached,
            OptionalInt ticket,
            String description) {
        if (!commission.secretary().equals(by)) {
            throw new IllegalArgumentException("the technical secretary draws up the act, not " + by);
        }
        return new TechnicalFailureAct(sittingId, studentId, at, stageReached, ticket, description, by);
    }

    /** 6.15.2: copies reach every member the same day: strictly before the end of the act's day in {@code zone}. */
    public Instant copiesDueBy(ZoneId zone) {
        return at.atZone(zone).toLocalDate().plusDays(1).atStartOfDay(zone).toInstant();
    }

    private static void require(String name, String value) {
        if (value == null || value.isBlank()) throw new IllegalArgumentException(name + " is required in an act");
    }
}
