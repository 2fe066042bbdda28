package kz.emtihan.sitting.model;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import kz.emtihan.text.Text;

/**
 * 6.15.2-6.15.3: a student whose exam was postponed in one sitting (an allowed application: a valid absence, an exam
 * that could not be held remotely) is examined in a later sitting that carries them. Their "I" stands until the
 * postponement's deadline; a result in the later sitting before it replaces the "I", and only the deadline passing
 * without one turns it into "F" (never the first sitting's closing). Pure.
 */
public final class Carrying {
    private Carrying() {}

    /**
     * Why the student cannot be carried from the earlier sitting into one of {@code kind} held on {@code day}, or empty.
     *
     * @param state      the student's state in the earlier sitting
     * @param deadline   the postponement's deadline there (exclusive), if any
     * @param carriedTo  the sitting that already carries them, if any
     */
    public static Optional<Text> problem(
            StudentState state,
            Optional<Instant> deadline,
            Optional<String> carriedTo,
            String kindFrom,
            String kind,
            LocalDate day,
            ZoneId zone,
            Instant now) {
        if (state != StudentState.POSTPONED || deadline.isEmpty())
            return Optional.of(SittingWords.field("carried-not-postponed"));
        if (carriedTo.isPresent())
            return Optional.of(SittingWords.field("carried-already", "sitting", carriedTo.get()));
        if (!kindFrom.equals(kind)) return Optional.of(SittingWords.field("carried-other-kind"));
        LocalDate lastDay = deadline.get().minusNanos(1).atZone(zone).toLocalDate();
        if (!now.isBefore(deadline.get())
                || day.isAfter(lastDay)
                || day.isBefore(now.atZone(zone).toLocalDate()))
            return Optional.of(SittingWords.field("carried-day", "last", lastDay));
        return Optional.empty();
    }

    /** 6.15.3: a result in the later sitting counts only before the postponement's deadline. */
    public static boolean inTime(Instant deadline, Instant at) {
        return at.isBefore(deadline);
    }
}
