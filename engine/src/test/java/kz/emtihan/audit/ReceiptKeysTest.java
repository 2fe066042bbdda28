package kz.emtihan.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Optional;
import kz.emtihan.TestEngine;
import kz.emtihan.audit.model.KeyRing;
import kz.emtihan.audit.model.Receipt;
import kz.emtihan.audit.model.ReceiptKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 10: the receipt keys in the data directory: made, migrated, rotated and seen by every node. */
class ReceiptKeysTest {
    @TempDir
    Path dir;

    static Receipt receipt(String submittedAt) {
        return new Receipt("a1", "s1", "e1", "submitted", "d", 3, "h", submittedAt);
    }

    @Test
    void aFreshDataDirectoryPublishesOneCurrentKey() {
        ReceiptSigner signer = ReceiptSigner.fromDataDir(dir);
        KeyRing ring = KeyRingJson.fromJson(signer.published());
        assertEquals(1, ring.keys().size());
        ReceiptKey key = ring.current();
        assertEquals(
                Instant.now().truncatedTo(ChronoUnit.DAYS),
                key.validFrom(),
                "valid from the start of the day it was made");
        assertEquals(Optional.empty(), key.validUntil());
        assertEquals(signer.publicKeyBase64(), key.publicKey());
        Receipt r = receipt(Instant.now().toString());
        ReceiptSigner.Signed s = signer.signed(r);
        assertEquals(key.keyId(), s.keyId());
        assertTrue(ReceiptSigner.verify(r, s.signature(), key.publicKey()));
        assertEquals(
                false,
                ReceiptSigner.verify(receipt("2026-01-01T00:00:00Z"), s.signature(), key.publicKey()),
                "a signature covers its own receipt only");
        assertEquals(
                ring,
                KeyRingJson.fromJson(new JsonObject(
                        Files.exists(dir.resolve("receipt-keys.json"))
                                ? readString(dir.resolve("receipt-keys.json"))
                                : "{}")),
                "the published list is the file in the data directory");
    }

    @Test
    void aDataDirectoryFromBeforeKeyListsKeepsItsReceiptsValid() throws Exception {
        // what the engine before issue 10 left: the pair alone, written on 15 January
        KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        Files.writeString(
                dir.resolve("receipt-ed25519.key"),
                Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded()));
        String pub = Base64.getEncoder().encodeToString(pair.getPublic().getEncoded());
        Files.writeString(dir.resolve("receipt-ed25519.pub"), pub);
        FileTime written = FileTime.from(Instant.parse("2026-01-15T12:34:56Z"));
        Files.setLastModifiedTime(dir.resolve("receipt-ed25519.key"), written);
        Files.setLastModifiedTime(dir.resolve("receipt-ed25519.pub"), written);
        Receipt old = receipt("2026-01-15T13:00:00Z");
        java.security.Signature s = java.security.Signature.getInstance("Ed25519");
        s.initSign(pair.getPrivate());
        s.update(old.signedText().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        String oldSignature = Base64.getEncoder().encodeToString(s.sign());

        ReceiptSigner signer = ReceiptSigner.fromDataDir(dir);
        KeyRing ring = signer.ring();
        assertEquals(Instant.parse("2026-01-15T00:00:00Z"), ring.current().validFrom());
        assertEquals(pub, ring.current().publicKey(), "the same key, now listed");
        assertEquals(
                KeyRing.KeyCheck.IN_PERIOD,
                ring.check(ReceiptKey.idOf(pub), old.submittedAt()),
                "a receipt without a key id names its key by its public key");
        assertEquals(oldSignature, signer.sign(old), "the same signature as before");
    }

    @Test
    void aRotationRetiresTheKeyForEveryNodeAndOldReceiptsStayValid() {
        ReceiptSigner node1 = ReceiptSigner.fromDataDir(dir);
        ReceiptSigner node2 = ReceiptSigner.fromDataDir(dir);
        Instant t = Instant.now().plusSeconds(1).truncatedTo(ChronoUnit.MILLIS);
        Receipt before = receipt(t.minusMillis(1).toString());
        Receipt after = receipt(t.toString());
        ReceiptSigner.Signed beforeSigned = node1.signed(before);
        String oldId = node1.ring().current().keyId();

        ReceiptKey fresh = ReceiptSigner.rotate(dir, t);
        assertNotEquals(oldId, fresh.keyId());
        TestEngine.awaitUntil(
                "the other node reads the rotated list",
                () -> node2.ring().current().keyId().equals(fresh.keyId()),
                Duration.ofSeconds(5));
        KeyRing ring = node2.ring();
        assertEquals(Optional.of(t), ring.byId(oldId).orElseThrow().validUntil());
        assertEquals(t, ring.current().validFrom());
        assertEquals(fresh.keyId(), node2.signed(after).keyId(), "from the rotation on, the new key signs");
        assertEquals(beforeSigned, node2.signed(before), "an attempt finished before it keeps the key of its period");
        assertEquals(KeyRing.KeyCheck.IN_PERIOD, ring.check(beforeSigned.keyId(), before.submittedAt()));
        assertEquals(
                KeyRing.KeyCheck.OUTSIDE_PERIOD,
                ring.check(beforeSigned.keyId(), after.submittedAt()),
                "the retired key vouches for nothing after its period: a leaked retired key forges nothing new");
        assertTrue(ReceiptSigner.verify(
                before, beforeSigned.signature(), ring.byId(oldId).orElseThrow().publicKey()));
        assertEquals(2, KeyRingJson.fromJson(node1.published()).keys().size(), "the list has both");
    }

    @Test
    void withoutTheRetiredPrivateKeyALateReceiptShowsOutsideItsPeriod() throws Exception {
        ReceiptSigner.fromDataDir(dir);
        Instant t = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        String oldId = ReceiptSigner.fromDataDir(dir).ring().current().keyId();
        ReceiptSigner.rotate(dir, t);
        Files.delete(dir.resolve("receipt-keys").resolve(oldId + ".key")); // after a compromise
        ReceiptSigner signer = ReceiptSigner.fromDataDir(dir);
        Receipt late = receipt(t.minusSeconds(5).toString());
        ReceiptSigner.Signed s = signer.signed(late);
        assertEquals(signer.ring().current().keyId(), s.keyId());
        assertEquals(KeyRing.KeyCheck.OUTSIDE_PERIOD, signer.ring().check(s.keyId(), late.submittedAt()));
    }

    @Test
    void nodesStartingAtOnceOnOneDirectoryMakeOneKey() throws Exception {
        var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            var started = new java.util.ArrayList<java.util.concurrent.Future<String>>();
            for (int i = 0; i < 4; i++)
                started.add(pool.submit(
                        () -> ReceiptSigner.fromDataDir(dir).ring().current().keyId()));
            java.util.Set<String> ids = new java.util.HashSet<>();
            for (var f : started) ids.add(f.get(30, java.util.concurrent.TimeUnit.SECONDS));
            assertEquals(1, ids.size(), "one key for all: " + ids);
            assertEquals(
                    ids.iterator().next(),
                    ReceiptKey.idOf(
                            Files.readString(dir.resolve("receipt-ed25519.pub")).trim()));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aListThatDoesNotMatchTheCurrentPairStopsTheStart() throws Exception {
        ReceiptSigner.fromDataDir(dir);
        KeyPair other = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        Files.writeString(
                dir.resolve("receipt-ed25519.pub"),
                Base64.getEncoder().encodeToString(other.getPublic().getEncoded()));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> ReceiptSigner.fromDataDir(dir));
        assertTrue(e.getMessage().contains("restore the pair or the list"), e.getMessage());
    }

    private static String readString(Path p) {
        try {
            return Files.readString(p);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
