package kz.emtihan.statement.model;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Extra time as a per-student accommodation: minutes added to the exam's duration for one student, set by the exam's
 * teacher or an administrator. It lengthens the student's clock, never the window: the deadline is still cut at the
 * exam's close, or at the end of the student's individual statement where they hold one (5.35), so extra time never
 * lets anyone answer outside the time the regulation allows. The same rule runs in {@code start-attempt.lua}.
 */
public final class ExtraTime {
    /** At most three hours more than the exam's duration. */
    public static final int MAX_MINUTES = 180;

    private ExtraTime() {}

    /** The minutes if they are a whole number 0..{@link #MAX_MINUTES} (0 removes the accommodation), else empty. */
    public static Optional<Integer> minutes(Object value) {
        if (!(value instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue())) return Optional.empty();
        long m = n.longValue();
        return m < 0 || m > MAX_MINUTES ? Optional.empty() : Optional.of((int) m);
    }

    /**
     * The attempt's deadline: its clock's start plus the duration and the student's extra minutes, cut at the window's
     * end (the exam's close, or the individual statement's end).
     */
    public static Instant deadline(Instant clockStarts, Duration duration, int extraMinutes, Instant windowEnds) {
        Instant byClock = clockStarts.plus(duration).plus(Duration.ofMinutes(extraMinutes));
        return byClock.isBefore(windowEnds) ? byClock : windowEnds;
    }
}
