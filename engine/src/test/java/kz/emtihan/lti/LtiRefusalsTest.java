package kz.emtihan.lti;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jsonwebtoken.Jwts;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import kz.emtihan.SharedEngine;
import kz.emtihan.TestEngine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 16 (2): every way a launch is refused, each played as an attacker would against the real engine, each
 * answered with its own code and a sentence saying why in the caller's language (LTI 1.3 Core 5.1.3).
 */
@SharedEngine
class LtiRefusalsTest {
    static TestEngine app;
    static SpecPlatform platform;
    static LtiBrowser browser;

    @BeforeAll
    static void start(TestEngine shared) throws Exception {
        app = shared;
        platform = new SpecPlatform("refusals-client-" + System.nanoTime());
        assertEquals(
                201,
                app.post("/api/v1/lti/platforms", app.admin(), platform.registration("Spec"))
                        .status());
        browser = new LtiBrowser(app);
    }

    @AfterAll
    static void stop() {
        platform.close();
    }

    /** A student's launch with one claim bent; answers the engine's reply. */
    private static TestEngine.Reply bent(Consumer<Map<String, Object>> bend) {
        platform.bend = bend;
        try {
            return browser.launch(browser.authenticate(
                    platform, "a" + System.nanoTime(), SpecPlatform.LEARNER, "rl", "LtiResourceLinkRequest"));
        } finally {
            platform.bend = c -> {};
        }
    }

    private static void refused(TestEngine.Reply r, int status, String code) {
        assertEquals(status, r.status(), r.body());
        assertEquals(code, r.error());
        assertTrue(!r.json().getString("message", "").isBlank());
        assertTrue(r.json().getValue("token") == null, "no token");
    }

    @Test
    void wrongAudience() {
        refused(bent(c -> c.put("aud", "another-tool")), 401, "lti-wrong-audience");
        // several audiences: azp must name this tool (5.1.3, steps 4-5)
        refused(bent(c -> c.put("aud", List.of(platform.clientId, "another-tool"))), 401, "lti-wrong-audience");
        refused(
                bent(c -> {
                    c.put("aud", List.of(platform.clientId, "another-tool"));
                    c.put("azp", "another-tool");
                }),
                401,
                "lti-wrong-audience");
        TestEngine.Reply ok = bent(c -> {
            c.put("aud", List.of(platform.clientId, "another-tool"));
            c.put("azp", platform.clientId);
        });
        assertEquals(200, ok.status(), ok.body());
    }

    @Test
    void expiredAndFromTheFuture() {
        refused(
                bent(c -> {
                    c.put("iat", SpecPlatform.now() - 900);
                    c.put("exp", SpecPlatform.now() - 120); // beyond the 60 s leeway
                }),
                401,
                "lti-expired");
        TestEngine.Reply leeway = bent(c -> c.put("exp", SpecPlatform.now() - 20));
        assertEquals(200, leeway.status(), "within the leeway: " + leeway.body());
        refused(bent(c -> c.put("iat", SpecPlatform.now() + 600)), 401, "lti-issued-in-future");
    }

    @Test
    void aReplayedTokenIsRefusedEvenWithAFreshStateOfItsOwn() {
        var first = browser.authenticate(
                platform, "r" + System.nanoTime(), SpecPlatform.LEARNER, "rl", "LtiResourceLinkRequest");
        assertEquals(200, browser.launch(first).status());
        // the same post again: its state is used up
        refused(browser.launch(first), 401, "lti-state-mismatch");
        // the captured id_token with a state of the attacker's own login
        var fresh = browser.authenticate(
                platform, "x" + System.nanoTime(), SpecPlatform.LEARNER, "rl", "LtiResourceLinkRequest");
        refused(browser.launch(first.idToken(), fresh.state(), fresh.browserState()), 401, "lti-replayed-nonce");
    }

    @Test
    void aStateFromAnotherLaunchOrAnotherBrowser() {
        var mine = browser.authenticate(
                platform, "m" + System.nanoTime(), SpecPlatform.LEARNER, "rl", "LtiResourceLinkRequest");
        var theirs = browser.authenticate(
                platform, "t" + System.nanoTime(), SpecPlatform.LEARNER, "rl", "LtiResourceLinkRequest");
        // this browser kept its own state: the platform's post names another
        refused(browser.launch(mine.idToken(), theirs.state(), mine.browserState()), 401, "lti-state-mismatch");
        // straight at the API with the other launch's state on both sides: its nonce is not this token's
        refused(browser.launch(mine.idToken(), theirs.state(), theirs.state()), 401, "lti-nonce-mismatch");
    }

    @Test
    void aSignatureByAnotherKeyOrAnUnknownKid() {
        var attacker = Jwts.SIG.RS256.keyPair().build();
        platform.signingKey = attacker; // the platform's kid, the attacker's key
        try {
            refused(bent(c -> {}), 401, "lti-bad-signature");
            platform.signingKid = "not-published";
            int fetched = platform.jwksFetches;
            refused(bent(c -> {}), 401, "lti-unknown-key");
            assertTrue(platform.jwksFetches > fetched, "an unknown kid fetches the platform's JWKS afresh");
        } finally {
            platform.signingKey = platform.key;
            platform.signingKid = platform.kid;
        }
        TestEngine.Reply forged = browser.launch(browser.authenticate(
                platform, "f" + System.nanoTime(), SpecPlatform.LEARNER, "rl", "LtiResourceLinkRequest"));
        assertEquals(200, forged.status(), "the platform's own key still lets in: " + forged.body());
    }

    @Test
    void aDeploymentNotRegistered() {
        refused(bent(c -> c.put(SpecPlatform.LTI + "deployment_id", "99")), 401, "lti-unknown-deployment");
        TestEngine.Reply atLogin = app.post(
                "/api/v1/lti/login",
                null,
                new JsonObject()
                        .put("iss", platform.issuer)
                        .put("login_hint", "x")
                        .put("target_link_uri", app.base() + "/lti/launch")
                        .put("lti_deployment_id", "99"));
        refused(atLogin, 401, "lti-unknown-deployment");
    }

    @Test
    void anUnknownPlatformAWrongIssuerOrTarget() {
        TestEngine.Reply unknown = app.post(
                "/api/v1/lti/login",
                null,
                new JsonObject()
                        .put("iss", "https://nobody.example")
                        .put("login_hint", "x")
                        .put("target_link_uri", app.base() + "/lti/launch"));
        refused(unknown, 401, "lti-unknown-platform");
        refused(bent(c -> c.put("iss", "https://nobody.example")), 401, "lti-wrong-issuer");
        refused(
                bent(c -> c.put(SpecPlatform.LTI + "target_link_uri", "https://evil.example/lti/launch")),
                401,
                "lti-wrong-target");
        TestEngine.Reply elsewhere = app.post(
                "/api/v1/lti/login",
                null,
                new JsonObject()
                        .put("iss", platform.issuer)
                        .put("login_hint", "x")
                        .put("target_link_uri", "https://evil.example/"));
        refused(elsewhere, 401, "lti-wrong-target");
    }

    @Test
    void aWrongMessageVersionOrRoleOrAMissingClaim() {
        refused(
                bent(c -> c.put(SpecPlatform.LTI + "message_type", "LtiSubmissionReviewRequest")),
                401,
                "lti-wrong-message-type");
        refused(bent(c -> c.put(SpecPlatform.LTI + "version", "1.1")), 401, "lti-wrong-version");
        refused(
                bent(c -> c.put(
                        SpecPlatform.LTI + "roles",
                        List.of("http://purl.imsglobal.org/vocab/lis/v2/membership#Mentor"))),
                403,
                "lti-no-role");
        refused(bent(c -> c.remove(SpecPlatform.LTI + "resource_link")), 401, "lti-missing-claim");
        refused(browser.launch("not.a.jwt", "s", "s"), 401, "lti-state-mismatch");
    }

    @Test
    void aMalformedToken() {
        var p = browser.authenticate(
                platform, "g" + System.nanoTime(), SpecPlatform.LEARNER, "rl", "LtiResourceLinkRequest");
        refused(browser.launch("garbage", p.state(), p.browserState()), 401, "lti-malformed-token");
    }

    @Test
    void theRefusalSaysWhyInKazakhAndRussianToo() {
        var p = browser.authenticate(
                platform, "k" + System.nanoTime(), SpecPlatform.LEARNER, "rl", "LtiResourceLinkRequest");
        TestEngine.Reply kk = app.send(
                "POST",
                "/api/v1/lti/launch",
                null,
                "application/json",
                new JsonObject()
                        .put("idToken", "garbage")
                        .put("state", p.state())
                        .put("browserState", p.browserState())
                        .encode()
                        .getBytes(),
                "Accept-Language",
                "kk");
        assertEquals("kk", kk.headers().firstValue("Content-Language").orElse(""));
        assertTrue(kk.json().getString("message").contains("токен"), kk.body());
    }
}
