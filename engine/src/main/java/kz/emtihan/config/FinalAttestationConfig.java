package kz.emtihan.config;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import kz.emtihan.sitting.model.Aggregation;
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
        ZoneId zone;
        try {
            zone = ZoneId.of(t.string(p + "timeZone"));
        } catch (DateTimeException e) {
            throw new ConfigException(p + "timeZone", "is not a time zone id such as Asia/Almaty");
        }
        Set<LocalDate> holidays = new LinkedHashSet<>();
        int n = t.size(p + "holidays");
        for (int i = 0; i < n; i++) {
            String key = p + "holidays." + i;
            try {
                holidays.add(LocalDate.parse(t.string(key)));
            } catch (DateTimeException e) {
                throw new ConfigException(key, "must be a date YYYY-MM-DD");
            }
        }
        MonthDay masters;
        try {
            masters = MonthDay.parse("--" + t.string(p + "mastersDeadline"), DateTimeFormatter.ofPattern("--MM-dd"));
        } catch (DateTimeException e) {
            throw new ConfigException(p + "mastersDeadline", "must be MM-DD, such as 07-10");
        }
        return new Regulation.FinalAttestation(
                PhaseLimits.ofMinutes(prep, answerMin, answerMax),
                t.integer(p + "maxScore", 1, 1000),
                aggregation,
                t.bool(p + "ticketsWithReplacement"),
                WorkCalendar.of(zone, holidays),
                masters);
    }
}
