package kz.emtihan.sitting.documents;

import java.text.MessageFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ResourceBundle;
import kz.emtihan.text.Language;

/**
 * The labels and date formats of one language. Labels come from {@code messages_<lang>.properties} next to
 * this class; there is no fallback bundle, so a missing key fails loudly instead of printing English.
 */
final class Messages {
    private static final String BUNDLE = "kz.emtihan.sitting.documents.messages";

    private final Language language;
    private final ResourceBundle bundle;
    private final DateTimeFormatter date;
    private final DateTimeFormatter dateTime;

    private Messages(Language language) {
        this.language = language;
        this.bundle = ResourceBundle.getBundle(
                BUNDLE,
                language.locale(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        this.date = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(language.locale());
        this.dateTime = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.LONG, FormatStyle.SHORT)
                .withLocale(language.locale());
    }

    static Messages of(Language language) {
        return new Messages(language);
    }

    Language language() {
        return language;
    }

    String get(String key) {
        return bundle.getString(key);
    }

    boolean has(String key) {
        return bundle.containsKey(key);
    }

    /** A label with {0}, {1}... filled in; labels used this way contain no apostrophes. */
    String format(String key, Object... args) {
        return new MessageFormat(get(key), language.locale()).format(args);
    }

    String date(LocalDate day) {
        return date.format(day);
    }

    /** Date and time in the sitting's zone, with the zone named so the reader knows which clock it is. */
    String dateTime(Instant at, ZoneId zone) {
        return dateTime.format(at.atZone(zone)) + " (" + zone.getId() + ")";
    }
}
