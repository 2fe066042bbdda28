package kz.emtihan.proctor.model;

import java.util.Optional;

/** A reviewer's conclusion about one attempt (issue 4, 6). */
public enum Verdict {
    CLEAN("clean"),
    SUSPICIOUS("suspicious"),
    VIOLATION("violation");

    private final String code;

    Verdict(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static Optional<Verdict> fromCode(String code) {
        for (Verdict v : values()) if (v.code.equals(code)) return Optional.of(v);
        return Optional.empty();
    }
}
