package kz.emtihan.auth;

import io.jsonwebtoken.Claims;
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
import kz.emtihan.auth.model.Role;

/**
 * JWTs issued and verified with JJWT, HS256 only: a token that is unsigned ({@code alg: none}), signed
 * with another algorithm or another key, expired, or missing a claim we issue is refused. Whether a signed token has
 * been ended since (logout, a change of roles or password) is {@link Sessions}' question.
 */
public final class Tokens {
    private static final String ALG = "HS256";
    private static final int CACHE_LIMIT = 100_000;
    private static final int MAX_TOKEN = 8_192;
    private static final String VERSION = "ver";
    private static final SecureRandom RANDOM = new SecureRandom();
    private final SecretKey key;
    private final Duration lifetime;
    private final Clock clock;
    private final io.jsonwebtoken.JwtParser parser;
    /** Tokens already verified, with their expiry: a student's token is checked once, not on each of 30 saves. */
    private final java.util.Map<String, Session> verified = new java.util.concurrent.ConcurrentHashMap<>();

    public Tokens(byte[] secret, Duration lifetime, Clock clock) {
        this.key = Keys.hmacShaKeyFor(secret);
        this.lifetime = lifetime;
        this.clock = clock;
        this.parser = Jwts.parser()
                .verifyWith(key)
                .clock(() -> new Date(clock.millis()))
                .build();
    }

    /** The configured secret, or one generated once and kept in {@code <dataDir>/jwt-hs256.key}. */
    public static byte[] secret(Optional<String> configured, Path dataDir) {
        if (configured.isPresent()) return configured.get().getBytes(StandardCharsets.UTF_8);
        Path file = dataDir.resolve("jwt-hs256.key");
        try {
            if (Files.exists(file))
                return Base64.getDecoder().decode(Files.readString(file).trim());
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

    /** A token for {@code who}, issued under their current credential version, with a fresh random id. */
    public String issue(Caller who, long version) {
        long now = clock.millis();
        byte[] id = new byte[16];
        RANDOM.nextBytes(id);
        return Jwts.builder()
                .subject(who.id())
                .id(Base64.getUrlEncoder().withoutPadding().encodeToString(id))
                .claim("name", who.name())
                .claim("roles", who.roles().stream().map(Role::code).sorted().toList())
                .claim(VERSION, version)
                .issuedAt(new Date(now))
                .expiration(new Date(now + lifetime.toMillis()))
                .signWith(key, Jwts.SIG.HS256)
                .compact();
    }

    /** How long a token lives: the longest any logout must be remembered. */
    public Duration lifetime() {
        return lifetime;
    }

    /**
     * The session a token speaks for, or empty when it is not a valid, unexpired HS256 token of ours with every claim
     * we issue ({@code sub}, {@code jti}, {@code exp}, {@code ver}, {@code roles} as a list of texts). Whether the token
     * has since been ended is {@link Sessions}' question. Never throws: a malformed token is just refused.
     */
    public Optional<Session> read(String token) {
        if (token == null || token.isEmpty() || token.length() > MAX_TOKEN) return Optional.empty();
        Session known = verified.get(token);
        if (known != null) {
            if (clock.millis() < known.expiresAt().toEpochMilli()) return Optional.of(known);
            verified.remove(token);
            return Optional.empty();
        }
        return parse(token);
    }

    /** The caller a token speaks for (its signature, claims and expiry only; see {@link #read}). */
    public Optional<Caller> verify(String token) {
        return read(token).map(Session::caller);
    }

    private Optional<Session> parse(String token) {
        try {
            Jws<Claims> jws = parser.parseSignedClaims(token);
            if (!ALG.equals(jws.getHeader().getAlgorithm())) return Optional.empty();
            Claims c = jws.getPayload();
            Date exp = c.getExpiration();
            String sub = c.getSubject();
            String jti = c.getId();
            if (exp == null || sub == null || !Users.ID.matcher(sub).matches() || jti == null || jti.isEmpty())
                return Optional.empty();
            if (!(c.get(VERSION) instanceof Number ver) || !(ver instanceof Integer || ver instanceof Long))
                return Optional.empty();
            if (!(c.get("roles") instanceof List<?> list)) return Optional.empty();
            Set<Role> roles = EnumSet.noneOf(Role.class);
            for (Object r : list) {
                if (!(r instanceof String code)) return Optional.empty();
                Role.fromCode(code).ifPresent(roles::add);
            }
            String name = c.get("name") instanceof String n ? n : sub;
            Session session = new Session(new Caller(sub, name, roles), jti, ver.longValue(), exp.toInstant());
            if (verified.size() >= CACHE_LIMIT) verified.clear();
            verified.put(token, session);
            return Optional.of(session);
        } catch (
                RuntimeException
                        e) { // JwtException, IllegalArgumentException, a claim of an unexpected type: all refused
            return Optional.empty();
        }
    }
}
