package kz.emtihan.store;

/** The Redis key layout, in one place. */
public final class Keys {
    private Keys() {}

    public static String user(String id) {
        return "user:" + id;
    }

    public static String bank(String id) {
        return "bank:" + id;
    }

    public static String bankQuestions(String id) {
        return "bank:" + id + ":questions";
    }

    public static String exam(String id) {
        return "exam:" + id;
    }

    public static String examQuestions(String id) {
        return "exam:" + id + ":questions";
    }

    public static String roster(String id) {
        return "exam:" + id + ":roster";
    }

    public static String admission(String id) {
        return "exam:" + id + ":admission";
    }

    public static String presence(String id) {
        return "exam:" + id + ":presence";
    }

    public static String examAttempts(String id) {
        return "exam:" + id + ":attempts";
    }

    public static String exams() {
        return "exams";
    }

    public static String attempt(String id) {
        return "attempt:" + id;
    }

    public static String answers(String id) {
        return "attempt:" + id + ":answers";
    }

    public static String answered(String id) {
        return "attempt:" + id + ":answered";
    }

    public static String log(String id) {
        return "attempt:" + id + ":log";
    }

    public static String receipt(String id) {
        return "attempt:" + id + ":receipt";
    }

    public static String studentExams(String studentId) {
        return "student:" + studentId + ":exams";
    }

    public static String deadlines() {
        return "deadlines";
    }

    public static String toGrade() {
        return "to-grade";
    }
    // sign-in (issue 10): single tokens ended by logout, a sorted set of token id -> expiry (epoch s), per user
    public static String revokedTokens(String userId) {
        return "user:" + userId + ":revoked";
    }
    /** The channel on which a change of a user's standing (roles, password, disabled, logout) reaches every node. */
    public static String standingChannel() {
        return "auth:standing";
    }
    // failed sign-ins: per account from one address, per address, per account from anywhere (hash: n, last)
    public static String loginFailures(String account, String address) {
        return "login:fail:" + account + "|" + address;
    }
    /** Sign-ins of this account from this address being checked right now (their bcrypt not done yet). */
    public static String loginsInFlight(String account, String address) {
        return "login:in-flight:" + account + "|" + address;
    }

    public static String loginFailuresFrom(String address) {
        return "login:fail-from:" + address;
    }

    public static String loginFailuresOf(String account) {
        return "login:fail-of:" + account;
    }
}
