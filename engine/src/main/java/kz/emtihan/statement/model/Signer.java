package kz.emtihan.statement.model;

import java.util.List;
import java.util.Optional;
import kz.emtihan.auth.model.Role;

/** 5.34: the application is signed by the dean, the director of the academic department and the vice-rector, in that order. */
public enum Signer {
    DEAN(Role.DEAN),
    DIRECTOR(Role.DIRECTOR),
    VICE_RECTOR(Role.VICE_RECTOR);

    /** The order of 5.34. */
    public static final List<Signer> ORDER = List.of(DEAN, DIRECTOR, VICE_RECTOR);

    private final Role role;

    Signer(Role role) {
        this.role = role;
    }

    public Role role() {
        return role;
    }

    public static Optional<Signer> fromCode(String code) {
        for (Signer s : values()) if (s.role.code().equals(code)) return Optional.of(s);
        return Optional.empty();
    }
}
