package kz.emtihan.lti;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Request;
import java.util.ArrayList;
import java.util.List;
import kz.emtihan.auth.Caller;
import kz.emtihan.lti.model.Launch;
import kz.emtihan.lti.model.LtiRefusal;
import kz.emtihan.lti.model.ResourceLink;
import kz.emtihan.refusal.CommonRefusal;
import kz.emtihan.refusal.Refusal;
import kz.emtihan.store.RedisStore;

/**
 * Issue 16 (2) for oral sittings: the launching person's step when they choose a sitting instead of an exam. Only a
 * sitting they run ({@link kz.emtihan.sitting.Sittings#runBy}: its chair, its technical secretary, an administrator)
 * may be bound to a link or offered by deep linking; the offer is recorded for the deployment and course of the
 * request, so the custom parameter opens the sitting on the first launch of the new link there and nowhere else.
 */
final class SittingChoices {
    private final LinkChoices choices;
    private final RedisStore store;
    private final RedisLtiDirectory directory;
    private final Platforms platforms;
    private final SittingLinks sittings;

    SittingChoices(
            LinkChoices choices,
            RedisStore store,
            RedisLtiDirectory directory,
            Platforms platforms,
            SittingLinks sittings) {
        this.choices = choices;
        this.store = store;
        this.directory = directory;
        this.platforms = platforms;
        this.sittings = sittings;
    }

    private static String sittingId(JsonObject body) {
        String id = body.getValue("sittingId") instanceof String s ? s.strip() : "";
        if (id.isEmpty())
            throw Refusal.of(CommonRefusal.BAD_FIELD, "sittingId", kz.emtihan.refusal.FieldProblem.required());
        return id;
    }

    /** Binds the launch's resource link to a sitting the caller runs; audited. Answers the page to open. */
    Future<JsonObject> bind(Caller caller, String launchId, JsonObject body) {
        return choices.launch(caller, launchId).compose(kept -> {
            String sittingId = sittingId(body);
            String linkId = kept.getString("resourceLinkId");
            if (linkId == null) throw Refusal.of(LtiRefusal.NO_RESOURCE_LINK);
            return sittings.runBy(caller, sittingId).compose(sitting -> {
                JsonObject ags = kept.getJsonObject("ags", new JsonObject());
                List<String> scopes = new ArrayList<>();
                ags.getJsonArray("scopes", new JsonArray()).forEach(s -> scopes.add(String.valueOf(s)));
                ResourceLink link = new ResourceLink(
                        kept.getString("platformId"),
                        kept.getString("deploymentId"),
                        kept.getString("contextId"),
                        linkId,
                        null,
                        ags.getString("lineItem"),
                        ags.getString("lineItems"),
                        scopes,
                        kept.getString("membershipsUrl"),
                        sittingId);
                return directory
                        .saveLink(link)
                        .compose(v -> directory.audit(platforms.auditEvent(
                                caller.id(),
                                "link-bound",
                                new JsonObject()
                                        .put("platform", link.platformId())
                                        .put("resourceLinkId", linkId)
                                        .put("sittingId", sittingId))))
                        .map(v -> new JsonObject()
                                .put("sittingId", sittingId)
                                .put("next", SittingLinks.page(false, sittingId)));
            });
        });
    }

    /** Answers a deep-linking request with the sitting: {@code {returnUrl, jwt}}; the offer is recorded and audited. */
    Future<JsonObject> deepLink(Caller caller, String launchId, JsonObject body, String launchUrl) {
        return choices.launch(caller, launchId).compose(kept -> {
            String sittingId = sittingId(body);
            JsonObject dl = kept.getJsonObject("deepLinking");
            if (!Launch.DEEP_LINKING.equals(kept.getString("messageType")) || dl == null)
                throw Refusal.of(LtiRefusal.NOT_DEEP_LINKING);
            return sittings.runBy(caller, sittingId)
                    .compose(sitting -> platforms
                            .existing(kept.getString("platformId"))
                            .compose(p -> directory
                                    .signingKey()
                                    .compose(key -> store.atomically(List.of(
                                                    Request.cmd(Command.SADD)
                                                            .arg(LtiLaunchKeys.offered(p.id()))
                                                            .arg(SittingLinks.offered(
                                                                    kept.getString("deploymentId"),
                                                                    kept.getString("contextId"),
                                                                    sittingId)),
                                                    platforms.auditEvent(
                                                            caller.id(),
                                                            "sitting-offered",
                                                            new JsonObject()
                                                                    .put("platform", p.id())
                                                                    .put("sittingId", sittingId)
                                                                    .put("context", kept.getString("contextId")))))
                                            .map(v -> new JsonObject()
                                                    .put("returnUrl", dl.getString("returnUrl"))
                                                    .put(
                                                            "jwt",
                                                            choices.response(
                                                                    p,
                                                                    kept,
                                                                    dl,
                                                                    key,
                                                                    launchUrl,
                                                                    sitting.getString("title"),
                                                                    SittingLinks.PARAM,
                                                                    sittingId,
                                                                    sitting.getInteger("maxScore")))))));
        });
    }
}
