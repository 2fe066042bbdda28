package kz.emtihan.lti.services;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import kz.emtihan.lti.LtiDirectory;
import kz.emtihan.lti.model.Platform;
import kz.emtihan.lti.model.ResourceLink;
import kz.emtihan.lti.services.model.GradeTarget;
import kz.emtihan.lti.services.model.Scopes;
import kz.emtihan.lti.services.model.ServiceLinks;

/**
 * Issue 16 (3): sends one queued grade to the line item of every resource link of its exam (or sitting) whose platform knows the
 * student (Assignment and Grade Services 2.0, 3.4: a Score with the platform's user id, the points, Completed and
 * FullyGraded, the time and the letter as the comment). A link with no line item but a line items URL gets the one
 * tagged for its resource link, made if there is none and the platform granted the lineitem scope.
 */
final class GradeSender {
    static final String SCORE_TYPE = "application/vnd.ims.lis.v1.score+json";
    static final String LINEITEM_TYPE = "application/vnd.ims.lis.v2.lineitem+json";
    static final String CONTAINER_TYPE = "application/vnd.ims.lis.v2.lineitemcontainer+json";
    private final WebClient http;
    private final LtiDirectory directory;
    private final PlatformTokens tokens;
    private final Function<GradeTarget, Future<String>> title;
    private final long timeoutMillis;

    /**
     * What a try came to: every link that should take the score took it ({@code failure} null), or the first
     * platform answer that was not 2xx; {@code done} the links that took it so far; {@code nobody} when no link's
     * platform knows the student (nothing to retry).
     */
    record Outcome(List<String> done, PlatformAnswer failure, boolean nobody) {}

    GradeSender(
            WebClient http,
            LtiDirectory directory,
            PlatformTokens tokens,
            Function<GradeTarget, Future<String>> title,
            Duration timeout) {
        this.http = http;
        this.directory = directory;
        this.tokens = tokens;
        this.title = title;
        this.timeoutMillis = timeout.toMillis();
    }

    /** Whether a link offers grades back: a line item, or line items and a scope to read or make them. */
    static boolean takesGrades(ResourceLink l) {
        return l.agsScopes().contains(Scopes.SCORE) && (l.lineItemUrl() != null || l.lineItemsUrl() != null);
    }

    /** What the job is a result of: its exam, or its oral sitting (issue 16, 3 for sittings). */
    static GradeTarget target(Map<String, String> job) {
        String sitting = job.get("sittingId");
        return sitting != null ? GradeTarget.ofSitting(sitting) : GradeTarget.exam(job.get("examId"));
    }

    static String linkKey(ResourceLink l) {
        return l.platformId() + "|" + l.resourceLinkId();
    }

    Future<Outcome> send(Map<String, String> job) {
        String student = job.get("studentId");
        Set<String> done = new HashSet<>(List.of(job.getOrDefault("done", "").split(" ")));
        done.remove("");
        GradeTarget target = target(job);
        return (target.sitting() ? directory.linksOfSitting(target.id()) : directory.linksOfExam(target.id()))
                .compose(links -> {
                    List<ResourceLink> graded =
                            links.stream().filter(GradeSender::takesGrades).toList();
                    List<String> doneNow = new ArrayList<>(done);
                    Future<Boolean> chain = Future.succeededFuture(false);
                    for (ResourceLink l : graded) {
                        if (done.contains(linkKey(l))) {
                            chain = chain.map(true);
                            continue;
                        }
                        chain = chain.compose(anyone -> toLink(l, student, job).map(sent -> {
                            if (sent) doneNow.add(linkKey(l));
                            return anyone || sent;
                        }));
                    }
                    return chain.map(anyone -> new Outcome(doneNow, null, !anyone))
                            .recover(err -> Future.succeededFuture(
                                    new Outcome(doneNow, PlatformAnswer.of("score", err), false)));
                });
    }

    /** Sends the score to one link; false when its platform does not know the student. */
    private Future<Boolean> toLink(ResourceLink link, String student, Map<String, String> job) {
        return Future.all(directory.platform(link.platformId()), directory.subjectOf(link.platformId(), student))
                .compose(both -> {
                    java.util.Optional<Platform> platform = both.resultAt(0);
                    java.util.Optional<String> sub = both.resultAt(1);
                    if (platform.isEmpty() || sub.isEmpty()) return Future.succeededFuture(false);
                    Platform p = platform.get();
                    return lineItem(p, link, job)
                            .compose(item -> post(p, link, item, sub.get(), job))
                            .map(true);
                });
    }

    private Future<Void> post(Platform p, ResourceLink link, String lineItem, String sub, Map<String, String> job) {
        JsonObject score = new JsonObject()
                .put("userId", sub)
                .put("scoreGiven", Double.parseDouble(job.get("scoreGiven")))
                .put("scoreMaximum", Double.parseDouble(job.get("scoreMaximum")))
                .put("comment", job.get("letter"))
                .put("timestamp", job.get("timestamp"))
                .put("activityProgress", "Completed")
                .put("gradingProgress", "FullyGraded");
        Set<String> scopes = Set.of(Scopes.SCORE);
        return tokens.token(p, scopes)
                .compose(token -> http.postAbs(ServiceLinks.scoresOf(lineItem))
                        .timeout(timeoutMillis)
                        .putHeader("Authorization", "Bearer " + token)
                        .putHeader("Content-Type", SCORE_TYPE)
                        .sendBuffer(Buffer.buffer(score.encode()))
                        .recover(err -> Future.failedFuture(PlatformAnswer.unreachable("score", err))))
                .compose(res -> checked(p, scopes, "score", res))
                .mapEmpty();
    }

    /** The link's line item: given by the launch, else the one of its resource link, else a new one. */
    private Future<String> lineItem(Platform p, ResourceLink link, Map<String, String> job) {
        if (link.lineItemUrl() != null) return Future.succeededFuture(link.lineItemUrl());
        boolean mayCreate = link.agsScopes().contains(Scopes.LINEITEM);
        Set<String> scopes = Set.of(mayCreate ? Scopes.LINEITEM : Scopes.LINEITEM_READONLY);
        String url = ServiceLinks.withParam(link.lineItemsUrl(), "resource_link_id", link.resourceLinkId());
        return tokens.token(p, scopes)
                .compose(token -> http.getAbs(url)
                        .timeout(timeoutMillis)
                        .putHeader("Authorization", "Bearer " + token)
                        .putHeader("Accept", CONTAINER_TYPE)
                        .send()
                        .recover(err -> Future.failedFuture(PlatformAnswer.unreachable("lineitems", err)))
                        .compose(res -> checked(p, scopes, "lineitems", res))
                        .compose(res -> {
                            JsonArray items = new JsonArray(res.bodyAsString());
                            for (Object o : items)
                                if (o instanceof JsonObject item && item.getString("id") != null)
                                    return Future.succeededFuture(item.getString("id"));
                            if (!mayCreate)
                                return Future.failedFuture(new PlatformAnswer("lineitems", res.statusCode(), "[]"));
                            return create(p, link, token, job, scopes);
                        }));
    }

    private Future<String> create(
            Platform p, ResourceLink link, String token, Map<String, String> job, Set<String> scopes) {
        return title.apply(target(job)).compose(title -> {
            JsonObject item = new JsonObject()
                    .put("scoreMaximum", Double.parseDouble(job.get("scoreMaximum")))
                    .put("label", title)
                    .put("resourceLinkId", link.resourceLinkId())
                    .put("resourceId", target(job).id())
                    .put("tag", "emtihan");
            return http.postAbs(link.lineItemsUrl())
                    .timeout(timeoutMillis)
                    .putHeader("Authorization", "Bearer " + token)
                    .putHeader("Content-Type", LINEITEM_TYPE)
                    .putHeader("Accept", LINEITEM_TYPE)
                    .sendBuffer(Buffer.buffer(item.encode()))
                    .recover(err -> Future.failedFuture(PlatformAnswer.unreachable("lineitem", err)))
                    .compose(res -> checked(p, scopes, "lineitem", res))
                    .compose(res -> {
                        String id = new JsonObject(res.bodyAsString()).getString("id");
                        return id == null
                                ? Future.failedFuture(
                                        new PlatformAnswer("lineitem", res.statusCode(), res.bodyAsString()))
                                : Future.succeededFuture(id);
                    });
        });
    }

    /** A 2xx answer passes; any other fails with the platform's status and body (a 401 also drops the token). */
    private Future<HttpResponse<Buffer>> checked(
            Platform p, Set<String> scopes, String what, HttpResponse<Buffer> res) {
        if (res.statusCode() / 100 == 2) return Future.succeededFuture(res);
        if (res.statusCode() == 401) tokens.forget(p, scopes);
        return Future.failedFuture(new PlatformAnswer(what, res.statusCode(), res.bodyAsString()));
    }
}
