package kz.emtihan.lti;

import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.security.Jwks;
import io.jsonwebtoken.security.RsaPublicJwk;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import kz.emtihan.lti.model.KeySchedule;
import kz.emtihan.lti.model.ToolKey;
import kz.emtihan.store.RedisStore;

/**
 * Issue 16 (1): the tool's RS256 keys, kept in Redis ({@link LtiKeys#toolKeys}) so every node signs with the same key
 * and publishes the same JWKS. The first key is made on first use; an administrator rotates ({@link KeySchedule}: the
 * new key is published before it signs, the old one stays published a while). JJWT makes the keys and their JWKs.
 */
public final class ToolKeys {
    private final Vertx vertx;
    private final RedisStore store;
    private final Clock clock;
    private final Duration lead;
    private final Duration keepOld;
    private final Map<String, PrivateKey> privates = new ConcurrentHashMap<>();

    public ToolKeys(Vertx vertx, RedisStore store, Clock clock, Duration lead, Duration keepOld) {
        this.vertx = vertx;
        this.store = store;
        this.clock = clock;
        this.lead = lead;
        this.keepOld = keepOld;
    }

    /** One stored key: its schedule, its public JWK (JSON) and its private part (PKCS#8, base64). */
    record Stored(KeySchedule.Entry entry, JsonObject jwk, String pkcs8) {
        static Stored read(String json) {
            JsonObject o = new JsonObject(json);
            return new Stored(
                    new KeySchedule.Entry(
                            o.getString("kid"),
                            Instant.parse(o.getString("created")),
                            Instant.parse(o.getString("signsFrom")),
                            Optional.ofNullable(o.getString("retiresAt")).map(Instant::parse)),
                    o.getJsonObject("jwk"),
                    o.getString("pkcs8"));
        }

        String encode() {
            JsonObject o = new JsonObject()
                    .put("kid", entry.kid())
                    .put("created", entry.created().toString())
                    .put("signsFrom", entry.signsFrom().toString())
                    .put("jwk", jwk)
                    .put("pkcs8", pkcs8);
            entry.retiresAt().ifPresent(r -> o.put("retiresAt", r.toString()));
            return o.encode();
        }

        Stored with(KeySchedule.Entry e) {
            return new Stored(e, jwk, pkcs8);
        }
    }

    /**
     * The key that signs now. With none (no key yet, or every one retired) a fresh one is made that signs at once; a
     * key published but not yet due while nothing else signs signs at once too.
     */
    public Future<ToolKey> signing() {
        return all().compose(keys -> {
            Instant now = clock.instant();
            var entries = keys.stream().map(Stored::entry).toList();
            var entry = KeySchedule.signing(entries, now)
                    .or(() -> KeySchedule.published(entries, now).stream()
                            .min(java.util.Comparator.comparing(KeySchedule.Entry::signsFrom)));
            if (entry.isEmpty()) return first().compose(made -> Future.succeededFuture(made));
            Stored s = keys.stream()
                    .filter(k -> k.entry().kid().equals(entry.get().kid()))
                    .findFirst()
                    .orElseThrow();
            return Future.succeededFuture(new ToolKey(s.entry().kid(), privateKey(s)));
        });
    }

    /** The JWKS the tool publishes: every key not retired, as RS256 signing JWKs (no private part). */
    public Future<JsonObject> jwks() {
        return all().compose(keys ->
                        KeySchedule.published(keys.stream().map(Stored::entry).toList(), clock.instant())
                                        .isEmpty()
                                ? first().compose(v -> all())
                                : Future.succeededFuture(keys))
                .map(keys -> {
                    Instant now = clock.instant();
                    var published = KeySchedule.published(
                                    keys.stream().map(Stored::entry).toList(), now)
                            .stream()
                            .map(KeySchedule.Entry::kid)
                            .toList();
                    JsonArray out = new JsonArray();
                    for (String kid : published)
                        keys.stream()
                                .filter(k -> k.entry().kid().equals(kid))
                                .findFirst()
                                .ifPresent(k -> out.add(k.jwk()));
                    return new JsonObject().put("keys", out);
                });
    }

    /** The schedule of every key, for the administrator (no key material). */
    public Future<JsonArray> schedule() {
        return all().map(keys -> {
            JsonArray out = new JsonArray();
            for (Stored k : keys) {
                JsonObject o = new JsonObject()
                        .put("kid", k.entry().kid())
                        .put("created", k.entry().created().toString())
                        .put("signsFrom", k.entry().signsFrom().toString());
                k.entry().retiresAt().ifPresent(r -> o.put("retiresAt", r.toString()));
                out.add(o);
            }
            return out;
        });
    }

    /**
     * Issue 16 (1): a new key, published now and signing after the lead time; the keys published now retire {@code
     * keepOld} after that. Keys retired long ago are removed. Answers the new schedule.
     */
    public Future<JsonArray> rotate() {
        return all().compose(keys -> vertx.executeBlocking(ToolKeys::generate, false)
                        .compose(fresh -> {
                            Instant now = clock.instant();
                            var entries = KeySchedule.rotate(
                                    keys.stream().map(Stored::entry).toList(),
                                    fresh.entry().kid(),
                                    now,
                                    lead,
                                    keepOld);
                            List<Request> tx = new ArrayList<>();
                            for (Stored k : keys) {
                                var kept = entries.stream()
                                        .filter(e -> e.kid().equals(k.entry().kid()))
                                        .findFirst();
                                if (kept.isEmpty())
                                    tx.add(Request.cmd(Command.HDEL)
                                            .arg(LtiKeys.toolKeys())
                                            .arg(k.entry().kid()));
                                else
                                    tx.add(Request.cmd(Command.HSET)
                                            .arg(LtiKeys.toolKeys())
                                            .arg(k.entry().kid())
                                            .arg(k.with(kept.get()).encode()));
                            }
                            var made = entries.get(entries.size() - 1);
                            tx.add(Request.cmd(Command.HSET)
                                    .arg(LtiKeys.toolKeys())
                                    .arg(made.kid())
                                    .arg(fresh.with(made).encode()));
                            return store.atomically(tx);
                        }))
                .compose(v -> schedule());
    }

    /** A fresh key, signing at once (its kid is its thumbprint: two nodes making one at once publish both). */
    private Future<ToolKey> first() {
        return vertx.executeBlocking(ToolKeys::generate, false).compose(fresh -> {
            Instant now = clock.instant();
            Stored s = fresh.with(new KeySchedule.Entry(fresh.entry().kid(), now, now, Optional.empty()));
            return store.redis()
                    .send(Request.cmd(Command.HSET)
                            .arg(LtiKeys.toolKeys())
                            .arg(s.entry().kid())
                            .arg(s.encode()))
                    .map(r -> new ToolKey(s.entry().kid(), privateKey(s)));
        });
    }

    private Future<List<Stored>> all() {
        return store.redis()
                .send(Request.cmd(Command.HVALS).arg(LtiKeys.toolKeys()))
                .map(r -> {
                    List<Stored> out = new ArrayList<>();
                    if (r != null) for (Response v : r) out.add(Stored.read(v.toString()));
                    return out;
                });
    }

    private PrivateKey privateKey(Stored s) {
        return privates.computeIfAbsent(s.entry().kid(), kid -> {
            try {
                return KeyFactory.getInstance("RSA")
                        .generatePrivate(
                                new PKCS8EncodedKeySpec(Base64.getDecoder().decode(s.pkcs8())));
            } catch (java.security.GeneralSecurityException e) {
                throw new IllegalStateException("the tool key " + kid + " cannot be read", e);
            }
        });
    }

    /** A fresh 2048-bit RSA pair (JJWT's RS256 generator); its kid is its JWK thumbprint. */
    static Stored generate() {
        KeyPair pair = Jwts.SIG.RS256.keyPair().build();
        RsaPublicJwk jwk = Jwks.builder()
                .key((RSAPublicKey) pair.getPublic())
                .idFromThumbprint()
                .algorithm("RS256")
                .publicKeyUse("sig")
                .build();
        JsonObject json = new JsonObject();
        jwk.forEach((k, v) -> json.put(k, v instanceof java.util.Collection<?> c ? new JsonArray(List.copyOf(c)) : v));
        Instant never = Instant.EPOCH;
        return new Stored(
                new KeySchedule.Entry(jwk.getId(), never, never, Optional.empty()),
                json,
                Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded()));
    }
}
