package kz.emtihan.auth.model;

import java.util.Optional;

/**
 * The roles of API.md, and those the regulation names for its approvals (issue 13): the head of department who
 * records a bank's approval (5.19), the dean, the director of the academic department and the vice-rector who sign an
 * extension in that order (5.34; the dean's office then issues the individual statement).
 */
public enum Role {
    ADMIN,
    TEACHER,
    EXPERT,
    PROCTOR,
    STUDENT,
    SECRETARY,
    COMMISSION,
    REGISTRAR,
    HEAD,
    DEAN,
    DIRECTOR,
    VICE_RECTOR;

    /** {@code vice-rector} for {@link #VICE_RECTOR}: the lower-case name with hyphens. */
    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    public static Optional<Role> fromCode(String code) {
        for (Role r : values()) if (r.code().equals(code)) return Optional.of(r);
        return Optional.empty();
    }
}
