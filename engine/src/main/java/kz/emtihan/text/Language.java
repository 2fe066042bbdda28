package kz.emtihan.text;

import java.util.Locale;
import java.util.Optional;

/** The three languages every word a person reads is in. */
public enum Language {
    KK("kk"),
    RU("ru"),
    EN("en-GB");

    private final Locale locale;

    Language(String tag) {
        this.locale = Locale.forLanguageTag(tag);
    }

    /** The locale for dates and numbers; English uses day-month-year (en-GB). */
    public Locale locale() {
        return locale;
    }

    /** "kk", "ru" or "en". */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** "kk", "ru", "en" (any case, with or without a region); empty for anything else. */
    public static Optional<Language> parse(String tag) {
        if (tag == null) return Optional.empty();
        String primary = tag.trim().split("[-_;]", 2)[0].toLowerCase(Locale.ROOT);
        for (Language l : values()) if (l.code().equals(primary)) return Optional.of(l);
        return Optional.empty();
    }

    /**
     * The first of ours in an {@code Accept-Language} header, by its q-weights; empty when it names none of them.
     */
    public static Optional<Language> fromAcceptLanguage(String header) {
        if (header == null || header.isBlank()) return Optional.empty();
        try {
            for (Locale.LanguageRange range : Locale.LanguageRange.parse(header)) {
                Optional<Language> l = parse(range.getRange());
                if (l.isPresent() && range.getWeight() > 0) return l;
            }
        } catch (IllegalArgumentException malformed) {
            return Optional.empty();
        }
        return Optional.empty();
    }
}
