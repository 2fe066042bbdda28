package kz.emtihan.lti.services.model;

import java.util.List;

/**
 * Issue 16 (4): one member of a course as the platform's Names and Role Provisioning Service lists it: its user id
 * there ({@code sub}), name, e-mail, LIS roles and status.
 */
public record Member(String sub, String name, String email, List<String> roles, String status) {
    private static final String MEMBERSHIP = "http://purl.imsglobal.org/vocab/lis/v2/membership#";

    public Member {
        roles = List.copyOf(roles);
        status = status == null || status.isBlank() ? "Active" : status;
    }

    /** A member still in the course: NRPS status Active (absent means Active). */
    public boolean active() {
        return status.equals("Active");
    }

    /**
     * Issue 16 (4): a learner of the course becomes a student on the roster; anyone who also teaches it (Instructor,
     * and its sub-roles such as TeachingAssistant) is not a student, whatever else they are.
     */
    public boolean learner() {
        return roles.stream().anyMatch(r -> isRole(r, "Learner")) && !instructor();
    }

    public boolean instructor() {
        return roles.stream().anyMatch(r -> isRole(r, "Instructor") || r.startsWith(MEMBERSHIP + "Instructor#"));
    }

    /** A role as LTI 1.3 writes it: the full membership URI, or the short name the specification still accepts. */
    static boolean isRole(String role, String name) {
        return role.equals(MEMBERSHIP + name) || role.equals(name);
    }
}
