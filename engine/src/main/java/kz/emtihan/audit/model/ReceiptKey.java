package kz.emtihan.audit.model;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

/**
 * 5.16: one of the engine's receipt-signing keys as it is published: Ed25519, the public key as base64 of its DER
 * X.509 SubjectPublicKeyInfo (RFC 8410, 44 bytes), and the period of the receipts it signs: {@code validFrom}
 * inclusive, {@code validUntil} exclusive, absent while the key is the current one.
 */
public record ReceiptKey(String keyId, String publicKey, Instant validFrom, Optional<Instant> validUntil) {
    public static final String ALGORITHM = "Ed25519";

    public ReceiptKey {
        if (keyId == null || !keyId.equals(idOf(publicKey)))
            throw new IllegalArgumentException("keyId must be idOf(publicKey)");
        if (validFrom == null) throw new IllegalArgumentException("validFrom is required");
        if (validUntil.isPresent() && !validUntil.get().isAfter(validFrom)) {
            throw new IllegalArgumentException("validUntil must come after validFrom");
        }
    }

    public static ReceiptKey of(String publicKey, Instant validFrom) {
        return new ReceiptKey(idOf(publicKey), publicKey, validFrom, Optional.empty());
    }

    /**
     * The key id: the first 16 lower-case hex digits of SHA-256 over the DER SubjectPublicKeyInfo bytes (the base64
     * decoded). Derived from the key, so a receipt issued before key ids existed names its key by its public key.
     */
    public static String idOf(String publicKeyBase64) {
        byte[] der;
        try {
            der = Base64.getDecoder().decode(publicKeyBase64 == null ? "" : publicKeyBase64.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the public key is not base64", e);
        }
        if (der.length == 0) throw new IllegalArgumentException("the public key is empty");
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(der))
                    .substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public boolean current() {
        return validUntil.isEmpty();
    }

    /** Whether a receipt submitted at {@code at} falls in this key's period. */
    public boolean covers(Instant at) {
        return !at.isBefore(validFrom) && validUntil.map(at::isBefore).orElse(true);
    }

    /** This key, retired at {@code at}: it signs nothing submitted from then on. */
    public ReceiptKey retiredAt(Instant at) {
        return new ReceiptKey(keyId, publicKey, validFrom, Optional.of(at));
    }
}
