package kz.emtihan.auth;

import kz.emtihan.store.Slots;

/** Every Redis key and pub/sub channel of the auth context (accounts, sign-in, sessions), spelled once. */
public final class AuthKeys {
    private AuthKeys() {}

    /** Set of every account id. */
    public static String users() {
        return "users";
    }

    /** The account's hash. */
    public static String user(String id) {
        return "user:" + id;
    }

    /**
     * The account's photo (the identity step compares the student's face with it). Issue 14 (2): in the slot of the
     * account's hash ({@code {user:<id>}:photo}), which holds its type: both are written and read in one MULTI.
     */
    public static String userPhoto(String id) {
        return Slots.beside(user(id), ":photo");
    }

    /** The photo's name before issue 14 (renamed once by {@code upgrade.SlottedKeys}). */
    public static String userPhotoBefore14(String id) {
        return user(id) + ":photo";
    }

    /** Issue 10: single tokens ended by logout, a sorted set of token id -> expiry (epoch s), per user. */
    public static String revokedTokens(String userId) {
        return "user:" + userId + ":revoked";
    }

    /** The channel on which a change of a user's standing (roles, password, disabled, logout) reaches every node. */
    public static String standingChannel() {
        return "auth:standing";
    }

    /** Failed sign-ins of an account from one address (hash: n, last). */
    public static String loginFailures(String account, String address) {
        return "login:fail:" + account + "|" + address;
    }

    /** Sign-ins of this account from this address being checked right now (their bcrypt not done yet). */
    public static String loginsInFlight(String account, String address) {
        return "login:in-flight:" + account + "|" + address;
    }

    /** Failed sign-ins from an address, whatever the account. */
    public static String loginFailuresFrom(String address) {
        return "login:fail-from:" + address;
    }

    /** Failed sign-ins of an account, from anywhere. */
    public static String loginFailuresOf(String account) {
        return "login:fail-of:" + account;
    }
}
