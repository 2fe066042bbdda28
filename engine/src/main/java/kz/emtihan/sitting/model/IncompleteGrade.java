package kz.emtihan.sitting.model;

import java.time.Instant;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.ZoneId;
import java.util.Optional;
import kz.emtihan.grade.model.Grade;

/**
 * 6.15.2-6.15.3: a student whose exam is postponed (technical failure, an exam that cannot be held remotely, a valid
 * absence) holds the grade "I" (Incomplete) until a deadline; "I" turns into "F" by itself when the deadline passes
 * without a result. A result recorded at or after the deadline is refused, as a late individual statement does not
 * count (5.35). The deadline is exclusive: a result is in time strictly before it.
 * <p>
 * For a student applying to a master's programme the exam "must be finished by 10 July": {@link #forMastersApplicant}
 * takes the month-day from configuration and treats it as the last allowed day, to its end in the university's zone
 * (configure 07-09 for the stricter reading "before 10 July"); the chair may set an earlier day within that range
 * (6.15.3: "another day in the current period"): {@link PostponementDeadline}. Otherwise the deadline is the end of
 * the current academic period, which the caller knows.
 */
public record IncompleteGrade(String studentId, Instant deadline, Optional<Result> result) {

    /** 6.15.2: the letter while the debt is open. */
    public static final String INCOMPLETE = "I";
    /** 6.15.2: the letter "I" turns into. */
    public static final String FAIL = "F";

    /** The result of the postponed exam and when it was recorded. */
    public record Result(Grade grade, Instant recordedAt) {}

    public enum Status {
        INCOMPLETE,
        GRADED,
        FAILED
    }

    /** The grade a student holds at an instant: its status and the letter to show and export. */
    public record Standing(Status status, String letter) {}

    public IncompleteGrade {
        if (studentId == null || studentId.isBlank()) throw new IllegalArgumentException("studentId is required");
        if (result.isPresent() && !result.get().recordedAt().isBefore(deadline)) {
            throw new IllegalArgumentException("a result at or after the deadline " + deadline + " does not count");
        }
    }

    /** "I" until {@code deadline} (exclusive). */
    public static IncompleteGrade until(String studentId, Instant deadline) {
        return new IncompleteGrade(studentId, deadline, Optional.empty());
    }

    /** "I" until the end of {@code lastDay} in {@code zone} (for example the last day of the academic period). */
    public static IncompleteGrade throughDay(String studentId, LocalDate lastDay, ZoneId zone) {
        return until(studentId, lastDay.plusDays(1).atStartOfDay(zone).toInstant());
    }

    /**
     * 6.15.2: a master's applicant: "I" through the next {@code lastDay} (10 July) on or after the day of postponement.
     * Postponed on 10 July itself: through that day; postponed on 11 July: through 10 July of the next year.
     */
    public static IncompleteGrade forMastersApplicant(
            String studentId, LocalDate postponedOn, MonthDay lastDay, ZoneId zone) {
        return throughDay(
                studentId, PostponementDeadline.on(postponedOn, lastDay).latest(), zone);
    }

    /**
     * Records the postponed exam's result.
     *
     * @throws IllegalStateException when the deadline has passed (the grade is already F) or a result is recorded
     */
    public IncompleteGrade graded(Grade grade, Instant at) {
        if (result.isPresent()) throw new IllegalStateException("a result is already recorded for " + studentId);
        if (!at.isBefore(deadline))
            throw new IllegalStateException("the deadline " + deadline + " has passed; the grade is F");
        return new IncompleteGrade(studentId, deadline, Optional.of(new Result(grade, at)));
    }

    /** The grade at {@code now}: the result once recorded; otherwise "I" before the deadline and "F" from it on. */
    public Standing at(Instant now) {
        if (result.isPresent() && !now.isBefore(result.get().recordedAt())) {
            return new Standing(Status.GRADED, result.get().grade().letter());
        }
        return now.isBefore(deadline) ? new Standing(Status.INCOMPLETE, INCOMPLETE) : new Standing(Status.FAILED, FAIL);
    }
}
