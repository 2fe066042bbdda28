package kz.emtihan.lti;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import kz.emtihan.TestEngine;

/**
 * Issue 16 (2): a browser's part of a launch, as the pages play it: the LMS sends the browser to /lti/login, whose
 * page asks the API where to go and keeps the state; the platform's form_post reaches /lti/launch, whose page gives
 * the API the id_token with both states. Each step over HTTP against the real engine.
 */
final class LtiBrowser {
    private final TestEngine app;
    private final HttpClient http = HttpClient.newHttpClient();

    LtiBrowser(TestEngine app) {
        this.app = app;
    }

    /** What the launch page holds before it calls the API: the posted id_token and state, the kept state. */
    record Posted(String idToken, String state, String browserState) {}

    /** The login initiation up to the platform's form_post, back at the launch page. */
    Posted authenticate(SpecPlatform platform, String sub, String role, String linkId, String messageType) {
        String hint = sub + "|" + role + "|" + linkId + "|" + messageType;
        String target = app.base() + (messageType.equals("LtiDeepLinkingRequest") ? "/lti/deeplink" : "/lti/launch");
        String form = "iss=" + enc(platform.issuer) + "&login_hint=" + enc(hint) + "&target_link_uri=" + enc(target)
                + "&client_id=" + enc(platform.clientId) + "&lti_deployment_id=" + enc(platform.deploymentId);
        TestEngine.Reply initiation = app.send(
                "POST", "/lti/login", null, "application/x-www-form-urlencoded", form.getBytes(StandardCharsets.UTF_8));
        assertEquals(303, initiation.status(), initiation.body());
        String location = initiation.headers().firstValue("Location").orElseThrow();
        assertTrue(location.startsWith("/lti-login.html#"), location);
        Map<String, String> params =
                SpecPlatform.query(URI.create("x://h/?" + location.substring(location.indexOf('#') + 1)));
        TestEngine.Reply asked =
                app.post("/api/v1/lti/login", null, new JsonObject(new java.util.HashMap<String, Object>(params)));
        assertEquals(200, asked.status(), asked.body());
        String state = asked.json().getString("state");
        JsonObject posted = new JsonObject(get(asked.json().getString("redirect")));
        String body = "id_token=" + enc(posted.getString("id_token")) + "&state=" + enc(posted.getString("state"));
        TestEngine.Reply back = app.send(
                "POST",
                "/lti/launch",
                null,
                "application/x-www-form-urlencoded",
                body.getBytes(StandardCharsets.UTF_8));
        assertEquals(303, back.status());
        String to = back.headers().firstValue("Location").orElseThrow();
        assertTrue(to.startsWith("/lti-launch.html#"), to);
        Map<String, String> handed = SpecPlatform.query(URI.create("x://h/?" + to.substring(to.indexOf('#') + 1)));
        return new Posted(handed.get("id_token"), handed.get("state"), state);
    }

    TestEngine.Reply launch(Posted p) {
        return launch(p.idToken(), p.state(), p.browserState());
    }

    TestEngine.Reply launch(String idToken, String state, String browserState) {
        return app.post(
                "/api/v1/lti/launch",
                null,
                new JsonObject().put("idToken", idToken).put("state", state).put("browserState", browserState));
    }

    /** The whole launch; fails the test unless it is let in. */
    JsonObject signIn(SpecPlatform platform, String sub, String role, String linkId, String messageType) {
        TestEngine.Reply r = launch(authenticate(platform, sub, role, linkId, messageType));
        assertEquals(200, r.status(), r.body());
        return r.json();
    }

    private String get(String url) {
        try {
            HttpResponse<String> r =
                    http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, r.statusCode(), r.body());
            return r.body();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
