package kz.emtihan.lti;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import kz.emtihan.config.LtiSettings;

/**
 * The addresses an LMS is given for this tool (issue 16, 1): from {@code lti.toolUrl}, else from the request's own
 * scheme and Host.
 */
record ToolUrls(String base) {
    static ToolUrls of(LtiSettings settings, RoutingContext ctx) {
        return new ToolUrls(settings.toolUrl()
                .orElseGet(() -> ctx.request().scheme() + "://" + ctx.request().authority()));
    }

    String login() {
        return base + "/lti/login";
    }

    String launch() {
        return base + "/lti/launch";
    }

    String deepLink() {
        return base + "/lti/deeplink";
    }

    String jwks() {
        return base + LtiRoutes.WELL_KNOWN;
    }

    String register() {
        return base + "/lti/register";
    }

    JsonObject json() {
        return new JsonObject()
                .put("url", base)
                .put("loginUrl", login())
                .put("launchUrl", launch())
                .put("deepLinkUrl", deepLink())
                .put("jwksUrl", jwks())
                .put("registrationUrl", register());
    }
}
