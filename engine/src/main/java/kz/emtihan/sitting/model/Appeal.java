package kz.emtihan.sitting.model;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * 6.15.4-6.15.5: an appeal against an oral exam's result and its deadlines. Immutable.
 * <ul>
 *   <li>6.15.4: filed "within two days (екі тәулік, 48 hours) after the final attestation was held". The clock starts
 *       when the sitting ends (the original counts from holding the exam, not from publishing the result; 6.15.6 has the
 *       result announced the same day). Filed at or before {@code sittingEnded + 48 h} is in time; the hours are
 *       exact and run through weekends and holidays.</li>
 *   <li>6.15.5: the appeal commission meets "within 2 working days from the day the appeal is received": counting
 *       starts the day after receipt, so the meeting is due by the end of the 2nd working day after that day.</li>
 *   <li>6.15.5: the result reaches the student "within 1 working day", counted from the meeting: due by the end of
 *       the 1st working day after the meeting's day.</li>
 * </ul>
 * Receipt is the filing instant (the appeal arrives by e-mail or through the engine). Days are the
 * {@link WorkCalendar}'s, in its zone.
 */
public record Appeal(
        Instant sittingEnded,
        Instant filedAt,
        Optional<Instant> meetingHeldAt,
        Optional<Instant> resultCommunicatedAt) {

    /** 6.15.4: two days of 24 hours. */
    public static final Duration FILING_WINDOW = Duration.ofHours(48);
    /** 6.15.5 */
    public static final int MEETING_WORKING_DAYS = 2;
    /** 6.15.5 */
    public static final int RESULT_WORKING_DAYS = 1;

    /** Where an appeal stands at an instant. */
    public enum Status {
        AWAITING_MEETING,
        MEETING_OVERDUE,
        AWAITING_RESULT,
        RESULT_OVERDUE,
        CLOSED
    }

    public Appeal {
        if (filedAt.isBefore(sittingEnded))
            throw new IllegalArgumentException("an appeal cannot precede the sitting's end");
        if (!inTime(sittingEnded, filedAt)) throw new IllegalArgumentException("filed after the 48 hours of 6.15.4");
        if (resultCommunicatedAt.isPresent() && meetingHeldAt.isEmpty()) {
            throw new IllegalArgumentException("a result cannot be communicated before the meeting");
        }
        if (meetingHeldAt.isPresent() && meetingHeldAt.get().isBefore(filedAt)) {
            throw new IllegalArgumentException("the meeting cannot precede the appeal");
        }
        if (resultCommunicatedAt.isPresent() && resultCommunicatedAt.get().isBefore(meetingHeldAt.get())) {
            throw new IllegalArgumentException("the result cannot precede the meeting");
        }
    }

    /** 6.15.4: the last instant an appeal is in time: {@code sittingEnded + 48 h}, itself included. */
    public static Instant filingDeadline(Instant sittingEnded) {
        return sittingEnded.plus(FILING_WINDOW);
    }

    /** 6.15.4: whether an appeal filed at {@code filedAt} is in time (at the deadline instant still is). */
    public static boolean inTime(Instant sittingEnded, Instant filedAt) {
        return !filedAt.isAfter(filingDeadline(sittingEnded));
    }

    /**
     * Files an appeal.
     *
     * @throws IllegalArgumentException when filed after the 48 hours (the service refuses it) or before the sitting ended
     */
    public static Appeal file(Instant sittingEnded, Instant filedAt) {
        return new Appeal(sittingEnded, filedAt, Optional.empty(), Optional.empty());
    }

    public Appeal meetingHeld(Instant at) {
        if (meetingHeldAt.isPresent()) throw new IllegalStateException("the appeal commission has already met");
        return new Appeal(sittingEnded, filedAt, Optional.of(at), resultCommunicatedAt);
    }

    public Appeal resultCommunicated(Instant at) {
        if (meetingHeldAt.isEmpty()) throw new IllegalStateException("the appeal commission has not met yet");
        if (resultCommunicatedAt.isPresent())
            throw new IllegalStateException("the result has already been communicated");
        return new Appeal(sittingEnded, filedAt, meetingHeldAt, Optional.of(at));
    }

    /** 6.15.5: the meeting is in time strictly before this instant (the end of its last allowed day). */
    public Instant meetingDeadline(WorkCalendar calendar) {
        return calendar.endOf(calendar.plusWorkingDays(calendar.dayOf(filedAt), MEETING_WORKING_DAYS));
    }

    /** 6.15.5: the result is in time strictly before this instant; empty until the meeting is held. */
    public Optional<Instant> resultDeadline(WorkCalendar calendar) {
        return meetingHeldAt.map(m -> calendar.endOf(calendar.plusWorkingDays(calendar.dayOf(m), RESULT_WORKING_DAYS)));
    }

    public Status status(Instant now, WorkCalendar calendar) {
        if (resultCommunicatedAt.isPresent()) return Status.CLOSED;
        if (meetingHeldAt.isPresent()) {
            return now.isBefore(resultDeadline(calendar).orElseThrow())
                    ? Status.AWAITING_RESULT
                    : Status.RESULT_OVERDUE;
        }
        return now.isBefore(meetingDeadline(calendar)) ? Status.AWAITING_MEETING : Status.MEETING_OVERDUE;
    }

    /** Whether a step that is due has not happened by its deadline. */
    public boolean overdue(Instant now, WorkCalendar calendar) {
        Status s = status(now, calendar);
        return s == Status.MEETING_OVERDUE || s == Status.RESULT_OVERDUE;
    }

    /** Whether the steps taken so far were each taken before their deadline (for the report on a closed appeal). */
    public boolean handledInTime(WorkCalendar calendar) {
        boolean meeting =
                meetingHeldAt.map(m -> m.isBefore(meetingDeadline(calendar))).orElse(true);
        boolean result = resultCommunicatedAt
                .map(r -> r.isBefore(resultDeadline(calendar).orElseThrow()))
                .orElse(true);
        return meeting && result;
    }
}
