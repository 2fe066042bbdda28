package kz.emtihan.lti.services;

import io.jsonwebtoken.Jwts;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import kz.emtihan.lti.LtiDirectory;
import kz.emtihan.lti.model.Platform;
import kz.emtihan.lti.model.ToolKey;
import kz.emtihan.lti.services.model.TokenLife;

/**
 * Issue 16 (3-4): access tokens for the platform's services by the OAuth2 client credentials grant with a signed JWT
 * assertion (1EdTech Security Framework 1.0, 4.1). The assertion is signed RS256 with the tool's current key
 * ({@link LtiDirectory#signingKey}): {@code iss = sub =} the client id, {@code aud =} the token URL, a five-minute
 * life and a fresh {@code jti}. A token is kept per (platform, scopes) on this node until shortly before it expires
 * ({@link TokenLife}); concurrent askers share one request.
 */
final class PlatformTokens {
    static final String ASSERTION_TYPE = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";
    private final WebClient http;
    private final LtiDirectory directory;
    private final Clock clock;
    private final long timeoutMillis;
    private final ConcurrentHashMap<String, Held> held = new ConcurrentHashMap<>();

    private record Held(Future<String> token, Instant until) {}

    private record Fetched(String token, Instant until) {}

    PlatformTokens(WebClient http, LtiDirectory directory, Clock clock, Duration timeout) {
        this.http = http;
        this.directory = directory;
        this.clock = clock;
        this.timeoutMillis = timeout.toMillis();
    }

    /** A bearer token for these scopes of the platform's services. */
    Future<String> token(Platform platform, Set<String> scopes) {
        String key = platform.id() + " " + String.join(" ", new TreeSet<>(scopes));
        Instant now = clock.instant();
        Held h = held.get(key);
        if (h != null
                && now.isBefore(h.until())
                && !(h.token().isComplete() && h.token().failed())) return h.token();
        io.vertx.core.Promise<String> asked = io.vertx.core.Promise.promise();
        Held mine = new Held(asked.future(), Instant.MAX);
        Held current = held.compute(key, (k, old) -> old != null && old != h ? old : mine);
        if (current != mine) return current.token(); // another caller asked first
        fetch(platform, scopes)
                .map(t -> {
                    held.replace(key, mine, new Held(Future.succeededFuture(t.token()), t.until()));
                    return t.token();
                })
                .onComplete(asked);
        return asked.future();
    }

    /** Forgets the token (the platform answered 401 with it): the next call asks for a new one. */
    void forget(Platform platform, Set<String> scopes) {
        held.remove(platform.id() + " " + String.join(" ", new TreeSet<>(scopes)));
    }

    private Future<Fetched> fetch(Platform platform, Set<String> scopes) {
        return directory.signingKey().compose(k -> {
            Instant issued = clock.instant();
            MultiMap form = MultiMap.caseInsensitiveMultiMap()
                    .add("grant_type", "client_credentials")
                    .add("client_assertion_type", ASSERTION_TYPE)
                    .add("client_assertion", assertion(k, platform, issued))
                    .add("scope", String.join(" ", new TreeSet<>(scopes)));
            return http.postAbs(platform.tokenUrl())
                    .timeout(timeoutMillis)
                    .putHeader("Accept", "application/json")
                    .sendForm(form)
                    .recover(err -> Future.failedFuture(PlatformAnswer.unreachable("token", err)))
                    .compose(res -> {
                        String body = res.bodyAsString();
                        if (res.statusCode() / 100 != 2) {
                            return Future.failedFuture(new PlatformAnswer("token", res.statusCode(), body));
                        }
                        JsonObject json;
                        try {
                            json = new JsonObject(body == null ? "" : body);
                        } catch (RuntimeException e) {
                            return Future.failedFuture(new PlatformAnswer("token", res.statusCode(), body));
                        }
                        String token = json.getString("access_token");
                        if (token == null || token.isBlank())
                            return Future.failedFuture(new PlatformAnswer("token", res.statusCode(), body));
                        long expiresIn = json.getValue("expires_in") instanceof Number n ? n.longValue() : 3600;
                        return Future.succeededFuture(new Fetched(token, TokenLife.usableUntil(issued, expiresIn)));
                    });
        });
    }

    /** The client assertion (Security Framework 4.1.1): a JWT the token endpoint checks against the tool's JWKS. */
    static String assertion(ToolKey key, Platform platform, Instant now) {
        return Jwts.builder()
                .header()
                .keyId(key.kid())
                .and()
                .issuer(platform.clientId())
                .subject(platform.clientId())
                .audience()
                .add(platform.tokenUrl())
                .and()
                .issuedAt(Date.from(now))
                .expiration(Date.from(now.plusSeconds(300)))
                .id(UUID.randomUUID().toString())
                .signWith(key.key(), Jwts.SIG.RS256)
                .compact();
    }
}
