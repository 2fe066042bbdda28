package kz.emtihan.sitting.documents;

/**
 * A commission member as named on a document, with the role they sign in.
 *
 * @param name full name as it must appear under the signature line
 * @param role CHAIR, DEPUTY_CHAIR (signs an appeal when the chair is away, 6.15.4), MEMBER or SECRETARY
 */
public record Person(String name, Role role) {

    /** The capacity in which a person sits on a commission. */
    public enum Role {
        CHAIR,
        DEPUTY_CHAIR,
        MEMBER,
        SECRETARY
    }

    public Person {
        name = Check.text("name", name);
        Check.present("role", role);
    }

    /** Whether this person gives a score (6.15.6: every member scores; the technical secretary does not). */
    public boolean scores() {
        return role != Role.SECRETARY;
    }
}
