package kz.emtihan.lti;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Request;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import kz.emtihan.auth.AuthKeys;
import kz.emtihan.auth.Caller;
import kz.emtihan.auth.Tokens;
import kz.emtihan.auth.Users;
import kz.emtihan.auth.model.Role;
import kz.emtihan.exam.Exams;
import kz.emtihan.exam.model.ExamAccess;
import kz.emtihan.lti.model.Launch;
import kz.emtihan.lti.model.LaunchRoles;
import kz.emtihan.lti.model.LtiRefusal;
import kz.emtihan.lti.model.ResourceLink;
import kz.emtihan.refusal.Refusal;
import kz.emtihan.store.RedisStore;

/**
 * Issue 16 (2): a verified launch becomes an Emtihan session. The platform user is linked to an account by (platform,
 * sub) and named from the claims, with the role the launch carries ({@link LaunchRoles}); the token goes back to the
 * page (never a cookie). A resource link is kept with the grade and roster services its launch offers and opens its
 * exam: the student lands on the rules page, the teacher on the exam; a link with no exam yet lets a teacher choose
 * one (as does deep linking); the launch is kept an hour for that step.
 */
public final class LaunchSignIn {
    static final Duration KEPT = Duration.ofHours(1);
    private final RedisStore store;
    private final RedisLtiDirectory directory;
    private final Users users;
    private final Tokens tokens;
    private final Exams exams;
    private final boolean administratorIsAdmin;
    /** Issue 16 (1): a Learner of a bound link is put on its exam's roster (the roster services plug in). */
    private volatile LaunchEnrolment enrolment = LaunchEnrolment.NONE;

    public LaunchSignIn(
            RedisStore store,
            RedisLtiDirectory directory,
            Users users,
            Tokens tokens,
            Exams exams,
            boolean administratorIsAdmin) {
        this.store = store;
        this.directory = directory;
        this.users = users;
        this.tokens = tokens;
        this.exams = exams;
        this.administratorIsAdmin = administratorIsAdmin;
    }

    /** Issue 16 (1): what a Learner's launch of a bound link does to the exam's roster. */
    public void enrolWith(LaunchEnrolment enrolment) {
        this.enrolment = enrolment;
    }

    /** {@code {token, user, launch: {id, messageType, ...}, next}}: next is the page to open, null to wait. */
    public Future<JsonObject> signIn(Launch launch) {
        Role role = LaunchRoles.role(launch.roles(), administratorIsAdmin)
                .orElseThrow(() -> Refusal.of(LtiRefusal.NO_ROLE));
        return directory
                .userFor(launch.platformId(), launch.sub(), launch.name(), launch.email(), role)
                .compose(userId -> users.find(userId)
                        .compose(found -> store.redis()
                                .send(Request.cmd(Command.HGET)
                                        .arg(AuthKeys.user(userId))
                                        .arg("tokenVersion"))
                                .compose(version -> {
                                    Caller caller = found.orElseThrow();
                                    // the launch's role, not every role the account holds: a teacher who learns
                                    // elsewhere
                                    // is a student here
                                    Caller here = new Caller(caller.id(), caller.name(), java.util.Set.of(role));
                                    String token = tokens.issue(
                                            here, version == null ? 0 : Long.parseLong(version.toString()));
                                    return place(launch, here)
                                            .compose(examId -> enrol(launch, role, examId, userId))
                                            .compose(examId -> keep(launch, userId, examId)
                                                    .map(launchId -> new JsonObject()
                                                            .put("token", token)
                                                            .put(
                                                                    "user",
                                                                    new JsonObject()
                                                                            .put("id", here.id())
                                                                            .put("name", here.name())
                                                                            .put(
                                                                                    "roles",
                                                                                    new JsonArray().add(role.code()))
                                                                            .putNull("language"))
                                                            .put(
                                                                    "launch",
                                                                    new JsonObject()
                                                                            .put("id", launchId)
                                                                            .put("messageType", launch.messageType())
                                                                            .put("role", role.code())
                                                                            .put("context", launch.contextTitle())
                                                                            .put("link", launch.resourceLinkTitle())
                                                                            .put("examId", examId.orElse(null)))
                                                            .put("next", next(launch, role, examId, launchId))));
                                })));
    }

    /**
     * Issue 16 (1): a Learner (never an Instructor) launching a resource link of this course that opens an exam is put
     * on its roster; a refusal there (the exam ended, its bank locked, a retake not theirs) is the launch's refusal.
     */
    private Future<Optional<String>> enrol(Launch launch, Role role, Optional<String> examId, String userId) {
        if (role != Role.STUDENT || launch.deepLinkingRequest() || examId.isEmpty())
            return Future.succeededFuture(examId);
        return enrolment.enrol(link(launch, examId.get()), userId).map(examId);
    }

    static String next(Launch launch, Role role, Optional<String> examId, String launchId) {
        if (launch.deepLinkingRequest()) return role == Role.STUDENT ? null : "lti-pick.html?launch=" + launchId;
        if (examId.isPresent())
            return role == Role.STUDENT ? "rules.html?exam=" + examId.get() : "exam.html?exam=" + examId.get();
        return role == Role.STUDENT ? null : "lti-pick.html?launch=" + launchId;
    }

    /**
     * The exam of a resource-link launch: the one the link opens already, else the exam named by its custom
     * parameter {@code exam} when this tool offered it to the platform by deep linking or the launching teacher
     * manages it (a custom parameter typed by hand in the LMS opens nothing else). The link is kept with the services
     * this launch offers.
     */
    private Future<Optional<String>> place(Launch launch, Caller caller) {
        if (launch.resourceLinkId().isEmpty()) return Future.succeededFuture(Optional.empty());
        String linkId = launch.resourceLinkId().get();
        return directory.link(launch.platformId(), linkId).compose(before -> {
            // issue 16 (1): a link belongs to its deployment and course; a launch from another opens nothing of it
            if (before.isPresent()
                    && !before.get()
                            .sameCourse(
                                    launch.deploymentId(), launch.contextId().orElse(null)))
                return Future.succeededFuture(Optional.<String>empty());
            Optional<String> bound = before.map(ResourceLink::examId);
            Future<Optional<String>> exam = bound.isPresent() ? Future.succeededFuture(bound) : custom(launch, caller);
            return exam.compose(examId ->
                    directory.saveLink(link(launch, examId.orElse(null))).map(examId));
        });
    }

    private Future<Optional<String>> custom(Launch launch, Caller caller) {
        String named = launch.custom().get("exam");
        if (named == null || named.isBlank()) return Future.succeededFuture(Optional.empty());
        return store.redis()
                .send(Request.cmd(Command.SISMEMBER)
                        .arg(LtiLaunchKeys.offered(launch.platformId()))
                        .arg(named))
                .compose(offered -> offered != null && offered.toInteger() == 1
                        ? Future.succeededFuture(Optional.of(named))
                        : exams.allowed(caller, named, ExamAccess.Action.MANAGE)
                                .map(e -> Optional.of(named))
                                .otherwise(Optional.empty()));
    }

    static ResourceLink link(Launch launch, String examId) {
        return new ResourceLink(
                launch.platformId(),
                launch.deploymentId(),
                launch.contextId().orElse(null),
                launch.resourceLinkId().orElseThrow(),
                examId,
                launch.ags().map(Launch.Ags::lineItem).orElse(null),
                launch.ags().map(Launch.Ags::lineItems).orElse(null),
                launch.ags().map(Launch.Ags::scopes).orElse(List.of()),
                launch.membershipsUrl().orElse(null));
    }

    /** The launch kept an hour for the teacher's next step, under a fresh id. */
    private Future<String> keep(Launch launch, String userId, Optional<String> examId) {
        String id = Launches.random();
        JsonObject kept = LaunchJson.write(launch).put("userId", userId).put("examId", examId.orElse(null));
        return store.redis()
                .send(Request.cmd(Command.SET)
                        .arg(LtiLaunchKeys.launch(id))
                        .arg(kept.encode())
                        .arg("PX")
                        .arg(KEPT.toMillis()))
                .map(id);
    }
}
