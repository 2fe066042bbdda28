package kz.emtihan.config;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import kz.emtihan.calendar.model.AcademicCalendar;

/** Reads {@code calendar} of regulation.yaml (5.16, 5.20): the recurring periods and the holidays; a bad value names its key. */
final class CalendarConfig {
    private static final DateTimeFormatter MONTH_DAY = DateTimeFormatter.ofPattern("--MM-dd");

    private CalendarConfig() {}

    static AcademicCalendar read(ConfigTree t) {
        ZoneId zone = zone(t, "calendar.timeZone");
        List<AcademicCalendar.PeriodRule> periods = new ArrayList<>();
        int n = t.size("calendar.periods");
        for (int i = 0; i < n; i++) {
            String p = "calendar.periods." + i + ".";
            try {
                periods.add(new AcademicCalendar.PeriodRule(
                        t.string(p + "name"),
                        monthDay(t, p + "starts"),
                        t.integer(p + "teachingWeeks", 1, 53),
                        monthDay(t, p + "ends"),
                        t.has(p + "summer") && t.bool(p + "summer")));
            } catch (IllegalArgumentException e) {
                throw new ConfigException("calendar.periods." + i, e.getMessage());
            }
        }
        if (periods.isEmpty()) throw new ConfigException("calendar.periods", "needs at least one period");
        try {
            return new AcademicCalendar(zone, periods, holidays(t, "calendar.holidays"));
        } catch (IllegalArgumentException e) {
            throw new ConfigException("calendar", e.getMessage());
        }
    }

    static ZoneId zone(ConfigTree t, String key) {
        try {
            return ZoneId.of(t.string(key));
        } catch (DateTimeException e) {
            throw new ConfigException(key, "is not a time zone id such as Asia/Almaty");
        }
    }

    static Set<LocalDate> holidays(ConfigTree t, String key) {
        Set<LocalDate> holidays = new LinkedHashSet<>();
        if (!t.has(key)) return holidays;
        int n = t.size(key);
        for (int i = 0; i < n; i++) {
            try {
                holidays.add(LocalDate.parse(t.string(key + "." + i)));
            } catch (DateTimeException e) {
                throw new ConfigException(key + "." + i, "must be a date YYYY-MM-DD");
            }
        }
        return holidays;
    }

    static MonthDay monthDay(ConfigTree t, String key) {
        try {
            return MonthDay.parse("--" + t.string(key), MONTH_DAY);
        } catch (DateTimeException e) {
            throw new ConfigException(key, "must be MM-DD, such as 09-01");
        }
    }
}
