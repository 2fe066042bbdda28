package kz.emtihan.auth;

import kz.emtihan.refusal.Kind;
import kz.emtihan.refusal.RefusalCode;

/**
 * Refusals of signing in and of accounts. Sentences: {@code refusals_<lang>.properties} in this package; the problems
 * of {@link #INVALID_USERS} and the names of things are {@link AuthTexts}.
 */
public enum AuthRefusal implements RefusalCode {
    /** Wrong username or password; which of the two is not said (5.11.2). */
    BAD_CREDENTIALS("bad-credentials", Kind.UNAUTHENTICATED),
    ACCOUNT_DISABLED("account-disabled", Kind.FORBIDDEN),
    /** Too many failed sign-ins (issue 10, 2); {@code seconds} to wait, also in {@code retryAfter}. */
    TOO_MANY_ATTEMPTS("too-many-attempts", Kind.TOO_MANY, "seconds"),
    CANNOT_DISABLE_SELF("cannot-disable-self", Kind.CONFLICT),
    /** {@code count} problems of a list of accounts, each with its index (or line of a CSV file). */
    INVALID_USERS("invalid-users", Kind.INVALID, "count");

    private final Declared declared;

    AuthRefusal(String code, Kind kind, String... args) {
        this.declared = new Declared(code, kind, args);
    }

    @Override
    public Declared declared() {
        return declared;
    }
}
