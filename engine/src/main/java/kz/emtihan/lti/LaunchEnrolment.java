package kz.emtihan.lti;

import io.vertx.core.Future;
import kz.emtihan.lti.model.ResourceLink;

/**
 * Issue 16 (1): what a Learner's launch of a link bound to an exam does besides signing them in: puts them on the
 * exam's roster (built by the roster services, {@code lti.services.LaunchRoster}, which plug in here so this package
 * does not depend on them). A failure is the launch's refusal, shown on the launch page.
 */
@FunctionalInterface
public interface LaunchEnrolment {
    /** Nothing: a tool without the roster services. */
    LaunchEnrolment NONE = (link, studentId) -> Future.succeededFuture();

    Future<Void> enrol(ResourceLink link, String studentId);
}
