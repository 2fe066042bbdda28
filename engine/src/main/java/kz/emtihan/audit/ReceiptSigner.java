package kz.emtihan.audit;

import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Map;
import kz.emtihan.audit.model.KeyRing;
import kz.emtihan.audit.model.Receipt;
import kz.emtihan.audit.model.ReceiptKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ed25519 (JDK) signatures over receipts with the engine's key ring ({@link ReceiptKeyFiles}: the current pair in
 * {@code <dataDir>/receipt-ed25519.key|.pub}, the published list in {@code receipt-keys.json}, retired private
 * keys in {@code receipt-keys/}). A receipt is signed by the key whose period holds its {@code submittedAt}
 * (the current key unless the attempt finished before a rotation), so signing the same receipt twice gives the
 * same signature (Ed25519 is deterministic). Every node sharing the data directory sees a rotation within a
 * second: the ring is read again when {@code receipt-keys.json} changes.
 */
public final class ReceiptSigner {
    /** A receipt's signature and the key that made it. */
    public record Signed(String keyId, String publicKey, String signature) {}

    private static final Logger LOG = LoggerFactory.getLogger(ReceiptSigner.class);
    private final ReceiptKeyFiles files;
    private volatile ReceiptKeyFiles.Loaded loaded;
    private volatile long checkedAt = System.nanoTime();

    private ReceiptSigner(ReceiptKeyFiles files) {
        this.files = files;
        this.loaded = files.load();
    }

    /** The key ring of {@code dataDir}, made on first use (the first key valid from the start of that UTC day). */
    public static ReceiptSigner fromDataDir(Path dataDir) {
        return new ReceiptSigner(new ReceiptKeyFiles(dataDir));
    }

    /** Retires the current key at {@code at} and makes a new current one; returns the new key. */
    public static ReceiptKey rotate(Path dataDir, Instant at) {
        return new ReceiptKeyFiles(dataDir).rotate(at);
    }

    private ReceiptKeyFiles.Loaded loaded() {
        long now = System.nanoTime();
        if (now - checkedAt > 1_000_000_000L) {
            checkedAt = now;
            try {
                if (files.changedSince(loaded)) loaded = files.load();
            } catch (RuntimeException e) {
                LOG.warn("cannot read the receipt keys again, keeping the ones in use: {}", e.getMessage());
            }
        }
        return loaded;
    }

    /** The ring as it is now: every key, retired and current. */
    public KeyRing ring() {
        return loaded().ring();
    }

    /** The published key list. */
    public JsonObject published() {
        return KeyRingJson.toJson(ring());
    }

    public Signed signed(Receipt r) {
        ReceiptKeyFiles.Loaded l = loaded();
        ReceiptKey key = l.ring().current();
        try {
            ReceiptKey covering =
                    l.ring().covering(Instant.parse(r.submittedAt())).orElse(key);
            if (l.privateKeys().containsKey(covering.keyId())) key = covering;
        } catch (DateTimeParseException e) {
            // no time: the current key
        }
        return new Signed(key.keyId(), key.publicKey(), sign(l.privateKeys(), key.keyId(), r));
    }

    public String sign(Receipt r) {
        return signed(r).signature();
    }

    private static String sign(Map<String, PrivateKey> keys, String keyId, Receipt r) {
        try {
            Signature s = Signature.getInstance("Ed25519");
            s.initSign(keys.get(keyId));
            s.update(r.signedText().getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(s.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Checks a signature with a public key given as base64 X.509, as printed on the receipt. */
    public static boolean verify(Receipt r, String signature, String publicKeyBase64) {
        try {
            var key = KeyFactory.getInstance("Ed25519")
                    .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(publicKeyBase64)));
            Signature s = Signature.getInstance("Ed25519");
            s.initVerify(key);
            s.update(r.signedText().getBytes(StandardCharsets.UTF_8));
            return s.verify(Base64.getDecoder().decode(signature));
        } catch (GeneralSecurityException | IllegalArgumentException | NullPointerException e) {
            return false;
        }
    }

    /** The current key's public half, base64 X.509. */
    public String publicKeyBase64() {
        return ring().current().publicKey();
    }
}
