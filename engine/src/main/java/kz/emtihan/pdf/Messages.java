package kz.emtihan.pdf;

import java.text.MessageFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ResourceBundle;
import kz.emtihan.text.Formats;
import kz.emtihan.text.Language;

/**
 * The labels and date formats of one language for one kind of paper. Labels come from the bundle the paper names
 * ({@code kz.emtihan.sitting.documents.messages} for the sitting's papers); there is no fallback bundle, so a missing
 * key fails loudly instead of printing English.
 */
public final class Messages {
    private final Language language;
    private final ResourceBundle bundle;

    private Messages(String bundle, Language language) {
        this.language = language;
        this.bundle = ResourceBundle.getBundle(
                bundle,
                language.locale(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    /** @param bundle the base name of the paper's {@code .properties}, such as {@code kz.emtihan.sitting.documents.messages} */
    public static Messages of(String bundle, Language language) {
        return new Messages(bundle, language);
    }

    public Language language() {
        return language;
    }

    public String get(String key) {
        return bundle.getString(key);
    }

    public boolean has(String key) {
        return bundle.containsKey(key);
    }

    /** A label with {0}, {1}... filled in; labels used this way contain no apostrophes. */
    public String format(String key, Object... args) {
        return new MessageFormat(get(key), language.locale()).format(args);
    }

    /** Issue 15 (1): "2026 ж. 6 желтоқсан", "6 декабря 2026 г.", "6 December 2026" (CLDR's, {@link Formats}). */
    public String date(LocalDate day) {
        return Formats.date(day, language, Formats.Style.LONG);
    }

    /**
     * Date and time in the sitting's zone, with the zone named so the reader knows which clock it is: "2026 ж. 6
     * желтоқсан, 07:05 (Қазақстан уақыты, UTC+5)".
     */
    public String dateTime(Instant at, ZoneId zone) {
        return Formats.dateTimeInZone(at, zone, language);
    }
}
