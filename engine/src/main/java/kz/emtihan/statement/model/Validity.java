package kz.emtihan.statement.model;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * 5.35: an individual statement is valid 14 calendar days from issue. The term is counted as the civil codes of the
 * region count a term in days: it runs from the day after the issue, so day 1 is the day after the issue and day 14
 * ends at midnight (00:00 of the next day) in the academic calendar's zone; the issue day itself counts from the
 * moment of issue. A statement issued at any time on 1 December is valid from that moment until 16 December 00:00
 * (exclusive): the last valid instant is 15 December 23:59:59.999.
 *
 * @param from the moment of issue
 * @param until the first instant at which the statement is no longer valid
 */
public record Validity(Instant from, Instant until) {
    /** The number of calendar days of 5.35. */
    public static final int DAYS = 14;

    public static Validity issued(Instant at, ZoneId zone) {
        LocalDate issueDay = at.atZone(zone).toLocalDate();
        Instant until = issueDay.plusDays(DAYS + 1L).atStartOfDay(zone).toInstant();
        return new Validity(at, until);
    }

    /** The last calendar day of validity (day 14), in the zone it was counted in. */
    public LocalDate lastDay(ZoneId zone) {
        return until.atZone(zone).toLocalDate().minusDays(1);
    }

    public boolean validAt(Instant now) {
        return !now.isBefore(from) && now.isBefore(until);
    }
}
