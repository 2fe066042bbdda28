package kz.emtihan.auth;

import java.util.Optional;
import kz.emtihan.text.Text;

/**
 * An account's e-mail address, where copies of sitting papers go (6.15.2). Checked simply, not by RFC 5322: one line
 * without spaces, exactly one @ with text on both sides, at most 254 characters (the SMTP path limit). Whether the
 * address exists is for the mail server to say.
 */
final class EmailAddress {
    static final int MAX_LENGTH = 254;

    private EmailAddress() {}

    /** Why {@code address} is not accepted, or empty when it is. */
    static Optional<Text> problem(String address) {
        int at = address.indexOf('@');
        boolean ok = address.length() <= MAX_LENGTH
                && at > 0
                && at == address.lastIndexOf('@')
                && at < address.length() - 1
                && address.chars()
                        .noneMatch(c -> Character.isWhitespace(c)
                                || Character.isISOControl(c)
                                || c == ','
                                || c == '<'
                                || c == '>');
        return ok ? Optional.empty() : Optional.of(AuthTexts.problem("email", "max", MAX_LENGTH));
    }
}
