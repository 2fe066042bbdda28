package kz.emtihan.lti;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Request;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import kz.emtihan.lti.model.LtiRefusal;
import kz.emtihan.lti.model.Platform;
import kz.emtihan.lti.model.PlatformCheck;
import kz.emtihan.refusal.Refusal;
import kz.emtihan.store.RedisStore;

/**
 * Issue 16 (1): LTI Dynamic Registration 1.0. The platform opens {@code /lti/register?openid_configuration=…&
 * registration_token=…}; the tool reads the platform's OpenID configuration (its issuer on the same host as the
 * configuration's address, section 3.5.1), posts its own registration to the platform's registration endpoint
 * (redirect URIs, login initiation, JWKS, the AGS and NRPS scopes, the lti-tool-configuration claim with deep linking)
 * and keeps the platform with the client id and deployment the platform answers. A platform cannot register itself
 * unasked: the address carries a one-use code an Emtihan administrator made, so no stranger becomes a platform whose
 * launches sign people in.
 */
public final class Registrations {
    static final Duration CODE_LIFETIME = Duration.ofHours(24);
    static final String TOOL_CONFIGURATION = "https://purl.imsglobal.org/spec/lti-tool-configuration";
    static final String PLATFORM_CONFIGURATION = "https://purl.imsglobal.org/spec/lti-platform-configuration";
    static final List<String> SCOPES = List.of(
            "https://purl.imsglobal.org/spec/lti-ags/scope/lineitem",
            "https://purl.imsglobal.org/spec/lti-ags/scope/result.readonly",
            "https://purl.imsglobal.org/spec/lti-ags/scope/score",
            "https://purl.imsglobal.org/spec/lti-nrps/scope/contextmembership.readonly");

    private final RedisStore store;
    private final Platforms platforms;
    private final WebClient client;

    public Registrations(RedisStore store, Platforms platforms, WebClient client) {
        this.store = store;
        this.platforms = platforms;
        this.client = client;
    }

    /** A one-use registration address for an administrator to paste into the LMS; audited. */
    public Future<JsonObject> code(String admin, ToolUrls urls) {
        String code = Launches.random();
        return store.atomically(List.of(
                        Request.cmd(Command.SET)
                                .arg(LtiLaunchKeys.registrationCode(code))
                                .arg(admin)
                                .arg("PX")
                                .arg(CODE_LIFETIME.toMillis()),
                        platforms.auditEvent(admin, "registration-code-made", new JsonObject())))
                .map(v -> new JsonObject()
                        .put("url", urls.register() + "?code=" + code)
                        .put("hours", CODE_LIFETIME.toHours()));
    }

    /** Registers with the platform; answers the registration kept. */
    public Future<JsonObject> register(JsonObject body, ToolUrls urls) {
        String code = body.getValue("code") instanceof String s ? s : "";
        String configUrl = body.getValue("openidConfiguration") instanceof String s ? s : "";
        String token = body.getValue("registrationToken") instanceof String s ? s : "";
        if (code.isEmpty()) return Future.failedFuture(Refusal.of(LtiRefusal.BAD_REGISTRATION_CODE));
        if (!PlatformCheck.url(configUrl))
            return Future.failedFuture(Refusal.of(LtiRefusal.REGISTRATION_FAILED, "openid_configuration"));
        return store.redis()
                .send(Request.cmd(Command.GETDEL).arg(LtiLaunchKeys.registrationCode(code)))
                .compose(admin -> {
                    if (admin == null) throw Refusal.of(LtiRefusal.BAD_REGISTRATION_CODE);
                    return configuration(configUrl, token)
                            .compose(config -> post(config, token, urls)
                                    .compose(answer -> keep(admin.toString(), config, answer)));
                });
    }

    private Future<JsonObject> configuration(String url, String token) {
        var get = client.getAbs(url).putHeader("Accept", "application/json").timeout(10_000);
        if (!token.isEmpty()) get.putHeader("Authorization", "Bearer " + token);
        return get.send().transform(done -> {
            if (done.failed() || done.result().statusCode() != 200)
                return failed("openid_configuration "
                        + (done.failed()
                                ? done.cause().getMessage()
                                : "HTTP " + done.result().statusCode()));
            JsonObject config;
            try {
                config = done.result().bodyAsJsonObject();
            } catch (RuntimeException e) {
                return failed("openid_configuration is no JSON object");
            }
            String issuer = config.getString("issuer", "");
            if (!PlatformCheck.url(issuer)
                    || !URI.create(issuer).getHost().equals(URI.create(url).getHost()))
                return failed("issuer '" + issuer + "' is not on the host of " + url);
            for (String f : List.of("authorization_endpoint", "token_endpoint", "jwks_uri", "registration_endpoint"))
                if (!PlatformCheck.url(config.getString(f))) return failed(f);
            return Future.succeededFuture(config);
        });
    }

    private Future<JsonObject> post(JsonObject config, String token, ToolUrls urls) {
        // Moodle compares the domain with target_link_uri's host and port (registration_helper:
        // domain_targetlinkuri_mismatch)
        URI tool = URI.create(urls.base());
        String host = tool.getHost() + (tool.getPort() < 0 ? "" : ":" + tool.getPort());
        JsonObject registration = new JsonObject()
                .put("application_type", "web")
                .put("response_types", new JsonArray().add("id_token"))
                .put("grant_types", new JsonArray().add("implicit").add("client_credentials"))
                .put("initiate_login_uri", urls.login())
                .put("redirect_uris", new JsonArray().add(urls.launch()).add(urls.deepLink()))
                .put("client_name", "Emtihan")
                .put("jwks_uri", urls.jwks())
                .put("token_endpoint_auth_method", "private_key_jwt")
                .put("scope", String.join(" ", SCOPES))
                .put(
                        TOOL_CONFIGURATION,
                        new JsonObject()
                                .put("domain", host)
                                .put("target_link_uri", urls.launch())
                                .put(
                                        "claims",
                                        new JsonArray(
                                                List.of("iss", "sub", "name", "given_name", "family_name", "email")))
                                .put(
                                        "messages",
                                        new JsonArray()
                                                .add(new JsonObject()
                                                        .put("type", "LtiDeepLinkingRequest")
                                                        .put("target_link_uri", urls.deepLink())
                                                        .put("label", "Emtihan"))));
        var request = client.postAbs(config.getString("registration_endpoint"))
                .putHeader("Content-Type", "application/json")
                .putHeader("Accept", "application/json")
                .timeout(10_000);
        if (!token.isEmpty()) request.putHeader("Authorization", "Bearer " + token);
        return request.sendBuffer(registration.toBuffer()).transform(done -> {
            if (done.failed()) return failed(done.cause().getMessage());
            int status = done.result().statusCode();
            String text = done.result().bodyAsString();
            if (status / 100 != 2)
                return failed(
                        "HTTP " + status + " " + (text == null ? "" : text.substring(0, Math.min(300, text.length()))));
            try {
                JsonObject answer = done.result().bodyAsJsonObject();
                if (answer.getString("client_id", "").isEmpty()) return failed("no client_id");
                return Future.succeededFuture(answer);
            } catch (RuntimeException e) {
                return failed("the answer is no JSON object");
            }
        });
    }

    private Future<JsonObject> keep(String admin, JsonObject config, JsonObject answer) {
        JsonObject tool = answer.getJsonObject(TOOL_CONFIGURATION, new JsonObject());
        String deployment =
                tool.getValue("deployment_id") == null ? "" : String.valueOf(tool.getValue("deployment_id"));
        JsonObject product = config.getJsonObject(PLATFORM_CONFIGURATION, new JsonObject());
        String name = product.getString(
                "product_family_code", URI.create(config.getString("issuer")).getHost());
        Platform p = new Platform(
                UUID.randomUUID().toString(),
                name + " (" + URI.create(config.getString("issuer")).getHost() + ")",
                config.getString("issuer"),
                answer.getString("client_id"),
                deployment.isEmpty() ? List.of() : List.of(deployment),
                config.getString("authorization_endpoint"),
                config.getString("token_endpoint"),
                config.getString("jwks_uri"));
        var problems = PlatformCheck.problems(p);
        if (!problems.isEmpty()) return failed(problems.get(0).field());
        return platforms
                .save(admin, "platform-registered-dynamically", Optional.empty(), p)
                .map(PlatformJson::write);
    }

    private static <T> Future<T> failed(String reason) {
        return Future.failedFuture(Refusal.of(LtiRefusal.REGISTRATION_FAILED, reason));
    }
}
