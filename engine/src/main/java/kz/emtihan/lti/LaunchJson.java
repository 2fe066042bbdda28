package kz.emtihan.lti;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import kz.emtihan.lti.model.Launch;

/** What is kept of a verified launch for the teacher's next step (issue 16, 2 and deep linking). */
final class LaunchJson {
    private LaunchJson() {}

    static JsonObject write(Launch l) {
        JsonObject o = new JsonObject()
                .put("platformId", l.platformId())
                .put("deploymentId", l.deploymentId())
                .put("messageType", l.messageType())
                .put("sub", l.sub())
                .put("roles", new JsonArray(l.roles()))
                .put("resourceLinkId", l.resourceLinkId().orElse(null))
                .put("contextId", l.contextId().orElse(null))
                .put("contextTitle", l.contextTitle())
                .put("membershipsUrl", l.membershipsUrl().orElse(null));
        l.ags()
                .ifPresent(a -> o.put(
                        "ags",
                        new JsonObject()
                                .put("lineItem", a.lineItem())
                                .put("lineItems", a.lineItems())
                                .put("scopes", new JsonArray(a.scopes()))));
        l.deepLinking()
                .ifPresent(d -> o.put(
                        "deepLinking",
                        new JsonObject()
                                .put("returnUrl", d.returnUrl())
                                .put("data", d.data())
                                .put("acceptTypes", new JsonArray(d.acceptTypes()))));
        return o;
    }
}
