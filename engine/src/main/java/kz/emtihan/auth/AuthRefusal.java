package kz.emtihan.auth;

import java.util.List;
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

    private final String code;
    private final Kind kind;
    private final List<String> args;

    AuthRefusal(String code, Kind kind, String... args) {
        this.code = code;
        this.kind = kind;
        this.args = List.of(args);
    }

    @Override
    public String code() {
        return code;
    }

    @Override
    public Kind kind() {
        return kind;
    }

    @Override
    public List<String> args() {
        return args;
    }
}
