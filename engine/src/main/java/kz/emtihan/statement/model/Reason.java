package kz.emtihan.statement.model;

import java.util.Optional;

/** 5.34: the documented reasons for an extension the regulation names, and any other (explained in words). */
public enum Reason {
    ILLNESS("illness"),
    BIRTH("birth"),
    DEATH_IN_FAMILY("death-in-family"),
    OTHER("other");

    private final String code;

    Reason(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static Optional<Reason> fromCode(String code) {
        for (Reason r : values()) if (r.code.equals(code)) return Optional.of(r);
        return Optional.empty();
    }
}
