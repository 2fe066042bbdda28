package kz.emtihan.sitting.model;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.Set;

/**
 * 6.15.5: working days, for the appeal commission's deadlines. A day is a working day unless it is a weekend day or a
 * holiday, except that a date in {@code workingDays} is a working day anyway (a Saturday worked in exchange for a
 * bridged day off, as the government's transfer orders do; put the bridged day itself in {@code holidays}).
 * Days are calendar dates in {@code zone} (Asia/Almaty for the university); a day ends at the next midnight there.
 *
 * @param holidays    public holidays and days off by transfer; configuration, as the list changes every year
 * @param workingDays weekend dates that are worked
 */
public record WorkCalendar(ZoneId zone, Set<DayOfWeek> weekend, Set<LocalDate> holidays, Set<LocalDate> workingDays) {
    public WorkCalendar {
        weekend = weekend.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(weekend));
        holidays = Set.copyOf(holidays);
        workingDays = Set.copyOf(workingDays);
        if (weekend.size() == 7 && workingDays.isEmpty())
            throw new IllegalArgumentException("a week needs a working day");
    }

    /** Saturday and Sunday off, plus these holidays. */
    public static WorkCalendar of(ZoneId zone, Set<LocalDate> holidays) {
        return new WorkCalendar(zone, EnumSet.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY), holidays, Set.of());
    }

    public boolean isWorkingDay(LocalDate day) {
        if (workingDays.contains(day)) return true;
        return !weekend.contains(day.getDayOfWeek()) && !holidays.contains(day);
    }

    /**
     * The {@code n}-th working day after {@code day} ({@code day} itself never counts): a period of working days starts
     * the day after the event, the usual rule for periods counted in days.
     */
    public LocalDate plusWorkingDays(LocalDate day, int n) {
        if (n < 1) throw new IllegalArgumentException("count at least one working day, was " + n);
        LocalDate d = day;
        for (int counted = 0; counted < n; ) {
            d = d.plusDays(1);
            if (isWorkingDay(d)) counted++;
            if (ChronoUnit.DAYS.between(day, d) > 366L * n)
                throw new IllegalStateException("no working day within a year");
        }
        return d;
    }

    /** The calendar date of {@code instant} in this calendar's zone. */
    public LocalDate dayOf(Instant instant) {
        return instant.atZone(zone).toLocalDate();
    }

    /** The instant {@code day} ends: the start of the next day in this calendar's zone (an exclusive bound). */
    public Instant endOf(LocalDate day) {
        return day.plusDays(1).atStartOfDay(zone).toInstant();
    }

    /** The end of the day on which {@code instant} falls: "the same day" (6.15.2 act copies, 6.15.6 results). */
    public Instant endOfDayOf(Instant instant) {
        return endOf(dayOf(instant));
    }
}
