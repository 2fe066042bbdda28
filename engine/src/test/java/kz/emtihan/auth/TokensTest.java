package kz.emtihan.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TokensTest {
  static final byte[] SECRET = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8);
  static final Clock NOW = Clock.fixed(Instant.parse("2026-12-01T09:00:00Z"), ZoneOffset.UTC);
  final Tokens tokens = new Tokens(SECRET, Duration.ofMinutes(60), NOW);
  final Caller student = new Caller("s1", "Aigerim", EnumSet.of(Role.STUDENT));

  @Test
  void aTokenWeIssuedVerifiesWithItsRoles() {
    assertEquals(Optional.of(student), tokens.verify(tokens.issue(student)));
  }

  @Test
  void anExpiredTokenIsRefused() {
    String t = tokens.issue(student);
    Tokens later = new Tokens(SECRET, Duration.ofMinutes(60), Clock.offset(NOW, Duration.ofMinutes(61)));
    assertEquals(Optional.empty(), later.verify(t));
  }

  @Test
  void anotherKeyIsRefused() {
    Tokens other = new Tokens("another-secret-another-secret-123".getBytes(StandardCharsets.UTF_8), Duration.ofMinutes(60), NOW);
    assertEquals(Optional.empty(), tokens.verify(other.issue(student)));
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
    String hs512 = Jwts.builder().subject("s1").claim("roles", java.util.List.of("admin"))
        .expiration(new Date(NOW.millis() + 600_000)).signWith(Keys.hmacShaKeyFor(longKey), Jwts.SIG.HS512).compact();
    assertEquals(Optional.empty(), ours.verify(hs512));
    assertTrue(ours.verify(ours.issue(student)).isPresent());
  }

  private static String b64(String s) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(s.getBytes(StandardCharsets.UTF_8));
  }
}
