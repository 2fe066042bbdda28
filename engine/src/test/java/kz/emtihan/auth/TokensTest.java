package kz.emtihan.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.security.Keys;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Date;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import kz.emtihan.auth.model.Role;
import org.junit.jupiter.api.Test;

class TokensTest {
    static final byte[] SECRET = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8);
    static final Clock NOW = Clock.fixed(Instant.parse("2026-12-01T09:00:00Z"), ZoneOffset.UTC);
    final Tokens tokens = new Tokens(SECRET, Duration.ofMinutes(60), NOW);
    final Caller student = new Caller("s1", "Aigerim", EnumSet.of(Role.STUDENT));

    @Test
    void aTokenWeIssuedVerifiesWithItsRoles() {
        assertEquals(Optional.of(student), tokens.verify(tokens.issue(student, 0)));
    }

    @Test
    void anExpiredTokenIsRefused() {
        String t = tokens.issue(student, 0);
        Tokens later = new Tokens(SECRET, Duration.ofMinutes(60), Clock.offset(NOW, Duration.ofMinutes(61)));
        assertEquals(Optional.empty(), later.verify(t));
    }

    @Test
    void anotherKeyIsRefused() {
        Tokens other = new Tokens(
                "another-secret-another-secret-123".getBytes(StandardCharsets.UTF_8), Duration.ofMinutes(60), NOW);
        assertEquals(Optional.empty(), tokens.verify(other.issue(student, 0)));
    }

    @Test
    void algNoneIsRefused() {
        String header = b64("{\"alg\":\"none\",\"typ\":\"JWT\"}");
        String body = b64("{\"sub\":\"s1\",\"roles\":[\"admin\"],\"exp\":" + (NOW.millis() / 1000 + 600) + "}");
        assertEquals(Optional.empty(), tokens.verify(header + "." + body + "."));
    }

    @Test
    void anotherHmacAlgorithmWithTheSameKeyIsRefused() {
        byte[] longKey = new byte[64];
        System.arraycopy(SECRET, 0, longKey, 0, 32);
        System.arraycopy(SECRET, 0, longKey, 32, 32);
        Tokens ours = new Tokens(longKey, Duration.ofMinutes(60), NOW);
        String hs512 = Jwts.builder()
                .subject("s1")
                .claim("roles", java.util.List.of("admin"))
                .expiration(new Date(NOW.millis() + 600_000))
                .signWith(Keys.hmacShaKeyFor(longKey), Jwts.SIG.HS512)
                .compact();
        assertEquals(Optional.empty(), ours.verify(hs512));
        assertTrue(ours.verify(ours.issue(student, 0)).isPresent());
    }

    @Test
    void aTokenCarriesItsIdVersionAndExpiry() {
        Session s = tokens.read(tokens.issue(student, 7)).orElseThrow();
        assertEquals(7, s.version());
        assertEquals(NOW.instant().plus(Duration.ofMinutes(60)), s.expiresAt());
        assertTrue(s.tokenId().length() >= 20, "a random id of 128 bits");
        assertNotEquals(
                s.tokenId(),
                tokens.read(tokens.issue(student, 7)).orElseThrow().tokenId(),
                "each token has its own id");
    }

    /** Issue 10: a correctly signed token missing a claim we always issue, or with a claim of the wrong type, is refused (401), never 500. */
    @Test
    void aSignedTokenMissingAClaimOrWithAClaimOfTheWrongTypeIsRefused() {
        long exp = NOW.millis() / 1000 + 600;
        String ok = "\"sub\":\"s1\",\"jti\":\"abc\",\"ver\":0,\"roles\":[\"admin\"],\"exp\":" + exp;
        assertTrue(
                tokens.read(signed("{" + ok + "}")).isPresent(),
                "the well-formed one is accepted, so the others fail for their flaw");
        List<String> flawed = List.of(
                "{\"sub\":\"s1\",\"jti\":\"abc\",\"ver\":0,\"roles\":[\"admin\"]}", // no exp
                "{\"jti\":\"abc\",\"ver\":0,\"roles\":[\"admin\"],\"exp\":" + exp + "}", // no sub
                "{\"sub\":\"s1\",\"ver\":0,\"roles\":[\"admin\"],\"exp\":" + exp + "}", // no jti
                "{\"sub\":\"s1\",\"jti\":\"abc\",\"roles\":[\"admin\"],\"exp\":" + exp + "}", // no ver
                "{\"sub\":\"s1\",\"jti\":\"abc\",\"ver\":0,\"exp\":" + exp + "}", // no roles
                "{\"sub\":\"s1\",\"jti\":\"abc\",\"ver\":0,\"roles\":\"admin\",\"exp\":" + exp
                        + "}", // roles not a list
                "{\"sub\":\"s1\",\"jti\":\"abc\",\"ver\":0,\"roles\":[{\"a\":1}],\"exp\":" + exp
                        + "}", // a role not a text
                "{\"sub\":\"s1\",\"jti\":\"abc\",\"ver\":\"x\",\"roles\":[\"admin\"],\"exp\":" + exp
                        + "}", // ver not a number
                "{\"sub\":\"s1\",\"jti\":\"abc\",\"ver\":0.5,\"roles\":[\"admin\"],\"exp\":" + exp
                        + "}", // ver not whole
                "{\"sub\":\"s1\",\"jti\":\"abc\",\"ver\":0,\"roles\":[\"admin\"],\"exp\":\"soon\"}", // exp not a number
                "{\"sub\":[\"s1\"],\"jti\":\"abc\",\"ver\":0,\"roles\":[\"admin\"],\"exp\":" + exp
                        + "}", // sub not a text
                "{\"sub\":\"../x y\",\"jti\":\"abc\",\"ver\":0,\"roles\":[\"admin\"],\"exp\":" + exp
                        + "}", // sub not an id
                "[1,2]",
                "\"text\"",
                "{}");
        for (String payload : flawed) assertEquals(Optional.empty(), tokens.read(signed(payload)), payload);
    }

    private static String signed(String payload) {
        return Jwt.signed(SECRET, payload);
    }

    private static String b64(String s) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }
}
