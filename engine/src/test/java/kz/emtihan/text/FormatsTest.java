package kz.emtihan.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/**
 * Issue 15 (1): the papers' and e-mails' dates, times, numbers and percents, CLDR 48's for kk, ru and en, on the
 * exam's clock with the zone named. The same strings as the pages' (proctor-ui lib-formats.test.mjs pins them too).
 */
class FormatsTest {
    static final ZoneId ALMATY = ZoneId.of("Asia/Almaty");
    /** 2026-12-06 07:05 in Almaty (UTC+5 since 2024-03-01). */
    static final Instant MORNING = Instant.parse("2026-12-06T02:05:00Z");
    /** 2026-05-16 19:45 in Almaty: after noon, another month. */
    static final Instant EVENING = Instant.parse("2026-05-16T14:45:00Z");

    @Test
    void datesAndTimesInEachLanguageOnTheExamsClock() {
        assertEquals(
                "2026\u202Fж. 6 желтоқсан, 07:05", Formats.dateTime(MORNING, ALMATY, Language.KK, Formats.Style.LONG));
        assertEquals(
                "2026\u202Fж. 16 мамыр, 19:45", Formats.dateTime(EVENING, ALMATY, Language.KK, Formats.Style.LONG));
        assertEquals(
                "2026\u202Fж. 6 жел., 07:05", Formats.dateTime(MORNING, ALMATY, Language.KK, Formats.Style.MEDIUM));
        assertEquals(
                "6 декабря 2026\u202Fг., 07:05", Formats.dateTime(MORNING, ALMATY, Language.RU, Formats.Style.LONG));
        assertEquals(
                "16 мая 2026\u202Fг., 19:45", Formats.dateTime(EVENING, ALMATY, Language.RU, Formats.Style.MEDIUM));
        assertEquals("6 December 2026, 07:05", Formats.dateTime(MORNING, ALMATY, Language.EN, Formats.Style.LONG));
        assertEquals("16 May 2026, 19:45", Formats.dateTime(EVENING, ALMATY, Language.EN, Formats.Style.MEDIUM));
        assertEquals(
                "2026\u202Fж. 1 қыркүйек", Formats.date(LocalDate.of(2026, 9, 1), Language.KK, Formats.Style.LONG));
        assertEquals("01.09.26", Formats.date(LocalDate.of(2026, 9, 1), Language.KK, Formats.Style.SHORT));
        assertEquals("1 сент. 2026\u202Fг.", Formats.date(LocalDate.of(2026, 9, 1), Language.RU, Formats.Style.MEDIUM));
        assertEquals("1 Sept 2026", Formats.date(LocalDate.of(2026, 9, 1), Language.EN, Formats.Style.MEDIUM));
        assertEquals("01/09/2026", Formats.date(LocalDate.of(2026, 9, 1), Language.EN, Formats.Style.SHORT));
        // midnight and noon on the exam's clock, not the JVM's
        assertEquals("00:00", Formats.time(Instant.parse("2026-12-05T19:00:00Z"), ALMATY));
        assertEquals("12:00", Formats.time(Instant.parse("2026-12-06T07:00:00Z"), ALMATY));
    }

    @Test
    void theZoneIsNamedInTheReadersLanguage() {
        assertEquals(
                "2026\u202Fж. 6 желтоқсан, 07:05 (Қазақстан уақыты, UTC+5)",
                Formats.dateTimeInZone(MORNING, ALMATY, Language.KK));
        assertEquals(
                "6 декабря 2026\u202Fг., 07:05 (Казахстан, UTC+5)",
                Formats.dateTimeInZone(MORNING, ALMATY, Language.RU));
        assertEquals(
                "6 December 2026, 07:05 (Kazakhstan Time, UTC+5)",
                Formats.dateTimeInZone(MORNING, ALMATY, Language.EN));
        // before 2024-03-01 Almaty was UTC+6: the offset is the one at that instant
        assertEquals("UTC+6", Formats.offset(ALMATY, Instant.parse("2023-12-06T02:05:00Z")));
        assertEquals("Мәскеу уақыты, UTC+3", Formats.zone(ZoneId.of("Europe/Moscow"), Language.KK, MORNING));
        assertEquals("Kolkata, UTC+5:30", Formats.zone(ZoneId.of("Asia/Kolkata"), Language.EN, MORNING));
        assertEquals("UTC", Formats.zone(ZoneId.of("UTC"), Language.RU, MORNING));
    }

    @Test
    void numbersAndPercentsWithTheLanguagesSeparators() {
        assertEquals("12\u00A0345,67", Formats.number(12345.67, Language.KK, 2));
        assertEquals("1\u00A0234\u00A0567", Formats.number(1234567, Language.RU, 2));
        assertEquals("12,345.67", Formats.number(12345.67, Language.EN, 2));
        assertEquals("0,5", Formats.number(0.5, Language.KK, 2));
        assertEquals("-25", Formats.number(-25, Language.RU, 2));
        assertEquals("0", Formats.number(-0.001, Language.RU, 2));
        assertEquals("6,7%", Formats.percent(6.7, Language.KK, 1));
        assertEquals("6,7\u00A0%", Formats.percent(6.7, Language.RU, 1));
        assertEquals("6.7%", Formats.percent(6.66, Language.EN, 1));
        assertEquals("1\u00A0000%", Formats.percent(1000, Language.KK, 1));
    }
}
