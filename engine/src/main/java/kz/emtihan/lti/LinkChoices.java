package kz.emtihan.lti;

import io.jsonwebtoken.Jwts;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Request;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import kz.emtihan.auth.Caller;
import kz.emtihan.exam.Exams;
import kz.emtihan.exam.model.Exam;
import kz.emtihan.exam.model.ExamAccess;
import kz.emtihan.lti.model.Launch;
import kz.emtihan.lti.model.LaunchCheck;
import kz.emtihan.lti.model.LtiRefusal;
import kz.emtihan.lti.model.ResourceLink;
import kz.emtihan.refusal.CommonRefusal;
import kz.emtihan.refusal.Refusal;
import kz.emtihan.store.RedisStore;

/**
 * Issue 16 (2): the teacher's step after a launch. A resource link with no exam is bound to one the teacher manages;
 * a deep-linking request is answered with a signed LtiDeepLinkingResponse (LTI Deep Linking 2.0, 4.2) naming the
 * exam as an ltiResourceLink with the custom parameter {@code exam} and a line item. Only the person the launch
 * signed in may take the step (an unknown launch and another person's both answer 403).
 */
public final class LinkChoices {
    private static final String DL = "https://purl.imsglobal.org/spec/lti-dl/claim/";
    private final RedisStore store;
    private final RedisLtiDirectory directory;
    private final Platforms platforms;
    private final Exams exams;
    private final Clock clock;
    private final SittingLinks sittings;

    public LinkChoices(
            RedisStore store,
            RedisLtiDirectory directory,
            Platforms platforms,
            Exams exams,
            Clock clock,
            SittingLinks sittings) {
        this.sittings = sittings;
        this.store = store;
        this.directory = directory;
        this.platforms = platforms;
        this.exams = exams;
        this.clock = clock;
    }

    Future<JsonObject> launch(Caller caller, String launchId) {
        return store.redis()
                .send(Request.cmd(Command.GET).arg(LtiLaunchKeys.launch(launchId)))
                .map(r -> {
                    JsonObject kept = r == null ? null : new JsonObject(r.toString());
                    if (kept == null || !caller.id().equals(kept.getString("userId")))
                        throw Refusal.of(CommonRefusal.FORBIDDEN);
                    return kept;
                });
    }

    private static String examId(JsonObject body) {
        String id = body.getValue("examId") instanceof String s ? s.strip() : "";
        if (id.isEmpty())
            throw Refusal.of(CommonRefusal.BAD_FIELD, "examId", kz.emtihan.refusal.FieldProblem.required());
        return id;
    }

    /** Binds the launch's resource link to an exam the caller manages; audited. Answers the page to open. */
    public Future<JsonObject> bind(Caller caller, String launchId, JsonObject body) {
        if (body.containsKey("sittingId")) return sittingChoices().bind(caller, launchId, body); // issue 16 (2)
        return launch(caller, launchId).compose(kept -> {
            String examId = examId(body);
            String linkId = kept.getString("resourceLinkId");
            if (linkId == null) throw Refusal.of(LtiRefusal.NO_RESOURCE_LINK);
            return exams.allowed(caller, examId, ExamAccess.Action.MANAGE).compose(exam -> {
                JsonObject ags = kept.getJsonObject("ags", new JsonObject());
                List<String> scopes = new ArrayList<>();
                ags.getJsonArray("scopes", new JsonArray()).forEach(s -> scopes.add(String.valueOf(s)));
                ResourceLink link = new ResourceLink(
                        kept.getString("platformId"),
                        kept.getString("deploymentId"),
                        kept.getString("contextId"),
                        linkId,
                        examId,
                        ags.getString("lineItem"),
                        ags.getString("lineItems"),
                        scopes,
                        kept.getString("membershipsUrl"));
                return directory
                        .saveLink(link)
                        .compose(v -> directory.audit(platforms.auditEvent(
                                caller.id(),
                                "link-bound",
                                new JsonObject()
                                        .put("platform", link.platformId())
                                        .put("resourceLinkId", linkId)
                                        .put("examId", examId))))
                        .map(v -> new JsonObject().put("examId", examId).put("next", "exam.html?exam=" + examId));
            });
        });
    }

    /**
     * Answers a deep-linking request with the exam: {@code {returnUrl, jwt}}, the page posts the JWT to the platform
     * (form_post, field {@code JWT}). The exam is recorded as offered to the platform, so its custom parameter opens
     * it on the first launch of the new link.
     */
    public Future<JsonObject> deepLink(Caller caller, String launchId, JsonObject body, String launchUrl) {
        if (body.containsKey("sittingId"))
            return sittingChoices().deepLink(caller, launchId, body, launchUrl); // issue 16 (2)
        return launch(caller, launchId).compose(kept -> {
            String examId = examId(body);
            JsonObject dl = kept.getJsonObject("deepLinking");
            if (!Launch.DEEP_LINKING.equals(kept.getString("messageType")) || dl == null)
                throw Refusal.of(LtiRefusal.NOT_DEEP_LINKING);
            return exams.allowed(caller, examId, ExamAccess.Action.MANAGE)
                    .compose(exam -> platforms
                            .existing(kept.getString("platformId"))
                            .compose(p -> directory
                                    .signingKey()
                                    .compose(key -> store.atomically(List.of(
                                                    Request.cmd(Command.SADD)
                                                            .arg(LtiLaunchKeys.offered(p.id()))
                                                            .arg(examId),
                                                    platforms.auditEvent(
                                                            caller.id(),
                                                            "exam-offered",
                                                            new JsonObject()
                                                                    .put("platform", p.id())
                                                                    .put("examId", examId))))
                                            .map(v -> new JsonObject()
                                                    .put("returnUrl", dl.getString("returnUrl"))
                                                    .put("jwt", response(p, kept, dl, exam, key, launchUrl))))));
        });
    }

    private SittingChoices sittingChoices() {
        return new SittingChoices(this, store, directory, platforms, sittings);
    }

    private String response(
            kz.emtihan.lti.model.Platform p,
            JsonObject kept,
            JsonObject dl,
            Exam exam,
            kz.emtihan.lti.model.ToolKey key,
            String launchUrl) {
        return response(p, kept, dl, key, launchUrl, exam.title(), "exam", exam.id(), 100);
    }

    /** The signed answer naming one resource: an exam, or a sitting (issue 16, 2), with its line item's maximum. */
    String response(
            kz.emtihan.lti.model.Platform p,
            JsonObject kept,
            JsonObject dl,
            kz.emtihan.lti.model.ToolKey key,
            String launchUrl,
            String title,
            String param,
            String id,
            int scoreMaximum) {
        long now = clock.millis();
        Map<String, Object> item = new java.util.LinkedHashMap<>();
        item.put("type", "ltiResourceLink");
        item.put("title", title);
        item.put("url", launchUrl);
        item.put("custom", Map.of(param, id));
        item.put("lineItem", Map.of("scoreMaximum", scoreMaximum, "label", title, "resourceId", id));
        var jwt = Jwts.builder()
                .header()
                .keyId(key.kid())
                .and()
                .issuer(p.clientId())
                .audience()
                .add(p.issuer())
                .and()
                .issuedAt(new Date(now))
                .expiration(new Date(now + 5 * 60_000))
                .claim("nonce", Launches.random())
                .claim(LaunchCheck.LTI + "message_type", "LtiDeepLinkingResponse")
                .claim(LaunchCheck.LTI + "version", "1.3.0")
                .claim(LaunchCheck.LTI + "deployment_id", kept.getString("deploymentId"))
                .claim(DL + "content_items", List.of(item));
        if (dl.getString("data") != null) jwt.claim(DL + "data", dl.getString("data"));
        return jwt.signWith(key.key(), Jwts.SIG.RS256).compact();
    }
}
