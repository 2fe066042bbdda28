package kz.emtihan.proctor.model;

/**
 * Where a student of a proctored exam stands, for the dashboard (issue 10, 4). The first four are stuck before or
 * at the start of their questions, and are listed first: the identity photos not sent, rejected (under policy wait:
 * no questions until new ones are approved), waiting for a proctor's approval, or the questions served but no camera
 * snapshot has arrived.
 */
public enum Stage {
    IDENTITY_MISSING("identity-missing", true),
    IDENTITY_REJECTED("identity-rejected", true),
    IDENTITY_PENDING("identity-pending", true),
    NO_SNAPSHOT("no-snapshot", true),
    NOT_STARTED("not-started", false),
    ANSWERING("answering", false),
    FINISHED("finished", false);

    private final String code;
    private final boolean stuck;

    Stage(String code, boolean stuck) {
        this.code = code;
        this.stuck = stuck;
    }

    public String code() {
        return code;
    }

    public boolean stuck() {
        return stuck;
    }

    /**
     * @param status the attempt's status code, null if not started
     * @param held the attempt is held for its identity step (no questions served yet)
     * @param identityStatus none | pending | approved | rejected
     * @param camera the exam takes camera snapshots
     * @param snapshotSeen a snapshot has arrived
     */
    public static Stage of(String status, boolean held, String identityStatus, boolean camera, boolean snapshotSeen) {
        if (status == null || status.equals("not-started")) return NOT_STARTED;
        if (!status.equals("in-progress")) return FINISHED;
        if (held) {
            return switch (identityStatus) {
                case "rejected" -> IDENTITY_REJECTED;
                case "pending" -> IDENTITY_PENDING;
                case "approved" -> IDENTITY_PENDING; // approved a moment ago: the release is on its way
                default -> IDENTITY_MISSING;
            };
        }
        if (camera && !snapshotSeen) return NO_SNAPSHOT;
        return ANSWERING;
    }
}
