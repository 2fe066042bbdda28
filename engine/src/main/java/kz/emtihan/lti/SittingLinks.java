package kz.emtihan.lti;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Request;
import java.util.Optional;
import kz.emtihan.auth.Caller;
import kz.emtihan.lti.model.Launch;
import kz.emtihan.lti.model.ResourceLink;
import kz.emtihan.sitting.Sittings;
import kz.emtihan.store.RedisStore;

/**
 * Issue 16 (2) for oral sittings: a resource link may open a sitting (6.15) instead of a test. It is bound by deep
 * linking (the custom parameter {@code sitting}, trusted on the first launch of a link in the same deployment and
 * course where this tool offered it) or by a launching person who runs the sitting (its chair, its technical
 * secretary, an administrator: {@link Sittings#runBy}); a hand-typed parameter naming any other sitting opens
 * nothing. The student lands on the student's sitting page, everyone else on the sitting's page, whose own access
 * rules decide what they see: a launch gives no one a part in a sitting.
 */
final class SittingLinks {
    static final String PARAM = "sitting";
    private final RedisStore store;
    private final RedisLtiDirectory directory;
    private final Sittings sittings;

    SittingLinks(RedisStore store, RedisLtiDirectory directory, Sittings sittings) {
        this.store = store;
        this.directory = directory;
        this.sittings = sittings;
    }

    /** Whether this launch's link opens a sitting, or asks to: bound to one, or unbound and naming one. */
    static boolean concerns(Launch launch, Optional<ResourceLink> before) {
        if (before.map(ResourceLink::sittingId).isPresent()) return true;
        if (before.map(ResourceLink::examId).isPresent()) return false;
        String named = launch.custom().get(PARAM);
        String exam = launch.custom().get("exam");
        return named != null && !named.isBlank() && (exam == null || exam.isBlank());
    }

    /** The member of the platform's offered set for a sitting offered in one deployment and course. */
    static String offered(String deploymentId, String contextId, String sittingId) {
        return "sitting " + deploymentId + " " + (contextId == null ? "" : contextId) + " " + sittingId;
    }

    /** The sitting the link opens (kept with the services this launch offers), if any. */
    Future<Optional<String>> place(Launch launch, Caller caller, Optional<ResourceLink> before) {
        Optional<String> bound = before.map(ResourceLink::sittingId);
        Future<Optional<String>> sitting = bound.isPresent() ? Future.succeededFuture(bound) : named(launch, caller);
        return sitting.compose(id -> {
            ResourceLink link = LaunchSignIn.link(launch, null);
            return directory
                    .saveLink(id.isPresent() ? link.toSitting(id.get()) : link)
                    .map(id);
        });
    }

    private Future<Optional<String>> named(Launch launch, Caller caller) {
        String named = launch.custom().get(PARAM).strip();
        return store.redis()
                .send(Request.cmd(Command.SISMEMBER)
                        .arg(LtiLaunchKeys.offered(launch.platformId()))
                        .arg(offered(launch.deploymentId(), launch.contextId().orElse(null), named)))
                .compose(offered -> offered != null && offered.toInteger() == 1
                        ? Future.succeededFuture(Optional.of(named))
                        : sittings.runBy(caller, named)
                                .map(s -> Optional.of(named))
                                .otherwise(Optional.empty()));
    }

    /** The page a launch of a sitting's link opens. */
    static String page(boolean student, String sittingId) {
        return (student ? "sitting-student.html?sitting=" : "sitting.html?sitting=") + sittingId;
    }

    /** The sitting as the launching person may bind it, for LinkChoices: {@code {id, title}}. */
    Future<JsonObject> runBy(Caller caller, String sittingId) {
        return sittings.runBy(caller, sittingId);
    }
}
