package kz.emtihan.lti;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import kz.emtihan.lti.model.ResourceLink;

/** A {@link ResourceLink} as stored in Redis. */
final class LinkJson {
    private LinkJson() {}

    static JsonObject write(ResourceLink l) {
        return new JsonObject()
                .put("platformId", l.platformId())
                .put("deploymentId", l.deploymentId())
                .put("contextId", l.contextId())
                .put("resourceLinkId", l.resourceLinkId())
                .put("examId", l.examId())
                .put("lineItemUrl", l.lineItemUrl())
                .put("lineItemsUrl", l.lineItemsUrl())
                .put("agsScopes", new JsonArray(l.agsScopes()))
                .put("membershipsUrl", l.membershipsUrl())
                .put("sittingId", l.sittingId());
    }

    static ResourceLink read(JsonObject o) {
        List<String> scopes = new ArrayList<>();
        for (Object s : o.getJsonArray("agsScopes", new JsonArray())) scopes.add(String.valueOf(s));
        return new ResourceLink(
                o.getString("platformId"),
                o.getString("deploymentId"),
                o.getString("contextId"),
                o.getString("resourceLinkId"),
                o.getString("examId"),
                o.getString("lineItemUrl"),
                o.getString("lineItemsUrl"),
                scopes,
                o.getString("membershipsUrl"),
                o.getString("sittingId"));
    }
}
