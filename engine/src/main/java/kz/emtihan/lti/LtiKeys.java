package kz.emtihan.lti;

/**
 * Every Redis key of the LTI context (issue 16), spelled once. Registrations, links, accounts and the tool's keys
 * share the hash tag {@code {lti}} (one slot on a Cluster, issue 14 (2): a registration and its audit, a link and its
 * exam's index are written in one MULTI); the one-use values of launches (state, nonce) each live in a slot of their
 * own, with a time to live.
 */
public final class LtiKeys {
    private LtiKeys() {}

    /** Set of every platform id. */
    public static String platforms() {
        return "{lti}:platforms";
    }

    /** The platform's hash (its registration). */
    public static String platform(String id) {
        return "{lti}:platform:" + id;
    }

    /** Hash {@code issuer \n clientId} → platform id: a launch names its platform by these. */
    public static String platformIndex() {
        return "{lti}:platform-index";
    }

    /** List of registration changes (JSON: type, by, at, platform, before/after), newest last. */
    public static String audit() {
        return "{lti}:audit";
    }

    /** A resource link's JSON (its exam, its services), by platform and link id. */
    public static String link(String platformId, String resourceLinkId) {
        return "{lti}:link:" + platformId + ":" + resourceLinkId;
    }

    /** Set of the link keys ({@link #link}) that open an exam. */
    public static String linksOfExam(String examId) {
        return "{lti}:exam-links:" + examId;
    }

    /** Set of the link keys ({@link #link}) that open an oral sitting (issue 16, 2-3 for sittings). */
    public static String linksOfSitting(String sittingId) {
        return "{lti}:sitting-links:" + sittingId;
    }

    /** Set of the sittings some link opens: what the grade sweep goes over (issue 16, 3). */
    public static String linkedSittings() {
        return "{lti}:linked-sittings";
    }

    /** Hash sub → Emtihan user id, per platform. */
    public static String users(String platformId) {
        return "{lti}:users:" + platformId;
    }

    /** Hash platform id → sub, per Emtihan user. */
    public static String subjects(String userId) {
        return "{lti}:subjects:" + userId;
    }

    /** Hash kid → the tool's key (JSON: its schedule, its private and public parts). */
    public static String toolKeys() {
        return "{lti}:tool-keys";
    }

    /** A login initiation's state → what the launch must carry (JSON), kept for minutes and used once. */
    public static String state(String state) {
        return "lti:state:" + state;
    }

    /** A nonce seen in a launch (issue 16, 2: used once), kept as long as a token carrying it could still verify. */
    public static String nonce(String platformId, String nonce) {
        return "lti:nonce:" + platformId + ":" + nonce;
    }
}
