package kz.emtihan.lti;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.util.Map;
import kz.emtihan.SharedEngine;
import kz.emtihan.TestEngine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Issue 16 (1): registrations by an administrator, by the platform itself (dynamic registration), the tool's keys. */
@SharedEngine
class LtiRegistrationTest {
    static TestEngine app;
    static SpecPlatform platform;
    static String admin;

    @BeforeAll
    static void start(TestEngine shared) throws Exception {
        app = shared;
        admin = app.admin();
        platform = new SpecPlatform("registration-client-" + System.nanoTime());
    }

    @AfterAll
    static void stop() {
        platform.close();
    }

    @Test
    void anAdministratorRegistersChangesAndRemovesAPlatformEachStepAudited() {
        JsonObject bad = platform.registration("Bad").put("issuer", "not a url").put("jwksUrl", "ftp://x");
        TestEngine.Reply refused = app.post("/api/v1/lti/platforms", admin, bad);
        assertEquals(400, refused.status(), refused.body());
        assertEquals("bad-field", refused.error());
        assertEquals("issuer", refused.json().getJsonObject("args").getString("field"));
        assertEquals(2, refused.json().getJsonArray("problems").size(), refused.body());
        int before = app.get("/api/v1/lti/platforms", admin)
                .json()
                .getJsonArray("platforms")
                .size();

        TestEngine.Reply made = app.post("/api/v1/lti/platforms", admin, platform.registration("Moodle"));
        assertEquals(201, made.status(), made.body());
        String id = made.json().getString("id");
        JsonObject all = app.get("/api/v1/lti/platforms", admin).json();
        assertEquals(before + 1, all.getJsonArray("platforms").size(), "the bad one changed nothing");
        assertTrue(all.getJsonObject("tool").getString("loginUrl").endsWith("/lti/login"));
        assertTrue(all.getJsonObject("tool").getString("jwksUrl").endsWith("/.well-known/jwks.json"));

        TestEngine.Reply twice = app.post("/api/v1/lti/platforms", admin, platform.registration("Again"));
        assertEquals(409, twice.status());
        assertEquals("lti-platform-exists", twice.error());

        JsonObject changed = platform.registration("Moodle 4.3")
                .put("deploymentIds", new JsonArray().add("1").add("2"));
        TestEngine.Reply put = app.put("/api/v1/lti/platforms/" + id, admin, changed);
        assertEquals(200, put.status(), put.body());
        assertEquals(
                new JsonArray().add("1").add("2"),
                app.get("/api/v1/lti/platforms/" + id, admin).json().getJsonArray("deploymentIds"));
        assertEquals(
                204,
                app.send("DELETE", "/api/v1/lti/platforms/" + id, admin, null, null)
                        .status());
        assertEquals(404, app.get("/api/v1/lti/platforms/" + id, admin).status());

        JsonArray audit = app.get("/api/v1/lti/platforms", admin).json().getJsonArray("audit");
        var mine = audit.stream()
                .map(JsonObject.class::cast)
                .filter(e -> id.equals(e.getString("platform")))
                .map(e -> e.getString("type"))
                .toList();
        assertEquals(java.util.List.of("platform-removed", "platform-changed", "platform-created"), mine);
        assertEquals("admin", audit.getJsonObject(0).getString("by"));
    }

    @Test
    void thePlatformRegistersItselfWithTheAdministratorsOneUseAddress() {
        TestEngine.Reply code = app.post("/api/v1/lti/registration-codes", admin, null);
        assertEquals(201, code.status(), code.body());
        String url = code.json().getString("url");
        assertTrue(url.contains("/lti/register?code="), url);
        // the platform opens it with its configuration and token (Dynamic Registration 3.3)
        String path = URI.create(url).getRawPath() + "?" + URI.create(url).getRawQuery() + "&openid_configuration="
                + LtiBrowser.enc(platform.issuer + "/openid-configuration") + "&registration_token=reg-token";
        TestEngine.Reply opened = app.get(path, null);
        assertEquals(303, opened.status());
        String location = opened.headers().firstValue("Location").orElseThrow();
        assertTrue(location.startsWith("/lti-register.html#"), location);
        Map<String, String> handed =
                SpecPlatform.query(URI.create("x://h/?" + location.substring(location.indexOf('#') + 1)));
        JsonObject body = new JsonObject()
                .put("code", handed.get("code"))
                .put("openidConfiguration", handed.get("openid_configuration"))
                .put("registrationToken", handed.get("registration_token"));
        TestEngine.Reply registered = app.post("/api/v1/lti/register", null, body);
        assertEquals(200, registered.status(), registered.body());
        assertEquals("dyn-" + platform.clientId, registered.json().getString("clientId"));
        assertEquals(new JsonArray().add("dyn-deployment"), registered.json().getJsonArray("deploymentIds"));
        assertEquals(platform.issuer + "/auth", registered.json().getString("authUrl"));

        JsonObject sent = platform.registered;
        assertTrue(sent.getString("initiate_login_uri").endsWith("/lti/login"));
        assertTrue(sent.getString("jwks_uri").endsWith("/.well-known/jwks.json"));
        assertTrue(sent.getJsonArray("redirect_uris").getString(0).endsWith("/lti/launch"));
        assertTrue(sent.getString("scope").contains("https://purl.imsglobal.org/spec/lti-ags/scope/score"));
        assertTrue(sent.getString("scope")
                .contains("https://purl.imsglobal.org/spec/lti-nrps/scope/contextmembership.readonly"));
        JsonObject tool = sent.getJsonObject("https://purl.imsglobal.org/spec/lti-tool-configuration");
        assertEquals(
                "LtiDeepLinkingRequest",
                tool.getJsonArray("messages").getJsonObject(0).getString("type"));

        // the address works once; without one, no stranger registers a platform
        TestEngine.Reply again = app.post("/api/v1/lti/register", null, body);
        assertEquals(403, again.status());
        assertEquals("lti-bad-registration-code", again.error());
        TestEngine.Reply none =
                app.post("/api/v1/lti/register", null, body.copy().put("code", "guess"));
        assertEquals("lti-bad-registration-code", none.error());
    }

    @Test
    void aRotatedKeyIsPublishedBeforeItSignsAndTheOldOneStaysPublished() throws Exception {
        String signing = app.engine()
                .services()
                .lti()
                .directory()
                .signingKey()
                .await(10, java.util.concurrent.TimeUnit.SECONDS)
                .kid();
        TestEngine.Reply rotated = app.post("/api/v1/lti/keys/rotate", admin, null);
        assertEquals(200, rotated.status(), rotated.body());
        JsonArray published =
                new JsonObject(app.get("/.well-known/jwks.json", null).body()).getJsonArray("keys");
        assertTrue(published.size() >= 2, "old and new published: " + published);
        assertTrue(published.stream().anyMatch(k -> signing.equals(((JsonObject) k).getString("kid"))));
        // lead time (lti.keys.leadMinutes, 10 by default): the old key still signs
        assertEquals(
                signing,
                app.engine()
                        .services()
                        .lti()
                        .directory()
                        .signingKey()
                        .await(10, java.util.concurrent.TimeUnit.SECONDS)
                        .kid());
        JsonArray audit = app.get("/api/v1/lti/platforms", admin).json().getJsonArray("audit");
        assertTrue(audit.stream().anyMatch(e -> "tool-key-rotated".equals(((JsonObject) e).getString("type"))));
        String teacher = "lti-rot-" + System.nanoTime();
        app.users("teacher", teacher);
        assertEquals(
                403,
                app.post("/api/v1/lti/keys/rotate", app.loginAs(teacher), null).status());
    }
}
