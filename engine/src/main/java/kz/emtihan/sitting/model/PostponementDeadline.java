package kz.emtihan.sitting.model;

import java.time.LocalDate;
import java.time.MonthDay;
import java.time.ZoneId;
import java.util.Optional;

/**
 * 6.15.2-6.15.3: the days the chair may set as the last day to retake a postponed exam. 6.15.3: "the commission sets
 * another day in the current period", so not before the day of the decision; 6.15.2: a student applying for a
 * master's programme finishes by 10 July, so not after the next configured last day ({@code
 * finalAttestation.mastersDeadline}) on or after the day of the decision, which is also the day when the chair names
 * none. Both ends are allowed; the grade is "I" to the end of the chosen day in the university's zone.
 */
public record PostponementDeadline(LocalDate earliest, LocalDate latest) {

    public PostponementDeadline {
        if (latest.isBefore(earliest))
            throw new IllegalArgumentException("the last day " + latest + " is before " + earliest);
    }

    /**
     * The range for a decision taken on {@code decidedOn}: from that day through the next {@code lastDay} on or after
     * it. Decided on 10 July itself: that day only; decided on 11 July: through 10 July of the next year.
     */
    public static PostponementDeadline on(LocalDate decidedOn, MonthDay lastDay) {
        LocalDate day = lastDay.atYear(decidedOn.getYear());
        if (day.isBefore(decidedOn)) day = lastDay.atYear(decidedOn.getYear() + 1);
        return new PostponementDeadline(decidedOn, day);
    }

    /** Whether the chair may set {@code day}: from {@link #earliest} through {@link #latest}, both included. */
    public boolean allows(LocalDate day) {
        return !day.isBefore(earliest) && !day.isAfter(latest);
    }

    /**
     * "I" through the end of the chosen day in {@code zone}, or through {@link #latest} when none is chosen.
     *
     * @throws IllegalArgumentException naming the allowed range when the chosen day is outside it
     */
    public IncompleteGrade grade(String studentId, Optional<LocalDate> chosen, ZoneId zone) {
        LocalDate day = chosen.orElse(latest);
        if (!allows(day))
            throw new IllegalArgumentException(
                    "the deadline must be a day from " + earliest + " to " + latest + ", was " + day);
        return IncompleteGrade.throughDay(studentId, day, zone);
    }
}
