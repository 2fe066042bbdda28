package kz.emtihan.exam;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import kz.emtihan.Fixtures;
import kz.emtihan.TestEngine;
import kz.emtihan.calendar.model.AcademicCalendar;

/**
 * Windows for the schedule tests, computed from the repository's academic calendar so no test depends on today: the
 * weeks of the first period of the next academic year (it recurs every year, and all of it is in the future).
 */
public final class ScheduleTerms {
    public static final AcademicCalendar CALENDAR = Fixtures.regulation().calendar();

    private ScheduleTerms() {}

    /** The first period of the next academic year ("2027-2028/autumn" during 2026-2027). */
    public static AcademicCalendar.Period nextYear() {
        LocalDate today = CALENDAR.date(Instant.now());
        int first = Integer.parseInt(CALENDAR.academicYearOf(today).substring(0, 4)) + 1;
        return CALENDAR.periodOn(CALENDAR.periods().get(0).starts().atYear(first))
                .orElseThrow();
    }

    /** The second day of week {@code n} of the period, 09:00 in the calendar's zone. */
    public static Instant week(AcademicCalendar.Period p, int n) {
        return p.weekStarts(n).plusDays(1).atTime(9, 0).atZone(CALENDAR.zone()).toInstant();
    }

    /** An exam of {@code kind} on {@code bankId} open for two hours from {@code opens}. */
    public static JsonObject exam(String bankId, String kind, Instant opens, int questions) {
        return new JsonObject()
                .put("bankId", bankId)
                .put("title", kind + " " + opens)
                .put("kind", kind)
                .put("opensAt", opens.toString())
                .put("closesAt", opens.plus(Duration.ofHours(2)).toString())
                .put("questionCount", questions);
    }

    /** A bank of {@code discipline} (programme 6B01501, Kazakh) that passes validation. */
    public static String bank(TestEngine app, String token, String discipline) {
        return bank(app, token, discipline, "6B01501");
    }

    public static String bank(TestEngine app, String token, String discipline, String programme) {
        JsonObject passport = Fixtures.passport(discipline);
        passport.getJsonObject("passport").put("programme", programme);
        return Fixtures.validBank(app, token, passport);
    }
}
