package kz.emtihan.lti.model;

import java.util.List;

/**
 * A place in an LMS course that opens an Emtihan exam (issue 16, 2), with the services the launch offered: the line
 * item where the grade goes (Assignment and Grade Services, issue 16, 3) and the course's membership (Names and Role
 * Provisioning Services, issue 16, 4). A service the platform did not offer is {@code null} (scopes empty).
 */
public record ResourceLink(
        String platformId,
        String deploymentId,
        String contextId,
        String resourceLinkId,
        String examId,
        String lineItemUrl,
        String lineItemsUrl,
        List<String> agsScopes,
        String membershipsUrl) {
    public ResourceLink {
        agsScopes = List.copyOf(agsScopes);
    }

    /**
     * Issue 16 (1): whether a launch from this deployment and course ({@code context.id}, null without one) is of the
     * course the link was made in. A link belongs to its course: a launch carrying its id from another deployment or
     * course (a platform's mistake, or its copy of a course) neither opens its exam nor puts anyone on its roster.
     */
    public boolean sameCourse(String deploymentId, String contextId) {
        return java.util.Objects.equals(this.deploymentId, deploymentId)
                && java.util.Objects.equals(this.contextId, contextId);
    }
}
