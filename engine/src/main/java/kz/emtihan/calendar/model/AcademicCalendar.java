package kz.emtihan.calendar.model;

import java.time.Instant;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The academic calendar of regulation.yaml (5.16: control runs "according to the academic calendar"; 5.20.1-5.20.3
 * count weeks and periods in it). Periods recur every year on the same month-days, so the shipped file holds for every
 * year; the first period of the list opens the academic year ("2026-2027" begins with the autumn period of 2026).
 * A date outside every period is a vacation: nothing is scheduled then.
 *
 * @param zone     dates and weeks are counted in this zone (the university's)
 * @param periods  the periods of one academic year, in order
 * @param holidays days off besides weekends (the working-day calendar of the appeals, 6.15.5, uses the same list)
 */
public record AcademicCalendar(ZoneId zone, List<PeriodRule> periods, Set<LocalDate> holidays) {

    /**
     * One recurring period: a semester, or the summer semester (5.36-5.38).
     *
     * @param name          {@code autumn}, {@code spring}, {@code summer} or the university's own word
     * @param starts        its first day, every year
     * @param teachingWeeks weeks of teaching from {@code starts} (5.20.1: current control; 5.20.2: midterms in weeks 6, 14)
     * @param ends          its last day (the attestation session included); before {@code starts} means the next year
     * @param summer        the summer semester, where students clear academic debt (5.36)
     */
    public record PeriodRule(String name, MonthDay starts, int teachingWeeks, MonthDay ends, boolean summer) {
        public PeriodRule {
            if (name == null || name.isBlank()) throw new IllegalArgumentException("a period needs a name");
            if (teachingWeeks < 1 || teachingWeeks > 53) throw new IllegalArgumentException("teachingWeeks 1..53");
            if (starts.equals(ends)) throw new IllegalArgumentException("a period of one day");
        }
    }

    /** One period of one year: {@code 2026-2027 autumn}, from 2026-09-01 to 2027-01-24. */
    public record Period(String academicYear, PeriodRule rule, LocalDate starts, LocalDate ends) {
        public String name() {
            return rule.name();
        }

        /** {@code 2026-2027/autumn}: the key that names this period in the store and in refusals. */
        public String key() {
            return academicYear + "/" + rule.name();
        }

        public boolean contains(LocalDate day) {
            return !day.isBefore(starts) && !day.isAfter(ends);
        }

        /** The week of the period {@code day} falls in, from 1 (days 1-7 from the start), or 0 before it starts. */
        public int week(LocalDate day) {
            long days = ChronoUnit.DAYS.between(starts, day);
            return days < 0 ? 0 : (int) (days / 7) + 1;
        }

        /** The first day of week {@code n} (1-based). */
        public LocalDate weekStarts(int n) {
            return starts.plusDays(7L * (n - 1));
        }

        public boolean teaching(LocalDate day) {
            int w = week(day);
            return w >= 1 && w <= rule.teachingWeeks();
        }
    }

    public AcademicCalendar {
        periods = List.copyOf(periods);
        holidays = Set.copyOf(holidays);
        if (periods.isEmpty()) throw new IllegalArgumentException("an academic year needs a period");
    }

    public LocalDate date(Instant at) {
        return at.atZone(zone).toLocalDate();
    }

    /** The period {@code day} falls in, if it is not a vacation. */
    public Optional<Period> periodOn(LocalDate day) {
        for (PeriodRule rule : periods) {
            for (int year = day.getYear() - 1; year <= day.getYear(); year++) {
                Period p = period(rule, year);
                if (p.contains(day)) return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    public Optional<Period> periodAt(Instant at) {
        return periodOn(date(at));
    }

    /** The academic year {@code day} belongs to, vacations included: "2026-2027" from the first period of 2026 on. */
    public String academicYearOf(LocalDate day) {
        MonthDay opens = periods.get(0).starts();
        int first = opens.isAfter(MonthDay.from(day)) ? day.getYear() - 1 : day.getYear();
        return first + "-" + (first + 1);
    }

    private Period period(PeriodRule rule, int startYear) {
        LocalDate start = rule.starts().atYear(startYear);
        LocalDate end = rule.ends().atYear(startYear);
        if (end.isBefore(start)) end = rule.ends().atYear(startYear + 1);
        return new Period(academicYearOf(start), rule, start, end);
    }
}
