package kz.emtihan.auth;

import io.jsonwebtoken.Claims;
import io.jsonwebtoken.JwtException;
import io.jsonwebtoken.Jws;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.security.Keys;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Date;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.crypto.SecretKey;

/**
 * JWTs issued and verified with JJWT, HS256 only: a token that is unsigned ({@code alg: none}), signed
 * with another algorithm or another key, or expired is refused.
 */
public final class Tokens {
  private static final String ALG = "HS256";
  private final SecretKey key;
  private final Duration lifetime;
  private final Clock clock;

  public Tokens(byte[] secret, Duration lifetime, Clock clock) {
    this.key = Keys.hmacShaKeyFor(secret);
    this.lifetime = lifetime;
    this.clock = clock;
  }

  /** The configured secret, or one generated once and kept in {@code <dataDir>/jwt-hs256.key}. */
  public static byte[] secret(Optional<String> configured, Path dataDir) {
    if (configured.isPresent()) return configured.get().getBytes(StandardCharsets.UTF_8);
    Path file = dataDir.resolve("jwt-hs256.key");
    try {
      if (Files.exists(file)) return Base64.getDecoder().decode(Files.readString(file).trim());
      Files.createDirectories(dataDir);
      byte[] fresh = new byte[32];
      new SecureRandom().nextBytes(fresh);
      Files.writeString(file, Base64.getEncoder().encodeToString(fresh));
      try {
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
      } catch (UnsupportedOperationException ignored) {
        // not a POSIX file system
      }
      return fresh;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot keep the token key in " + file, e);
    }
  }

  public String issue(Caller who) {
    long now = clock.millis();
    return Jwts.builder()
        .subject(who.id())
        .claim("name", who.name())
        .claim("roles", who.roles().stream().map(Role::code).sorted().toList())
        .issuedAt(new Date(now))
        .expiration(new Date(now + lifetime.toMillis()))
        .signWith(key, Jwts.SIG.HS256)
        .compact();
  }

  /** The caller a token speaks for, or empty when it is not a valid, unexpired HS256 token of ours. */
  public Optional<Caller> verify(String token) {
    try {
      Jws<Claims> jws = Jwts.parser().verifyWith(key).clock(() -> new Date(clock.millis())).build()
          .parseSignedClaims(token);
      if (!ALG.equals(jws.getHeader().getAlgorithm())) return Optional.empty();
      Claims c = jws.getPayload();
      Set<Role> roles = EnumSet.noneOf(Role.class);
      Object raw = c.get("roles");
      if (raw instanceof List<?> list) {
        for (Object r : list) Role.fromCode(String.valueOf(r)).ifPresent(roles::add);
      }
      return Optional.of(new Caller(c.getSubject(), String.valueOf(c.get("name")), roles));
    } catch (JwtException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
