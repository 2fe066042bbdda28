package kz.emtihan.lti.services;

import io.vertx.core.Future;
import java.util.List;
import java.util.Optional;
import kz.emtihan.auth.model.Role;
import kz.emtihan.lti.LtiDirectory;
import kz.emtihan.lti.model.Platform;
import kz.emtihan.lti.model.ResourceLink;
import kz.emtihan.lti.model.ToolKey;

/** Until the LTI registrations are wired: no platform, no link, so nothing is sent and no roster is filled. */
public final class NoPlatforms implements LtiDirectory {
    @Override
    public Future<Optional<Platform>> platform(String platformId) {
        return Future.succeededFuture(Optional.empty());
    }

    @Override
    public Future<List<ResourceLink>> linksOfExam(String examId) {
        return Future.succeededFuture(List.of());
    }

    @Override
    public Future<Optional<String>> subjectOf(String platformId, String userId) {
        return Future.succeededFuture(Optional.empty());
    }

    @Override
    public Future<String> userFor(String platformId, String sub, String name, String email, Role role) {
        return Future.failedFuture(new IllegalStateException("no LTI platform is registered"));
    }

    @Override
    public Future<ToolKey> signingKey() {
        return Future.failedFuture(new IllegalStateException("no LTI tool key"));
    }
}
