package kz.emtihan.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import kz.emtihan.audit.model.DrawReplay;
import kz.emtihan.audit.model.HashChain;
import kz.emtihan.audit.model.Receipt;
import kz.emtihan.audit.model.ReceiptKey;
import kz.emtihan.sitting.model.TicketDraw;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Issue 10: the numbers of docs/verification.md's worked example are what the engine's own code computes. */
class WorkedExampleTest {
    static Map<String, String> ex;

    /** The {@code name = value} lines of the worked-example block. */
    static Map<String, String> example(Path doc) throws IOException {
        String text = Files.readString(doc);
        Matcher block =
                Pattern.compile("```worked-example\\n(.*?)```", Pattern.DOTALL).matcher(text);
        assertTrue(block.find(), "docs/verification.md has a worked-example block");
        Map<String, String> out = new LinkedHashMap<>();
        for (String line : block.group(1).split("\n")) {
            Matcher m = Pattern.compile("^([a-zA-Z0-9.]+) =(?: (.*))?$").matcher(line);
            assertTrue(m.matches(), "a name = value line: " + line);
            out.put(m.group(1), m.group(2) == null ? "" : m.group(2));
        }
        return out;
    }

    @BeforeAll
    static void read() throws IOException {
        ex = example(
                Path.of(System.getProperty("emtihan.config.dir", "../config")).resolve("../docs/verification.md"));
    }

    static byte[] hex(String s) {
        return HexFormat.of().parseHex(s);
    }

    @Test
    void theTicketDraws() throws Exception { // 6.15.6
        byte[] seed = hex(ex.get("draw.seed"));
        assertEquals(ex.get("draw.commitment"), TicketDraw.commitment(seed));
        List<Integer> tickets = Arrays.stream(ex.get("draw.tickets").split(","))
                .map(Integer::valueOf)
                .toList();
        List<DrawReplay.Published> draws = new ArrayList<>();
        for (int n = 1; n <= 3; n++) {
            String student = ex.get("draw." + n + ".studentId");
            String word = ex.get("draw." + n + ".word");
            TicketDraw.Input in = new TicketDraw.Input(ex.get("draw.sittingId"), student, n, word);
            assertEquals(
                    ex.get("draw." + n + ".message"), HexFormat.of().formatHex(in.message()), "message of draw " + n);
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(seed, "HmacSHA256"));
            assertEquals(ex.get("draw." + n + ".hmac"), HexFormat.of().formatHex(mac.doFinal(in.message())));
            List<Integer> available = Arrays.stream(
                            ex.get("draw." + n + ".available").split(","))
                    .map(Integer::valueOf)
                    .toList();
            int ticket = Integer.parseInt(ex.get("draw." + n + ".ticket"));
            assertEquals(ticket, TicketDraw.ticket(seed, in, available));
            assertEquals(ticket, available.get(Integer.parseInt(ex.get("draw." + n + ".index"))));
            draws.add(new DrawReplay.Published(n, Optional.of(student), Optional.of(word), ticket));
        }
        for (DrawReplay.Checked c : DrawReplay.replay(
                ex.get("draw.sittingId"),
                tickets,
                Boolean.parseBoolean(ex.get("draw.withReplacement")),
                ex.get("draw.commitment"),
                ex.get("draw.seed"),
                draws)) {
            assertEquals(
                    DrawReplay.Outcome.MATCHES, c.outcome(), "draw " + c.draw().drawNumber());
        }
    }

    @Test
    void theChainAndTheDigest() { // 5.16
        String attempt = ex.get("chain.attemptId");
        List<String> entries = new ArrayList<>();
        assertEquals(ex.get("chain.h0"), HashChain.head(attempt, entries));
        for (int i = 1; ex.containsKey("chain.entry." + i); i++) {
            entries.add(ex.get("chain.entry." + i));
            assertEquals(ex.get("chain.h" + i), HashChain.head(attempt, entries), "h" + i);
        }
        assertEquals(ex.get("digest.value"), Verify.answersDigest(entries));
        assertEquals(
                ex.get("digest.value"),
                HashChain.sha256(new String(hex(ex.get("digest.text")), StandardCharsets.UTF_8)));
        assertEquals(
                ex.get("digest.value"),
                HashChain.answersDigest(
                        List.of("q1", "q2", "q3"), Map.of("q1", List.of("o3"), "q2", List.of("o6", "o4"))));
    }

    @Test
    void theReceipt() throws Exception { // 7.6
        String head = ex.get("chain.h5");
        Receipt r = new Receipt(
                ex.get("receipt.attemptId"),
                ex.get("receipt.studentId"),
                ex.get("receipt.examId"),
                ex.get("receipt.status"),
                ex.get("digest.value"),
                Integer.parseInt(ex.get("receipt.events")),
                head,
                ex.get("receipt.submittedAt"));
        assertEquals(
                ex.get("receipt.signedText"),
                HexFormat.of().formatHex(r.signedText().getBytes(StandardCharsets.UTF_8)));
        // RFC 8410 PKCS#8 around the RFC 8032 seed: what the engine's signer does with its own key
        byte[] pkcs8 = hex("302e020100300506032b657004220420" + ex.get("receipt.privateKeySeed"));
        Signature s = Signature.getInstance("Ed25519");
        s.initSign(KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(pkcs8)));
        s.update(r.signedText().getBytes(StandardCharsets.UTF_8));
        assertEquals(
                ex.get("receipt.signature"), Base64.getEncoder().encodeToString(s.sign()), "Ed25519 is deterministic");
        assertTrue(ReceiptSigner.verify(r, ex.get("receipt.signature"), ex.get("receipt.publicKey")));
        assertEquals(ex.get("receipt.keyId"), ReceiptKey.idOf(ex.get("receipt.publicKey")));
        assertEquals(
                "302a300506032b6570032100",
                HexFormat.of()
                        .formatHex(Base64.getDecoder().decode(ex.get("receipt.publicKey")))
                        .substring(0, 24),
                "the DER prefix the document names");
    }
}
