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
  private static final int CACHE_LIMIT = 100_000;
  private final SecretKey key;
  private final Duration lifetime;
  private final Clock clock;
  private final io.jsonwebtoken.JwtParser parser;
  /** Tokens already verified, with their expiry: a student's token is checked once, not on each of 30 saves. */
  private final java.util.Map<String, Verified> verified = new java.util.concurrent.ConcurrentHashMap<>();

  private record Verified(Caller caller, long expiresAtMillis) {}

  public Tokens(byte[] secret, Duration lifetime, Clock clock) {
    this.key = Keys.hmacShaKeyFor(secret);
    this.lifetime = lifetime;
    this.clock = clock;
    this.parser = Jwts.parser().verifyWith(key).clock(() -> new Date(clock.millis())).build();
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
    Verified known = verified.get(token);
    if (known != null) {
      if (clock.millis() < known.expiresAtMillis()) return Optional.of(known.caller());
      verified.remove(token);
      return Optional.empty();
    }
    return parse(token);
  }

  private Optional<Caller> parse(String token) {
    try {
      Jws<Claims> jws = parser.parseSignedClaims(token);
      if (!ALG.equals(jws.getHeader().getAlgorithm())) return Optional.empty();
      Claims c = jws.getPayload();
      Set<Role> roles = EnumSet.noneOf(Role.class);
      Object raw = c.get("roles");
      if (raw instanceof List<?> list) {
        for (Object r : list) Role.fromCode(String.valueOf(r)).ifPresent(roles::add);
      }
      Caller caller = new Caller(c.getSubject(), String.valueOf(c.get("name")), roles);
      if (verified.size() >= CACHE_LIMIT) verified.clear();
      verified.put(token, new Verified(caller, c.getExpiration().getTime()));
      return Optional.of(caller);
    } catch (JwtException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
