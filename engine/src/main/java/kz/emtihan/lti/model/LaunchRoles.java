package kz.emtihan.lti.model;

import java.util.List;
import java.util.Optional;
import kz.emtihan.auth.model.Role;

/**
 * Issue 16 (2): the Emtihan role of a launch, from its LTI roles (LIS vocabulary, LTI 1.3 Core A.2): an Instructor
 * (or a TeachingAssistant, ContentDeveloper) is a teacher, a Learner a student; the platform's administrator
 * (institution or system role Administrator, or the context role) is nothing more than a teacher unless {@code
 * lti.administratorRole} says admin. Teaching wins over learning when both are given.
 */
public final class LaunchRoles {
    private static final String MEMBERSHIP = "http://purl.imsglobal.org/vocab/lis/v2/membership#";

    private LaunchRoles() {}

    public static Optional<Role> role(List<String> ltiRoles, boolean administratorIsAdmin) {
        boolean admin = false;
        boolean teaches = false;
        boolean learns = false;
        for (String r : ltiRoles) {
            String term = r.substring(r.lastIndexOf('#') + 1);
            if (r.startsWith(MEMBERSHIP + "Instructor#")) term = "Instructor"; // sub-roles: membership/Instructor#...
            boolean lis = r.startsWith("http://purl.imsglobal.org/vocab/lis/v2/") || !r.contains(":");
            if (!lis) continue;
            switch (term) {
                case "Administrator", "SysAdmin" -> admin = true;
                case "Instructor", "TeachingAssistant", "ContentDeveloper" -> teaches = true;
                case "Learner", "Student" -> learns = true;
                default -> {}
            }
        }
        if (admin) return Optional.of(administratorIsAdmin ? Role.ADMIN : Role.TEACHER);
        if (teaches) return Optional.of(Role.TEACHER);
        if (learns) return Optional.of(Role.STUDENT);
        return Optional.empty();
    }
}
