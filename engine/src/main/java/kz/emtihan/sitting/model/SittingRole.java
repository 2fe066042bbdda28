package kz.emtihan.sitting.model;

import java.util.Optional;

/**
 * A person's part in one sitting (6.15.4, 6.15.6): the technical secretary, the commission's chair and members, the
 * appeal commission's chair, deputy and members, and the students. Someone with none of these parts (an administrator,
 * a colleague on another sitting) has no {@link SittingRole} at all: they take no step of the sitting.
 */
public enum SittingRole {
    SECRETARY("secretary"),
    CHAIR("chair"),
    MEMBER("member"),
    APPEAL_CHAIR("appeal-chair"),
    APPEAL_DEPUTY("appeal-deputy"),
    APPEAL_MEMBER("appeal-member"),
    STUDENT("student");

    private final String code;

    SittingRole(String code) {
        this.code = code;
    }

    /** The word the API and the pages use ({@code role} in a sitting's view). */
    public String code() {
        return code;
    }

    /** Whether the part sits on the commission that examines (6.15.6): the secretary, the chair, a member. */
    public boolean examines() {
        return this == SECRETARY || this == CHAIR || this == MEMBER;
    }

    public static Optional<SittingRole> ofCode(String code) {
        for (SittingRole r : values()) if (r.code.equals(code)) return Optional.of(r);
        return Optional.empty();
    }
}
