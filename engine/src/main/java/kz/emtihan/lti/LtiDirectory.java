package kz.emtihan.lti;

import io.vertx.core.Future;
import java.util.List;
import java.util.Optional;
import kz.emtihan.auth.model.Role;
import kz.emtihan.lti.model.Platform;
import kz.emtihan.lti.model.ResourceLink;
import kz.emtihan.lti.model.ToolKey;

/**
 * What the LTI services (grades back, rosters from the course; issue 16, 3-4) need from the LTI registrations and
 * launches (issue 16, 1-2), kept in Redis.
 */
public interface LtiDirectory {
    Future<Optional<Platform>> platform(String platformId);

    /** Every resource link that opens this exam, with the services its latest launch offered. */
    Future<List<ResourceLink>> linksOfExam(String examId);

    /** Every resource link that opens this oral sitting (issue 16, 3 for sittings). */
    default Future<List<ResourceLink>> linksOfSitting(String sittingId) {
        return Future.succeededFuture(List.of());
    }

    /** Every sitting some resource link opens. */
    default Future<List<String>> linkedSittings() {
        return Future.succeededFuture(List.of());
    }

    /** The platform's user id ({@code sub}) of an Emtihan user, if the user came from that platform. */
    Future<Optional<String>> subjectOf(String platformId, String userId);

    /**
     * The Emtihan user id of a platform user, made on first sight (the same rule as a launch: Learner is a student,
     * Instructor a teacher).
     */
    Future<String> userFor(String platformId, String sub, String name, String email, Role role);

    /** Issue 16 (3): the news of new links this node's memory of linked exams listens to. */
    default LinkWatch linkNews() {
        return LinkWatch.NONE;
    }

    /** The key the tool signs with now: client assertions, deep-linking responses. */
    Future<ToolKey> signingKey();
}
