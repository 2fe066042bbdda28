package kz.emtihan.text;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Issue 15 (1): dates, times, numbers and percents in kk, ru and en as Unicode CLDR 48 writes them, the same as the
 * pages' lib/formats.js (its data, lib/cldr-data.js, is generated from the CLDR packages; these tables are the same
 * facts written once here). Not the JDK's locale data: JDK 17 ships an older CLDR whose Kazakh zone names are English
 * ("Alma-Ata Time") and whose English is American ("December 6, 2026, 7:05 AM"), and another JDK would print another
 * thing. Every time is on the clock of the zone given, with the zone named.
 */
public final class Formats {
    private Formats() {}

    /** How much of a date: "2026 ж. 6 желтоқсан" (LONG), "2026 ж. 6 жел." (MEDIUM), "06.12.26" (SHORT). */
    public enum Style {
        LONG,
        MEDIUM,
        SHORT
    }

    /** One language's CLDR facts. */
    private record Cldr(
            List<String> months,
            List<String> monthsShort,
            Map<Style, String> date,
            String decimal,
            String group,
            String percent,
            Map<String, String> zones) {}

    private static final String NNBSP = "\u202F";
    private static final String NBSP = "\u00A0";

    /** The zones of Kazakhstan (one metazone since 2024-03-01) and two neighbours', as CLDR names them. */
    private static final List<String> KAZAKHSTAN = List.of(
            "Asia/Almaty", "Asia/Qostanay", "Asia/Aqtobe", "Asia/Aqtau", "Asia/Atyrau", "Asia/Oral", "Asia/Qyzylorda");

    private static Map<String, String> zones(String kazakhstan, String tashkent, String bishkek, String moscow) {
        Map<String, String> names = new java.util.HashMap<>();
        for (String id : KAZAKHSTAN) names.put(id, kazakhstan);
        names.put("Asia/Tashkent", tashkent);
        names.put("Asia/Bishkek", bishkek);
        names.put("Europe/Moscow", moscow);
        return Map.copyOf(names);
    }

    private static final Cldr KK = new Cldr(
            List.of(
                    "қаңтар",
                    "ақпан",
                    "наурыз",
                    "сәуір",
                    "мамыр",
                    "маусым",
                    "шілде",
                    "тамыз",
                    "қыркүйек",
                    "қазан",
                    "қараша",
                    "желтоқсан"),
            List.of("қаң.", "ақп.", "нау.", "сәу.", "мам.", "мау.", "шіл.", "там.", "қыр.", "қаз.", "қар.", "жел."),
            Map.of(
                    Style.LONG, "y" + NNBSP + "'ж'. d MMMM",
                    Style.MEDIUM, "y" + NNBSP + "'ж'. d MMM",
                    Style.SHORT, "dd.MM.yy"),
            ",",
            NBSP,
            "#,##0%",
            zones("Қазақстан уақыты", "Өзбекстан уақыты", "Қырғызстан уақыты", "Мәскеу уақыты"));

    private static final Cldr RU = new Cldr(
            List.of(
                    "января",
                    "февраля",
                    "марта",
                    "апреля",
                    "мая",
                    "июня",
                    "июля",
                    "августа",
                    "сентября",
                    "октября",
                    "ноября",
                    "декабря"),
            List.of("янв.", "февр.", "мар.", "апр.", "мая", "июн.", "июл.", "авг.", "сент.", "окт.", "нояб.", "дек."),
            Map.of(
                    Style.LONG, "d MMMM y" + NNBSP + "'г'.",
                    Style.MEDIUM, "d MMM y" + NNBSP + "'г'.",
                    Style.SHORT, "dd.MM.y"),
            ",",
            NBSP,
            "#,##0" + NBSP + "%",
            zones("Казахстан", "Узбекистан", "Киргизия", "Москва"));

    private static final Cldr EN = new Cldr(
            List.of(
                    "January",
                    "February",
                    "March",
                    "April",
                    "May",
                    "June",
                    "July",
                    "August",
                    "September",
                    "October",
                    "November",
                    "December"),
            List.of("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sept", "Oct", "Nov", "Dec"),
            Map.of(Style.LONG, "d MMMM y", Style.MEDIUM, "d MMM y", Style.SHORT, "dd/MM/y"),
            ".",
            ",",
            "#,##0%",
            zones("Kazakhstan Time", "Uzbekistan Time", "Kyrgyzstan Time", "Moscow Time"));

    private static Cldr of(Language language) {
        return switch (language) {
            case KK -> KK;
            case RU -> RU;
            case EN -> EN;
        };
    }

    private static final Pattern TOKEN = Pattern.compile("'([^']*)'|y+|M+|d+|H+|m+");

    private static String fill(String pattern, ZonedDateTime at, Cldr c) {
        Matcher m = TOKEN.matcher(pattern);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String token = m.group();
            String value = m.group(1) != null
                    ? m.group(1)
                    : switch (token) {
                        case "MMMM" -> c.months().get(at.getMonthValue() - 1);
                        case "MMM" -> c.monthsShort().get(at.getMonthValue() - 1);
                        case "MM" -> two(at.getMonthValue());
                        case "dd" -> two(at.getDayOfMonth());
                        case "d" -> String.valueOf(at.getDayOfMonth());
                        case "HH" -> two(at.getHour());
                        case "mm" -> two(at.getMinute());
                        case "yy" -> two(at.getYear() % 100);
                        default -> token.startsWith("y") ? String.valueOf(at.getYear()) : token;
                    };
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String two(int n) {
        return n < 10 ? "0" + n : String.valueOf(n);
    }

    /** A day: "2026 ж. 6 желтоқсан", "6 декабря 2026 г.", "6 December 2026" (LONG). */
    public static String date(LocalDate day, Language language, Style style) {
        return fill(of(language).date().get(style), day.atStartOfDay(ZoneOffset.UTC), of(language));
    }

    /** A time of day on zone's clock: "07:05". */
    public static String time(Instant at, ZoneId zone) {
        ZonedDateTime z = at.atZone(zone);
        return two(z.getHour()) + ":" + two(z.getMinute());
    }

    /** Date and time on zone's clock, without the zone: "2026 ж. 6 желтоқсан, 07:05" (CLDR's "{1}, {0}"). */
    public static String dateTime(Instant at, ZoneId zone, Language language, Style style) {
        ZonedDateTime z = at.atZone(zone);
        return fill(of(language).date().get(style), z, of(language)) + ", " + time(at, zone);
    }

    /** Date and time with the zone named: "2026 ж. 6 желтоқсан, 07:05 (Қазақстан уақыты, UTC+5)". */
    public static String dateTimeInZone(Instant at, ZoneId zone, Language language) {
        return dateTime(at, zone, language, Style.LONG) + " (" + zone(zone, language, at) + ")";
    }

    /** "UTC+5", "UTC+5:30", "UTC-3", "UTC" at an instant. */
    public static String offset(ZoneId zone, Instant at) {
        int seconds = zone.getRules().getOffset(at).getTotalSeconds();
        if (seconds == 0) return "UTC";
        int abs = Math.abs(seconds) / 60;
        return "UTC" + (seconds < 0 ? "-" : "+") + abs / 60 + (abs % 60 == 0 ? "" : ":" + two(abs % 60));
    }

    /** A zone as a reader knows it: "Қазақстан уақыты, UTC+5"; one CLDR has no name for here by its city. */
    public static String zone(ZoneId zone, Language language, Instant at) {
        String id = zone.getId();
        if (id.equals("UTC") || id.equals("Etc/UTC") || id.equals("Z")) return offset(zone, at);
        String name = of(language).zones().get(id);
        if (name == null) name = id.substring(id.lastIndexOf('/') + 1).replace('_', ' ');
        return name + ", " + offset(zone, at);
    }

    /** A number with the language's separators: "12 345,67" (kk, ru: a no-break space), "12,345.67" (en). */
    public static String number(double value, Language language, int maximumFractionDigits) {
        Cldr c = of(language);
        BigDecimal rounded = BigDecimal.valueOf(Math.abs(value))
                .setScale(maximumFractionDigits, RoundingMode.HALF_UP)
                .stripTrailingZeros();
        String plain = rounded.scale() < 0 ? rounded.setScale(0).toPlainString() : rounded.toPlainString();
        String[] parts = plain.split("\\.");
        String whole = parts[0].replaceAll("\\B(?=(\\d{3})+(?!\\d))", c.group());
        String text = parts.length > 1 ? whole + c.decimal() + parts[1] : whole;
        return value < 0 && rounded.signum() != 0 ? "-" + text : text;
    }

    /** A number already in percent: 6.7 → "6,7%" (kk), "6,7 %" (ru), "6.7%" (en), as CLDR writes each. */
    public static String percent(double percent, Language language, int maximumFractionDigits) {
        return of(language).percent().replace("#,##0", number(percent, language, maximumFractionDigits));
    }
}
