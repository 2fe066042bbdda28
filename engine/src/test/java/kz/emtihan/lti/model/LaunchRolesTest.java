package kz.emtihan.lti.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import kz.emtihan.auth.model.Role;
import org.junit.jupiter.api.Test;

/** Issue 16 (2): Learner → student, Instructor → teacher, an administrator nothing more than teacher unless mapped. */
class LaunchRolesTest {
    static final String M = "http://purl.imsglobal.org/vocab/lis/v2/membership#";
    static final String ADMIN = "http://purl.imsglobal.org/vocab/lis/v2/institution/person#Administrator";

    @Test
    void rolesMapAsTheIssueSays() {
        assertEquals(Optional.of(Role.STUDENT), LaunchRoles.role(List.of(M + "Learner"), false));
        assertEquals(Optional.of(Role.TEACHER), LaunchRoles.role(List.of(M + "Instructor"), false));
        assertEquals(Optional.of(Role.TEACHER), LaunchRoles.role(List.of(M + "Learner", M + "Instructor"), false));
        // Moodle's site administrator: institution Administrator, membership Instructor, system Administrator
        List<String> moodleAdmin =
                List.of(ADMIN, M + "Instructor", "http://purl.imsglobal.org/vocab/lis/v2/system/person#Administrator");
        assertEquals(Optional.of(Role.TEACHER), LaunchRoles.role(moodleAdmin, false));
        assertEquals(Optional.of(Role.ADMIN), LaunchRoles.role(moodleAdmin, true));
        assertEquals(Optional.empty(), LaunchRoles.role(List.of(M + "Mentor"), true));
        assertEquals(Optional.empty(), LaunchRoles.role(List.of("urn:example:Instructor"), false), "not LIS");
    }
}
