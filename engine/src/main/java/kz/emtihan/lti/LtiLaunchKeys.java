package kz.emtihan.lti;

/** The one-use and short-lived keys of launches (issue 16, 2), each in a slot of its own. */
final class LtiLaunchKeys {
    private LtiLaunchKeys() {}

    /** A verified launch, for the teacher's next step (bind the link, answer deep linking), kept an hour. */
    static String launch(String id) {
        return "lti:launch:" + id;
    }

    /** A dynamic-registration code an administrator made (one use, a day). */
    static String registrationCode(String code) {
        return "lti:registration-code:" + code;
    }

    /** Set of the exams this tool offered to a platform by deep linking (their custom parameter is trusted). */
    static String offered(String platformId) {
        return "{lti}:offered:" + platformId;
    }
}
