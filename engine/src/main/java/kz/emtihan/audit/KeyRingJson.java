package kz.emtihan.audit;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import kz.emtihan.audit.model.KeyRing;
import kz.emtihan.audit.model.ReceiptKey;

/**
 * The published list of receipt keys ({@code GET /.well-known/emtihan-receipt-keys.json}, docs/verification.md
 * "The key list"); the same text is kept in {@code <dataDir>/receipt-keys.json}.
 */
public final class KeyRingJson {
    public static final String FORMAT = "emtihan-receipt-keys-v1";

    private KeyRingJson() {}

    public static JsonObject toJson(KeyRing ring) {
        JsonArray keys = new JsonArray();
        for (ReceiptKey k : ring.keys()) {
            keys.add(new JsonObject()
                    .put("keyId", k.keyId())
                    .put("algorithm", ReceiptKey.ALGORITHM)
                    .put("publicKey", k.publicKey())
                    .put("validFrom", k.validFrom().toString())
                    .put("validUntil", k.validUntil().map(Instant::toString).orElse(null))
                    .put("status", k.current() ? "current" : "retired"));
        }
        return new JsonObject()
                .put("format", FORMAT)
                .put("algorithm", ReceiptKey.ALGORITHM)
                .put("publicKeyEncoding", "base64 of the DER X.509 SubjectPublicKeyInfo (RFC 8410)")
                .put("keyId", "the first 16 lower-case hex digits of SHA-256 over the DER public key")
                .put(
                        "period",
                        "a key signs the receipts whose submittedAt is at or after validFrom and before validUntil (null: current)")
                .put("keys", keys);
    }

    /** @throws IllegalArgumentException when the text is not a valid key list */
    public static KeyRing fromJson(JsonObject o) {
        if (!FORMAT.equals(o.getString("format"))) throw new IllegalArgumentException("not an " + FORMAT + " document");
        List<ReceiptKey> keys = new ArrayList<>();
        for (Object e : o.getJsonArray("keys", new JsonArray())) {
            JsonObject k = (JsonObject) e;
            if (!ReceiptKey.ALGORITHM.equals(k.getString("algorithm")))
                throw new IllegalArgumentException("only Ed25519 keys");
            keys.add(new ReceiptKey(
                    k.getString("keyId"),
                    k.getString("publicKey"),
                    Instant.parse(k.getString("validFrom")),
                    Optional.ofNullable(k.getString("validUntil")).map(Instant::parse)));
        }
        return new KeyRing(keys);
    }
}
