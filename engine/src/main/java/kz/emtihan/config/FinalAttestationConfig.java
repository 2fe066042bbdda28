package kz.emtihan.config;

import java.time.LocalDate;
import java.time.MonthDay;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import kz.emtihan.sitting.model.Aggregation;
import kz.emtihan.sitting.model.CommissionSize;
import kz.emtihan.sitting.model.PhaseLimits;
import kz.emtihan.sitting.model.WorkCalendar;

/** Reads {@code finalAttestation} of regulation.yaml (6.15-6.15.6); a bad value names its key. */
final class FinalAttestationConfig {
    private FinalAttestationConfig() {}

    static Regulation.FinalAttestation read(ConfigTree t) {
        String p = "finalAttestation.";
        int prep = t.integer(p + "preparationMinutes", 1, 240);
        int answerMin = t.integer(p + "answerMinMinutes", 1, 240);
        int answerMax = t.integer(p + "answerMaxMinutes", answerMin, 240);
        Aggregation aggregation = Aggregation.fromCode(t.oneOf(p + "aggregation", List.of("mean", "median")))
                .orElseThrow();
        ZoneId zone = CalendarConfig.zone(t, p + "timeZone");
        // the working days of the appeals (6.15.5) keep the holidays of the academic calendar
        Set<LocalDate> holidays = CalendarConfig.holidays(t, "calendar.holidays");
        MonthDay masters = CalendarConfig.monthDay(t, p + "mastersDeadline");
        // 6.15.6: the examining commission, chair included; a smaller one is refused at creation (Sittings.create)
        int commissionMin = t.integer(p + "commissionMin", 1, 50);
        int commissionMax = t.integer(p + "commissionMax", commissionMin, 50);
        return new Regulation.FinalAttestation(
                PhaseLimits.ofMinutes(prep, answerMin, answerMax),
                t.integer(p + "maxScore", 1, 1000),
                aggregation,
                t.bool(p + "ticketsWithReplacement"),
                WorkCalendar.of(zone, holidays),
                masters,
                new CommissionSize(commissionMin, commissionMax));
    }
}
