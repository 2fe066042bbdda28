package kz.emtihan.lti.services;

/**
 * Issue 16 (3-4): the platform did not answer as asked: its HTTP status (0 when it could not be reached) and the
 * beginning of its body, kept with the grade's state so the teacher sees what the platform said.
 */
final class PlatformAnswer extends RuntimeException {
    static final int EXCERPT = 500;
    private final int status;
    private final String body;

    PlatformAnswer(String what, int status, String body) {
        super(what + ": HTTP " + status + " " + excerpt(body));
        this.status = status;
        this.body = excerpt(body);
    }

    static PlatformAnswer unreachable(String what, Throwable cause) {
        return new PlatformAnswer(what, 0, cause.getMessage() == null ? cause.toString() : cause.getMessage());
    }

    int status() {
        return status;
    }

    String body() {
        return body;
    }

    static String excerpt(String body) {
        if (body == null) return "";
        String flat = body.strip();
        return flat.length() <= EXCERPT ? flat : flat.substring(0, EXCERPT) + "…";
    }

    /** What a failure of a platform call says: its own answer, or the reason the call did not happen. */
    static PlatformAnswer of(String what, Throwable err) {
        return err instanceof PlatformAnswer p ? p : unreachable(what, err);
    }
}
