package kz.emtihan.lti;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jsonwebtoken.Claims;
import io.jsonwebtoken.ExpiredJwtException;
import io.jsonwebtoken.JwsHeader;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.security.Jwk;
import io.jsonwebtoken.security.JwkSet;
import io.jsonwebtoken.security.Jwks;
import io.jsonwebtoken.security.SignatureException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.Key;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kz.emtihan.auth.model.Role;
import kz.emtihan.lti.model.Launch;
import kz.emtihan.lti.model.LaunchCheck;
import kz.emtihan.lti.model.LaunchRoles;
import kz.emtihan.lti.model.LtiRefusal;
import kz.emtihan.lti.model.Platform;
import kz.emtihan.lti.model.ResourceLink;
import kz.emtihan.refusal.Refusal;
import org.junit.jupiter.api.Test;

/**
 * Issue 16, "How to test it against the real thing": what a real Moodle 4.3 sent, recorded on the wire (see
 * resources kz/emtihan/lti/moodle/README.md), read the way a tool has to read it. These pin the facts about Moodle's
 * messages that the launch and the services depend on, first with JJWT alone, then through the tool's own verifier
 * and service clients.
 */
class MoodleFixturesTest {
    static final String LTI = "https://purl.imsglobal.org/spec/lti/claim/";

    static JsonObject fixture(String name) {
        try (InputStream in = MoodleFixturesTest.class.getResourceAsStream("moodle/" + name)) {
            if (in == null) throw new IllegalStateException("no fixture " + name);
            return new JsonObject(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static String idToken(JsonObject launch) {
        return launch.getJsonObject("form_post").getJsonObject("params").getString("id_token");
    }

    /** The recorded moment the form_post reached the tool, in milliseconds. */
    static long receivedAt(JsonObject launch) {
        return (long) (launch.getJsonObject("form_post").getDouble("received_at") * 1000);
    }

    static Claims verify(JsonObject launch, String token, long atMillis) {
        JwkSet set = Jwks.setParser()
                .build()
                .parse(launch.getJsonObject("certs_at_that_moment").encode());
        JsonObject platform = fixture("platform.json");
        return Jwts.parser()
                .keyLocator(header -> {
                    String kid = ((JwsHeader) header).getKeyId();
                    return set.getKeys().stream()
                            .filter(k -> kid.equals(k.getId()))
                            .findFirst()
                            .map(Jwk::toKey)
                            .map(Key.class::cast)
                            .orElseThrow();
                })
                .requireIssuer(platform.getString("issuer"))
                .requireAudience(platform.getString("client_id"))
                .clock(() -> new Date(atMillis))
                .build()
                .parseSignedClaims(token)
                .getPayload();
    }

    /** The same token with one claim changed in its payload and the signature left as Moodle made it. */
    static String tampered(String token, String from, String to) {
        String[] p = token.split("\\.");
        String json = new String(Base64.getUrlDecoder().decode(p[1]), StandardCharsets.UTF_8);
        assertTrue(json.contains(from), "the payload holds " + from);
        String changed = Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(json.replace(from, to).getBytes(StandardCharsets.UTF_8));
        return p[0] + "." + changed + "." + p[2];
    }

    @Test
    void theStudentsResourceLinkLaunchVerifiesAgainstMoodlesJwksAtItsRecordedTime() {
        // issue 16 (2): signature, issuer, audience, expiry of the real id_token
        JsonObject launch = fixture("student-launch.json");
        Claims c = verify(launch, idToken(launch), receivedAt(launch));
        JsonObject auth = launch.getJsonObject("authentication_request").getJsonObject("params");
        assertEquals(auth.getString("nonce"), c.get("nonce"), "Moodle echoes the tool's nonce");
        assertEquals(
                auth.getString("state"),
                launch.getJsonObject("form_post").getJsonObject("params").getString("state"));
        assertEquals("LtiResourceLinkRequest", c.get(LTI + "message_type"));
        assertEquals("1.3.0", c.get(LTI + "version"));
        assertEquals("1", c.get(LTI + "deployment_id"));
        assertEquals("4", c.getSubject(), "sub is Moodle's user id of student1");
        assertEquals(List.of("http://purl.imsglobal.org/vocab/lis/v2/membership#Learner"), c.get(LTI + "roles"));
        assertEquals("1", ((Map<?, ?>) c.get(LTI + "resource_link")).get("id"));
        assertEquals("2", ((Map<?, ?>) c.get(LTI + "context")).get("id"));
        assertEquals(
                60,
                c.getExpiration().getTime() / 1000 - c.getIssuedAt().getTime() / 1000,
                "Moodle's id_token lives 60 s");
        Map<?, ?> ags = (Map<?, ?>) c.get("https://purl.imsglobal.org/spec/lti-ags/claim/endpoint");
        assertEquals(
                "http://127.0.0.1:8765/mod/lti/services.php/2/lineitems/2/lineitem?type_id=1", ags.get("lineitem"));
        assertTrue(((List<?>) ags.get("scope")).contains("https://purl.imsglobal.org/spec/lti-ags/scope/score"));
        Map<?, ?> nrps = (Map<?, ?>) c.get("https://purl.imsglobal.org/spec/lti-nrps/claim/namesroleservice");
        assertEquals(
                "http://127.0.0.1:8765/mod/lti/services.php/CourseSection/2/bindings/1/memberships",
                nrps.get("context_memberships_url"));
    }

    @Test
    void theTeachersDeepLinkingLaunchVerifiesAndCarriesItsReturnUrl() {
        // issue 16 (2): Deep Linking from inside Moodle
        JsonObject dl = fixture("teacher-deeplink.json");
        Claims c = verify(dl, idToken(dl), receivedAt(dl));
        assertEquals("LtiDeepLinkingRequest", c.get(LTI + "message_type"));
        assertEquals("3", c.getSubject());
        assertEquals(List.of("http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor"), c.get(LTI + "roles"));
        assertNull(c.get(LTI + "resource_link"), "a deep-linking request has no resource link");
        Map<?, ?> settings = (Map<?, ?>) c.get("https://purl.imsglobal.org/spec/lti-dl/claim/deep_linking_settings");
        assertTrue(((String) settings.get("deep_link_return_url"))
                .startsWith("http://127.0.0.1:8765/mod/lti/contentitem_return.php?course=2&id=1&sesskey="));
        assertEquals(List.of("ltiResourceLink"), settings.get("accept_types"));
        assertNull(settings.get("data"), "Moodle 4.3 sends no data claim to echo");
        Map<?, ?> ags = (Map<?, ?>) c.get("https://purl.imsglobal.org/spec/lti-ags/claim/endpoint");
        assertFalse(ags.containsKey("lineitem"), "only the container: no line item exists yet");
        assertEquals(
                "http://127.0.0.1:8766/lti/deeplink",
                dl.getJsonObject("login_initiation").getJsonObject("params").getString("target_link_uri"));
        assertEquals(
                "http://127.0.0.1:8766/lti/launch",
                dl.getJsonObject("authentication_request")
                        .getJsonObject("params")
                        .getString("redirect_uri"),
                "Moodle accepts only a registered redirect URI, and the recipe registers /lti/launch alone");
    }

    @Test
    void aRecordedTokenIsRefusedAfterItsExpiry() {
        JsonObject launch = fixture("student-launch.json");
        long exp =
                fixture("student-launch.json").getJsonObject("id_token_claims").getLong("exp") * 1000;
        assertThrows(ExpiredJwtException.class, () -> verify(launch, idToken(launch), exp + 1000));
    }

    @Test
    void aRecordedTokenWithAChangedRoleIsRefused() {
        JsonObject launch = fixture("student-launch.json");
        String forged = tampered(idToken(launch), "membership#Learner", "membership#Instructor");
        assertThrows(SignatureException.class, () -> verify(launch, forged, receivedAt(launch)));
    }

    @Test
    void moodlesServiceAnswersHaveTheShapesTheClientsMustRead() {
        // issue 16 (3-4): facts of Moodle's AGS/NRPS/token answers a client has to cope with
        JsonObject token = fixture("token.json").getJsonObject("response");
        assertEquals(200, token.getInteger("status"));
        assertTrue(token.getString("content_type").startsWith("text/html"), "token.php serves its JSON as text/html");
        assertEquals("Bearer", token.getJsonObject("body").getString("token_type"));
        assertEquals(3600, token.getJsonObject("body").getInteger("expires_in"));

        JsonArray members = fixture("nrps-memberships.json")
                .getJsonObject("response")
                .getJsonObject("body")
                .getJsonArray("members");
        assertEquals(3, members.size());
        JsonObject first = members.getJsonObject(0);
        assertEquals("4", first.getString("user_id"));
        assertEquals(new JsonArray().add("Learner"), first.getJsonArray("roles"), "NRPS roles are short names");

        JsonObject score = fixture("ags-score-post.json").getJsonObject("response");
        assertEquals(200, score.getInteger("status"));
        assertEquals("", score.getString("body"));
        assertTrue(fixture("ags-score-post.json")
                .getJsonObject("request")
                .getString("url")
                .endsWith("/lineitem/scores?type_id=1"));
        JsonObject result = fixture("ags-results.json")
                .getJsonObject("response")
                .getJsonArray("body")
                .getJsonObject(0);
        assertEquals(85, result.getInteger("resultScore"), "17 of 20 sent, 85 of 100 in Moodle");
        assertEquals("B+ (recorded fixture)", result.getString("comment"));
        assertEquals(
                400,
                fixture("ags-score-post-unknown-user.json")
                        .getJsonObject("response")
                        .getInteger("status"));
    }

    @Test
    void theToolsJwksHasWhatMoodlesJwtLibraryDemands() {
        // issue 16 (1): Moodle 4.3 reads the tool's JWKS with firebase/php-jwt's JWK::parseKeySet and no default
        // algorithm, which refuses a key without "alg" ("JWK must contain an \"alg\" parameter"); the key the
        // recording stood in with (tool-jwks.json) had kty, alg, use, kid, n, e and Moodle took it
        JsonObject published = ToolKeys.generate().jwk();
        JsonObject recorded = fixture("tool-jwks.json").getJsonArray("keys").getJsonObject(0);
        for (String field : recorded.fieldNames())
            assertTrue(published.containsKey(field), () -> "the tool's JWK lacks " + field + ": " + published);
        assertEquals("RS256", published.getString("alg"));
        assertEquals("RSA", published.getString("kty"));
        assertFalse(published.containsKey("d"), "no private part");
    }

    // ---- the same messages through the tool's own verifier (wt-lti-launch's LaunchCheck) ----

    static final String TOOL = "http://127.0.0.1:8766";
    static final Duration SKEW = Duration.ofSeconds(60); // lti.clockSkewSeconds' default

    static Platform moodle(String clientId, List<String> deployments) {
        JsonObject p = fixture("platform.json");
        return new Platform(
                "moodle",
                "Moodle 4.3",
                p.getString("issuer"),
                clientId,
                deployments,
                p.getString("oidc_auth_url"),
                p.getString("token_url"),
                p.getString("jwks_url"));
    }

    static Platform moodle() {
        return moodle(fixture("platform.json").getString("client_id"), List.of("1"));
    }

    static String nonce(JsonObject launch) {
        return launch.getJsonObject("authentication_request")
                .getJsonObject("params")
                .getString("nonce");
    }

    static Clock at(long millis) {
        return Clock.fixed(Instant.ofEpochMilli(millis), ZoneOffset.UTC);
    }

    static Launch check(JsonObject launch, Platform p, String token, String tool, long atMillis) {
        return LaunchCheck.verify(
                p,
                launch.getJsonObject("certs_at_that_moment").encode(),
                token,
                new LaunchCheck.Expected(nonce(launch), tool, SKEW),
                at(atMillis));
    }

    static Launch check(JsonObject launch) {
        return check(launch, moodle(), idToken(launch), TOOL, receivedAt(launch));
    }

    static LtiRefusal refusal(Runnable r) {
        Refusal e = assertThrows(Refusal.class, r::run);
        return (LtiRefusal) e.code();
    }

    @Test
    void theVerifierLetsMoodlesStudentLaunchInAsAStudentOnTheRulesPageOfItsExam() {
        // issue 16 (2): a resource link opens its exam directly; Learner -> student
        JsonObject recorded = fixture("student-launch.json");
        Launch l = check(recorded);
        assertEquals(Launch.RESOURCE_LINK, l.messageType());
        assertEquals("4", l.sub());
        assertEquals("Student1 Test", l.name());
        assertEquals("student1@example.invalid", l.email());
        assertEquals(Optional.of(Role.STUDENT), LaunchRoles.role(l.roles(), false));
        assertEquals(Optional.of(Role.STUDENT), LaunchRoles.role(l.roles(), true));
        assertEquals("rules.html?exam=exam-7", LaunchSignIn.next(l, Role.STUDENT, Optional.of("exam-7"), "L1"));

        ResourceLink link = LaunchSignIn.link(l, "exam-7");
        JsonObject c = recorded.getJsonObject("id_token_claims");
        JsonObject ags = c.getJsonObject("https://purl.imsglobal.org/spec/lti-ags/claim/endpoint");
        assertEquals(
                new ResourceLink(
                        "moodle",
                        "1",
                        "2",
                        "1",
                        "exam-7",
                        ags.getString("lineitem"),
                        ags.getString("lineitems"),
                        ags.getJsonArray("scope").getList(),
                        c.getJsonObject("https://purl.imsglobal.org/spec/lti-nrps/claim/namesroleservice")
                                .getString("context_memberships_url")),
                link);
        assertEquals("http://127.0.0.1:8765/mod/lti/services.php/2/lineitems/2/lineitem?type_id=1", link.lineItemUrl());
        assertTrue(link.agsScopes().contains("https://purl.imsglobal.org/spec/lti-ags/scope/score"));
    }

    @Test
    void theVerifierLetsMoodlesDeepLinkingLaunchInAsATeacherOnThePickPage() {
        // issue 16 (2): Deep Linking lets a teacher pick an exam from inside Moodle; Instructor -> teacher
        JsonObject recorded = fixture("teacher-deeplink.json");
        Launch l = check(recorded);
        assertTrue(l.deepLinkingRequest());
        assertEquals(Optional.of(Role.TEACHER), LaunchRoles.role(l.roles(), false));
        assertEquals(Optional.empty(), l.resourceLinkId());
        assertEquals("LTI test course", l.contextTitle());
        Launch.DeepLinking dl = l.deepLinking().orElseThrow();
        assertTrue(dl.returnUrl().startsWith("http://127.0.0.1:8765/mod/lti/contentitem_return.php?course=2&id=1"));
        assertNull(dl.data());
        assertEquals(List.of("ltiResourceLink"), dl.acceptTypes());
        assertEquals("lti-pick.html?launch=L2", LaunchSignIn.next(l, Role.TEACHER, Optional.empty(), "L2"));
        assertEquals(null, LaunchSignIn.next(l, Role.STUDENT, Optional.empty(), "L2"));
        assertEquals(
                "http://127.0.0.1:8765/mod/lti/services.php/2/lineitems?type_id=1",
                l.ags().orElseThrow().lineItems());
        assertNull(l.ags().orElseThrow().lineItem());
    }

    @Test
    void theVerifierRefusesMoodlesTokenAfterItsExpiryAndLeeway() {
        JsonObject recorded = fixture("student-launch.json");
        long exp = recorded.getJsonObject("id_token_claims").getLong("exp") * 1000;
        check(recorded, moodle(), idToken(recorded), TOOL, exp + SKEW.toMillis() - 1000); // still within the leeway
        assertEquals(
                LtiRefusal.EXPIRED,
                refusal(() -> check(recorded, moodle(), idToken(recorded), TOOL, exp + SKEW.toMillis() + 1000)));
    }

    @Test
    void theVerifierRefusesMoodlesTokenWithATamperedPayload() {
        JsonObject recorded = fixture("student-launch.json");
        for (String[] change : new String[][] {
            {"membership#Learner", "membership#Instructor"},
            {"\"sub\":\"4\"", "\"sub\":\"3\""},
            {"lineitems/2/lineitem", "lineitems/9/lineitem"}
        }) {
            String forged = tampered(idToken(recorded), change[0], change[1]);
            assertEquals(
                    LtiRefusal.BAD_SIGNATURE,
                    refusal(() -> check(recorded, moodle(), forged, TOOL, receivedAt(recorded))),
                    change[0]);
        }
    }

    @Test
    void theVerifierRefusesMoodlesTokenForAnotherToolNonceDeploymentOrAddress() {
        JsonObject recorded = fixture("student-launch.json");
        long t = receivedAt(recorded);
        String token = idToken(recorded);
        assertEquals(
                LtiRefusal.WRONG_AUDIENCE,
                refusal(() -> check(recorded, moodle("another-tool", List.of("1")), token, TOOL, t)));
        assertEquals(
                LtiRefusal.UNKNOWN_DEPLOYMENT,
                refusal(() -> check(recorded, moodle("exam-engine-client", List.of("2")), token, TOOL, t)));
        assertEquals(
                LtiRefusal.WRONG_TARGET, refusal(() -> check(recorded, moodle(), token, "http://127.0.0.1:9999", t)));
        assertEquals(
                LtiRefusal.NONCE_MISMATCH,
                refusal(() -> LaunchCheck.verify(
                        moodle(),
                        recorded.getJsonObject("certs_at_that_moment").encode(),
                        token,
                        new LaunchCheck.Expected("another-nonce", TOOL, SKEW),
                        at(t))));
        // checked against a JWKS without Moodle's kid (the tool's own keys): an unknown key
        JsonObject otherKeys = fixture("tool-jwks.json");
        assertEquals(
                LtiRefusal.UNKNOWN_KEY,
                refusal(() -> LaunchCheck.verify(
                        moodle(),
                        otherKeys.encode(),
                        token,
                        new LaunchCheck.Expected(nonce(recorded), TOOL, SKEW),
                        at(t))));
    }
}
