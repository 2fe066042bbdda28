package kz.emtihan.lti;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import kz.emtihan.lti.model.Platform;

/** A {@link Platform} as the API shows it. */
final class PlatformJson {
    private PlatformJson() {}

    static JsonObject write(Platform p) {
        return new JsonObject()
                .put("id", p.id())
                .put("name", p.name())
                .put("issuer", p.issuer())
                .put("clientId", p.clientId())
                .put("deploymentIds", new JsonArray(p.deploymentIds()))
                .put("authUrl", p.authUrl())
                .put("tokenUrl", p.tokenUrl())
                .put("jwksUrl", p.jwksUrl());
    }
}
