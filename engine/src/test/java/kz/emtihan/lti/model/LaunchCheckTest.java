package kz.emtihan.lti.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.security.Jwks;
import java.security.KeyPair;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Map;
import kz.emtihan.refusal.Refusal;
import org.junit.jupiter.api.Test;

/**
 * Issue 16 (2, 6): the id_token check as a function of (platform, JWKS, token, expected, clock): a token recorded at
 * one time verifies at that time and is refused as expired later, whatever the machine's clock says.
 */
class LaunchCheckTest {
    static final KeyPair KEY = Jwts.SIG.RS256.keyPair().build();
    static final String JWKS = "{\"keys\":["
            + new io.vertx.core.json.JsonObject(new java.util.LinkedHashMap<>(Jwks.builder()
                            .key((RSAPublicKey) KEY.getPublic())
                            .id("k1")
                            .build()))
                    .encode()
            + "]}";
    static final Instant RECORDED = Instant.parse("2026-12-06T12:00:00Z");
    static final Platform MOODLE = new Platform(
            "p1",
            "Moodle",
            "http://127.0.0.1:8765",
            "exam-engine-client",
            List.of("1"),
            "http://127.0.0.1:8765/mod/lti/auth.php",
            "http://127.0.0.1:8765/mod/lti/token.php",
            "http://127.0.0.1:8765/mod/lti/certs.php");
    static final LaunchCheck.Expected EXPECTED =
            new LaunchCheck.Expected("n-1", "http://127.0.0.1:8766", Duration.ofSeconds(60));

    static String token(Map<String, Object> extra) {
        var b = Jwts.builder()
                .header()
                .keyId("k1")
                .and()
                .issuer(MOODLE.issuer())
                .audience()
                .add(MOODLE.clientId())
                .and()
                .subject("2")
                .issuedAt(Date.from(RECORDED))
                .expiration(Date.from(RECORDED.plusSeconds(60)))
                .claim("nonce", "n-1")
                .claim(LaunchCheck.LTI + "message_type", "LtiResourceLinkRequest")
                .claim(LaunchCheck.LTI + "version", "1.3.0")
                .claim(LaunchCheck.LTI + "deployment_id", "1")
                .claim(LaunchCheck.LTI + "target_link_uri", "http://127.0.0.1:8766/lti/launch")
                .claim(LaunchCheck.LTI + "roles", List.of("http://purl.imsglobal.org/vocab/lis/v2/membership#Learner"))
                .claim(LaunchCheck.LTI + "resource_link", Map.of("id", "7", "title", "Final"))
                .claim(LaunchCheck.LTI + "context", Map.of("id", "2", "title", "Course"))
                .claim(
                        LaunchCheck.AGS,
                        Map.of(
                                "lineitem",
                                "http://127.0.0.1:8765/mod/lti/services.php/2/lineitems/1/lineitem",
                                "scope",
                                List.of("https://purl.imsglobal.org/spec/lti-ags/scope/score")))
                .claim(
                        LaunchCheck.NRPS,
                        Map.of(
                                "context_memberships_url",
                                "http://127.0.0.1:8765/mod/lti/services.php/CourseSection/2/bindings/1/memberships"))
                .claim("given_name", "Aigerim")
                .claim("family_name", "Bekova");
        extra.forEach(b::claim);
        return b.signWith(KEY.getPrivate(), Jwts.SIG.RS256).compact();
    }

    static Clock at(Instant t) {
        return Clock.fixed(t, ZoneOffset.UTC);
    }

    static String refusal(Runnable r) {
        return ((Refusal) assertThrows(Refusal.class, r::run)).code().code();
    }

    @Test
    void aRecordedLaunchVerifiesAtItsRecordedTime() {
        Launch l = LaunchCheck.verify(MOODLE, JWKS, token(Map.of()), EXPECTED, at(RECORDED.plusSeconds(5)));
        assertEquals("2", l.sub());
        assertEquals("Aigerim Bekova", l.name());
        assertEquals("7", l.resourceLinkId().orElseThrow());
        assertEquals(
                "http://127.0.0.1:8765/mod/lti/services.php/2/lineitems/1/lineitem",
                l.ags().orElseThrow().lineItem());
        assertEquals(
                List.of("https://purl.imsglobal.org/spec/lti-ags/scope/score"),
                l.ags().orElseThrow().scopes());
        assertEquals(
                "http://127.0.0.1:8765/mod/lti/services.php/CourseSection/2/bindings/1/memberships",
                l.membershipsUrl().orElseThrow());
    }

    @Test
    void theSameTokenLaterIsExpiredAndEarlierIsFromTheFuture() {
        String t = token(Map.of());
        assertEquals(
                "lti-expired",
                refusal(() -> LaunchCheck.verify(MOODLE, JWKS, t, EXPECTED, at(RECORDED.plusSeconds(121)))));
        LaunchCheck.verify(MOODLE, JWKS, t, EXPECTED, at(RECORDED.plusSeconds(119))); // within the leeway
        assertEquals(
                "lti-issued-in-future",
                refusal(() -> LaunchCheck.verify(MOODLE, JWKS, t, EXPECTED, at(RECORDED.minusSeconds(61)))));
    }

    @Test
    void eachClaimIsCheckedWithItsOwnRefusal() {
        Clock now = at(RECORDED);
        assertEquals(
                "lti-nonce-mismatch",
                refusal(() -> LaunchCheck.verify(
                        MOODLE,
                        JWKS,
                        token(Map.of()),
                        new LaunchCheck.Expected("other", EXPECTED.toolUrl(), EXPECTED.skew()),
                        now)));
        assertEquals(
                "lti-unknown-deployment",
                refusal(() -> LaunchCheck.verify(
                        MOODLE, JWKS, token(Map.of(LaunchCheck.LTI + "deployment_id", "2")), EXPECTED, now)));
        assertEquals(
                "lti-wrong-version",
                refusal(() -> LaunchCheck.verify(
                        MOODLE, JWKS, token(Map.of(LaunchCheck.LTI + "version", "1.1.0")), EXPECTED, now)));
        assertEquals(
                "lti-wrong-target",
                refusal(() -> LaunchCheck.verify(
                        MOODLE,
                        JWKS,
                        token(Map.of(LaunchCheck.LTI + "target_link_uri", "http://127.0.0.1:8766.evil/x")),
                        EXPECTED,
                        now)));
        assertEquals(
                "lti-unknown-key",
                refusal(() ->
                        LaunchCheck.verify(MOODLE, JWKS.replace("\"k1\"", "\"k2\""), token(Map.of()), EXPECTED, now)));
        assertEquals(
                "lti-platform-keys-unavailable",
                refusal(() -> LaunchCheck.verify(MOODLE, "<html>", token(Map.of()), EXPECTED, now)));
        Platform other = new Platform(
                "p1",
                "M",
                MOODLE.issuer(),
                "someone-else",
                List.of("1"),
                MOODLE.authUrl(),
                MOODLE.tokenUrl(),
                MOODLE.jwksUrl());
        assertEquals(
                "lti-wrong-audience", refusal(() -> LaunchCheck.verify(other, JWKS, token(Map.of()), EXPECTED, now)));
        String unsigned = Jwts.builder().issuer(MOODLE.issuer()).subject("2").compact();
        assertEquals("lti-malformed-token", refusal(() -> LaunchCheck.verify(MOODLE, JWKS, unsigned, EXPECTED, now)));
    }
}
