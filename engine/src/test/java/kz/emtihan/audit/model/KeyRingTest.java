package kz.emtihan.audit.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.KeyPairGenerator;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** 5.16: the receipt keys' periods: a key vouches only for receipts submitted while it was current. */
class KeyRingTest {
    static String newKey() throws Exception {
        return Base64.getEncoder()
                .encodeToString(KeyPairGenerator.getInstance("Ed25519")
                        .generateKeyPair()
                        .getPublic()
                        .getEncoded());
    }

    static final Instant T0 = Instant.parse("2026-09-01T00:00:00Z");
    static final Instant T1 = Instant.parse("2026-12-01T10:00:00Z");

    @Test
    void aRotationEndsOnePeriodWhereTheNextBegins() throws Exception {
        String k1 = newKey();
        String k2 = newKey();
        KeyRing ring = KeyRing.of(ReceiptKey.of(k1, T0)).rotate(k2, T1);
        String id1 = ReceiptKey.idOf(k1);
        String id2 = ReceiptKey.idOf(k2);
        assertEquals(id2, ring.current().keyId());
        assertEquals(Optional.of(T1), ring.byId(id1).orElseThrow().validUntil());
        assertEquals(KeyRing.KeyCheck.IN_PERIOD, ring.check(id1, "2026-11-30T23:59:59.999Z"));
        assertEquals(KeyRing.KeyCheck.OUTSIDE_PERIOD, ring.check(id1, "2026-12-01T10:00:00Z"), "until is exclusive");
        assertEquals(KeyRing.KeyCheck.IN_PERIOD, ring.check(id2, "2026-12-01T10:00:00Z"), "from is inclusive");
        assertEquals(
                KeyRing.KeyCheck.OUTSIDE_PERIOD,
                ring.check(id2, "2026-12-01T09:59:59Z"),
                "a new key does not vouch for the past");
        assertEquals(KeyRing.KeyCheck.OUTSIDE_PERIOD, ring.check(id1, "2026-08-31T23:00:00Z"));
        assertEquals(KeyRing.KeyCheck.IN_PERIOD, ring.check(id2, "2036-01-01T00:00:00Z"), "the current key has no end");
        assertEquals(KeyRing.KeyCheck.UNKNOWN_KEY, ring.check(ReceiptKey.idOf(newKey()), "2026-12-01T11:00:00Z"));
        assertEquals(KeyRing.KeyCheck.OUTSIDE_PERIOD, ring.check(id2, "yesterday"), "an unreadable time is no time");
        assertEquals(
                id1,
                ring.covering(Instant.parse("2026-10-01T00:00:00Z"))
                        .orElseThrow()
                        .keyId());
        assertEquals(Optional.empty(), ring.covering(Instant.parse("2020-01-01T00:00:00Z")));
    }

    @Test
    void aRingRefusesOverlapsSeveralCurrentKeysAndForgedIds() throws Exception {
        String k1 = newKey();
        String k2 = newKey();
        assertThrows(
                IllegalArgumentException.class,
                () -> KeyRing.of(ReceiptKey.of(k1, T1)).rotate(k2, T0),
                "rotation into the past");
        assertThrows(
                IllegalArgumentException.class,
                () -> new KeyRing(List.of(ReceiptKey.of(k1, T0), ReceiptKey.of(k2, T1))),
                "two current keys");
        assertThrows(
                IllegalArgumentException.class,
                () -> new KeyRing(List.of(
                        new ReceiptKey(ReceiptKey.idOf(k1), k1, T0, Optional.of(Instant.parse("2026-12-02T00:00:00Z"))),
                        ReceiptKey.of(k2, T1))),
                "overlap");
        assertThrows(
                IllegalArgumentException.class,
                () -> new ReceiptKey("0000000000000000", k1, T0, Optional.empty()),
                "a key id is derived from the key");
        assertThrows(
                IllegalArgumentException.class,
                () -> KeyRing.of(ReceiptKey.of(k1, T0)).rotate(k1, T1),
                "a key listed twice");
    }

    @Test
    void theKeyIdIsTheStartOfTheHashOfTheDerKey() {
        // RFC 8032 test 1's public key in RFC 8410 DER; hash computed by `base64 -d | sha256sum`
        assertEquals(
                "06e3fd8fda29bb60", ReceiptKey.idOf("MCowBQYDK2VwAyEA11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo="));
        assertTrue(ReceiptKey.idOf("MCowBQYDK2VwAyEA11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo=")
                .matches("[0-9a-f]{16}"));
        assertThrows(IllegalArgumentException.class, () -> ReceiptKey.idOf("not base64!"));
    }
}
