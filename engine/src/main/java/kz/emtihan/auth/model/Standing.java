package kz.emtihan.auth.model;

import java.util.Optional;
import java.util.Set;
import kz.emtihan.text.Language;

/**
 * What a user's tokens are measured against (issue 10, 1): whether the account still exists and is enabled, its
 * credential version (raised by a change of roles or password, by disabling, by "log out everywhere") and the ids
 * of single tokens ended by logout. A token carries the version it was issued under and its own id. Beside them, read
 * in the same round trip and kept in the same copy, the language the user saved (answers that name none are in it).
 */
public record Standing(
        boolean exists, boolean disabled, long version, Set<String> revoked, Optional<Language> language) {
    public static final Standing GONE = new Standing(false, false, 0, Set.of());

    public Standing {
        revoked = Set.copyOf(revoked);
        language = language == null ? Optional.empty() : language;
    }

    /** A standing with no saved language. */
    public Standing(boolean exists, boolean disabled, long version, Set<String> revoked) {
        this(exists, disabled, version, revoked, Optional.empty());
    }

    /** Why a token is no longer honoured, or {@code ACCEPTED}. */
    public enum Verdict {
        ACCEPTED,
        NO_ACCOUNT,
        DISABLED,
        SUPERSEDED,
        LOGGED_OUT
    }

    public Verdict judge(long tokenVersion, String tokenId) {
        if (!exists) return Verdict.NO_ACCOUNT;
        if (disabled) return Verdict.DISABLED;
        if (tokenVersion != version) return Verdict.SUPERSEDED;
        if (revoked.contains(tokenId)) return Verdict.LOGGED_OUT;
        return Verdict.ACCEPTED;
    }
}
