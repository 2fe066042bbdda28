package kz.emtihan.sitting.model;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;

/**
 * What a sitting is and when (6.15.1, 6.15.6): a comprehensive exam (a ticket is drawn) or a thesis defence (scored
 * without a ticket), held on {@code date} in {@code zone} (finalAttestation.timeZone). The steps of the exam are taken
 * on that day only; an administrator who reschedules the sitting moves the day ({@code Sittings.reschedule}).
 *
 * @param date       the day of the sitting; empty only for a document without one (edited by hand), held to no day
 * @param postponeBy the last day of a postponement (finalAttestation.mastersDeadline), which also ends the time an
 *                   absent student may apply after the sitting (6.15.2-6.15.3)
 */
public record SittingTerms(
        String kind, Optional<LocalDate> date, ZoneId zone, Optional<java.time.MonthDay> postponeBy) {
    public static final String COMPREHENSIVE_EXAM = "comprehensive-exam";
    public static final String THESIS_DEFENCE = "thesis-defence";

    /** Terms that hold a sitting to no day: documents written before the day was checked, and unit tests. */
    public static SittingTerms anyDay(String kind) {
        return new SittingTerms(kind, Optional.empty(), ZoneId.of("UTC"), Optional.empty());
    }

    /** 6.15.1: a thesis defence draws no ticket. */
    public boolean defence() {
        return THESIS_DEFENCE.equals(kind);
    }

    /**
     * 6.15.3: whether a student absent from the sitting may still apply to postpone at {@code now}: through the last day
     * a postponement decided on the sitting's day could run to ({@link PostponementDeadline}).
     */
    public boolean lateApplication(Instant now) {
        if (date.isEmpty() || postponeBy.isEmpty()) return false;
        LocalDate today = now.atZone(zone).toLocalDate();
        return !today.isAfter(
                PostponementDeadline.on(date.get(), postponeBy.get()).latest());
    }

    /** 6.15.6: whether {@code now} falls on the sitting's day in its zone. */
    public boolean onTheDay(Instant now) {
        return date.map(d -> d.equals(now.atZone(zone).toLocalDate())).orElse(true);
    }
}
