package kz.emtihan.auth.model;

import java.util.Optional;

/** The roles of API.md. */
public enum Role {
    ADMIN,
    TEACHER,
    EXPERT,
    PROCTOR,
    STUDENT,
    SECRETARY,
    COMMISSION,
    REGISTRAR;

    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static Optional<Role> fromCode(String code) {
        for (Role r : values()) if (r.code().equals(code)) return Optional.of(r);
        return Optional.empty();
    }
}
