package kz.emtihan.bank.model;

import java.util.Locale;
import java.util.Optional;

/** 5.23.3: every question is easy, medium or hard; the bank mixes them 40/40/20. */
public enum Difficulty {
    EASY,
    MEDIUM,
    HARD;

    /** The JSON and YAML spelling: {@code easy}, {@code medium}, {@code hard}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Difficulty> fromCode(String code) {
        if (code == null) return Optional.empty();
        for (Difficulty d : values()) if (d.code().equals(code)) return Optional.of(d);
        return Optional.empty();
    }
}
