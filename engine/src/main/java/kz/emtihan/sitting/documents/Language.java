package kz.emtihan.sitting.documents;

import java.util.Locale;

/** The language a sitting is held in, and so the language of all its documents. */
public enum Language {
    KK("kk"),
    RU("ru"),
    EN("en-GB");

    private final Locale locale;

    Language(String tag) {
        this.locale = Locale.forLanguageTag(tag);
    }

    /** The locale for dates and the message table; English uses day-month-year (en-GB). */
    public Locale locale() {
        return locale;
    }
}
