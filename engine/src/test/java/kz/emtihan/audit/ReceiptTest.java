package kz.emtihan.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import kz.emtihan.audit.model.HashChain;
import kz.emtihan.audit.model.Receipt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReceiptTest {
    @TempDir
    Path dir;

    @Test
    void anyChangeToTheLogChangesTheHead() { // 5.16: protected from distortion
        List<String> log = List.of("{\"type\":\"start\"}", "{\"type\":\"save\",\"seq\":1}", "{\"type\":\"submitted\"}");
        String head = HashChain.head("a1", log);
        assertEquals(head, HashChain.head("a1", List.copyOf(log)));
        assertNotEquals(head, HashChain.head("a1", List.of(log.get(0), log.get(2))), "removed entry");
        assertNotEquals(head, HashChain.head("a1", List.of(log.get(1), log.get(0), log.get(2))), "reordered");
        assertNotEquals(head, HashChain.head("a2", log), "another attempt");
    }

    @Test
    void answersDigestIgnoresChoiceOrderButNotChoices() {
        List<String> paper = List.of("q1", "q2");
        String d = HashChain.answersDigest(paper, Map.of("q1", List.of("b", "a")));
        assertEquals(d, HashChain.answersDigest(paper, Map.of("q1", List.of("a", "b"))));
        assertNotEquals(d, HashChain.answersDigest(paper, Map.of("q1", List.of("a"))));
        assertNotEquals(d, HashChain.answersDigest(paper, Map.of("q1", List.of("a", "b"), "q2", List.of("c"))));
    }

    @Test
    void aSignatureChecksWithThePublicKeyAndFailsOnAnyEdit() {
        ReceiptSigner signer = ReceiptSigner.fromDataDir(dir);
        Receipt r = new Receipt("a1", "s1", "e1", "submitted", "d", 3, "h", "2026-12-01T09:50:00Z");
        String sig = signer.sign(r);
        assertTrue(ReceiptSigner.verify(r, sig, signer.publicKeyBase64()));
        assertFalse(ReceiptSigner.verify(
                new Receipt("a1", "s1", "e1", "submitted", "d2", 3, "h", "2026-12-01T09:50:00Z"),
                sig,
                signer.publicKeyBase64()));
        assertFalse(ReceiptSigner.verify(
                r, sig, ReceiptSigner.fromDataDir(dir.resolve("other")).publicKeyBase64()));
    }

    @Test
    void theKeyIsKeptAcrossRestarts() {
        String first = ReceiptSigner.fromDataDir(dir).publicKeyBase64();
        assertEquals(first, ReceiptSigner.fromDataDir(dir).publicKeyBase64());
    }
}
