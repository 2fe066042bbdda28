package kz.emtihan.refusal;

/**
 * What sort of refusal it is, in the domain's words. Only {@code http} turns a kind into a status code, so a
 * service never says "409": it says the request came at the wrong moment.
 */
public enum Kind {
    /** The input itself is wrong: a missing or malformed field, a bad file. */
    INVALID,
    /** Nobody is signed in, or the credentials are wrong. */
    UNAUTHENTICATED,
    /** The caller is known but this is not theirs to do or see. */
    FORBIDDEN,
    /** There is no such thing (or the caller may not know it exists). */
    NOT_FOUND,
    /** Right input, wrong moment: the state of the thing does not allow it now. */
    CONFLICT,
    /** The input is larger than allowed. */
    TOO_LARGE,
    /** The input is of a type not accepted here. */
    UNSUPPORTED_TYPE,
    /** Too many requests; the caller is to wait. */
    TOO_MANY,
    /** The engine cannot do it now (its store or disk); nothing changed, try again. */
    UNAVAILABLE,
    /** The thing is kept elsewhere and cannot be changed this way here. */
    READ_ONLY,
    /** The engine has no room left to keep it (a full disk); nothing was kept, the rest goes on. */
    NO_STORAGE
}
