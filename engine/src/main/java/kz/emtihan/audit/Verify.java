package kz.emtihan.audit;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kz.emtihan.audit.model.DrawReplay;
import kz.emtihan.audit.model.HashChain;
import kz.emtihan.audit.model.KeyRing;
import kz.emtihan.audit.model.Receipt;
import kz.emtihan.audit.model.ReceiptKey;
import kz.emtihan.sitting.model.TicketDraw;

/**
 * Issue 10: the verifier on the command line, from public data only (docs/verification.md):
 * <pre>
 *   java -cp engine/target/emtihan.jar kz.emtihan.audit.Verify receipt.json log.json keys.json
 *   java -cp engine/target/emtihan.jar kz.emtihan.audit.Verify --draws draws.json
 * </pre>
 * Prints one line per check ({@code ok} or {@code FAIL}, or {@code skip} for a draw it cannot recompute) and exits
 * 0 when every check holds, 1 when one fails, 2 when the files cannot be read.
 */
public final class Verify {
    private final PrintStream out;
    private boolean failed;

    private Verify(PrintStream out) {
        this.out = out;
    }

    public static void main(String[] args) {
        System.exit(run(List.of(args), System.out));
    }

    /** The exit code; the report goes to {@code out}. */
    public static int run(List<String> args, PrintStream out) {
        List<String> files = new ArrayList<>(args);
        Optional<Path> draws = Optional.empty();
        int i = files.indexOf("--draws");
        if (i >= 0 && i + 1 < files.size()) {
            draws = Optional.of(Path.of(files.remove(i + 1)));
            files.remove(i);
        }
        if (!(files.size() == 3 || files.isEmpty() && draws.isPresent())) {
            out.println(
                    "usage: Verify receipt.json log.json keys.json [--draws draws.json] | Verify --draws draws.json");
            return 2;
        }
        Verify v = new Verify(out);
        try {
            if (files.size() == 3) v.receipt(read(files.get(0)), read(files.get(1)), read(files.get(2)));
            if (draws.isPresent()) v.draws(read(draws.get().toString()));
        } catch (IOException | DecodeException | ClassCastException e) {
            out.println("cannot read the files: " + e.getMessage());
            return 2;
        }
        return v.failed ? 1 : 0;
    }

    private static JsonObject read(String file) throws IOException {
        String text = Files.readString(Path.of(file)).trim();
        return text.startsWith("[") ? new JsonObject().put("entries", new JsonArray(text)) : new JsonObject(text);
    }

    private void check(boolean ok, String what) {
        out.println((ok ? "ok   " : "FAIL ") + what);
        failed |= !ok;
    }

    void receipt(JsonObject receipt, JsonObject log, JsonObject keys) {
        Receipt r = new Receipt(
                receipt.getString("attemptId"),
                receipt.getString("studentId"),
                receipt.getString("examId"),
                receipt.getString("status"),
                receipt.getString("answersDigest"),
                receipt.getInteger("events", -1),
                receipt.getString("chainHead"),
                receipt.getString("submittedAt"));
        if (receipt.containsKey("signedText"))
            check(r.signedText().equals(receipt.getString("signedText")), "signedText is the receipt's fields");
        KeyRing ring;
        try {
            ring = KeyRingJson.fromJson(keys);
        } catch (RuntimeException e) {
            check(false, "the key list is readable: " + e.getMessage());
            return;
        }
        String keyId = receipt.getString("keyId");
        if (keyId == null) {
            try {
                keyId = ReceiptKey.idOf(receipt.getString("publicKey"));
            } catch (IllegalArgumentException e) {
                keyId = "";
            }
        }
        KeyRing.KeyCheck key = ring.check(keyId, r.submittedAt());
        check(
                key == KeyRing.KeyCheck.IN_PERIOD,
                "key " + keyId + " is the engine's and covers " + r.submittedAt() + " ("
                        + key.name().toLowerCase().replace('_', '-') + ")");
        String published = ring.byId(keyId).map(ReceiptKey::publicKey).orElse("");
        check(
                ReceiptSigner.verify(r, receipt.getString("signature"), published),
                "Ed25519 signature with the published key");
        List<String> entries = new ArrayList<>();
        for (Object e : log.getJsonArray("entries", new JsonArray())) entries.add(String.valueOf(e));
        if (log.containsKey("attemptId"))
            check(r.attemptId().equals(log.getString("attemptId")), "the log is of attempt " + r.attemptId());
        check(entries.size() == r.events(), "events: " + entries.size() + " entries, the receipt says " + r.events());
        String head = HashChain.head(r.attemptId(), entries);
        check(head.equals(r.chainHead()), "chain head " + head);
        try {
            String digest = answersDigest(entries);
            check(digest.equals(r.answersDigest()), "answers digest " + digest);
        } catch (RuntimeException e) {
            check(false, "answers digest: the log has no readable start entry (" + e.getMessage() + ")");
        }
    }

    /** The digest of the final answers as the log gives them: the paper of "start", the last save per question. */
    static String answersDigest(List<String> entries) {
        List<String> order = null;
        Map<String, List<String>> answers = new HashMap<>();
        for (String text : entries) {
            JsonObject e = new JsonObject(text);
            String type = e.getString("type", "");
            if (type.equals("start")) {
                order = new ArrayList<>();
                for (String item : e.getString("paper").split("\\|")) order.add(item.substring(0, item.indexOf(':')));
            } else if (type.equals("save") || type.equals("save-in-grace")) {
                String choices = e.getString("choices", "");
                answers.put(e.getString("question"), choices.isEmpty() ? List.of() : List.of(choices.split(",")));
            }
        }
        if (order == null) throw new IllegalArgumentException("no start entry");
        return HashChain.answersDigest(order, answers);
    }

    void draws(JsonObject doc) {
        List<Integer> tickets = new ArrayList<>();
        for (Object t : doc.getJsonArray("tickets", new JsonArray())) tickets.add(((Number) t).intValue());
        List<DrawReplay.Published> draws = new ArrayList<>();
        for (Object o : doc.getJsonArray("draws", new JsonArray())) {
            JsonObject d = (JsonObject) o;
            draws.add(new DrawReplay.Published(
                    d.getInteger("drawNumber", d.getInteger("position", 0)),
                    Optional.ofNullable(d.getString("studentId")),
                    Optional.ofNullable(d.getString("word")),
                    d.getInteger("ticket", -1)));
        }
        String seed = doc.getString("seed");
        if (seed == null) {
            check(false, "the seed is revealed (it is, once the sitting is closed)");
            return;
        }
        boolean committed;
        try {
            committed = TicketDraw.matches(doc.getString("commitment"), TicketDraw.seedFromHex(seed));
        } catch (IllegalArgumentException e) {
            committed = false;
        }
        check(committed, "the seed " + seed + " hashes to the commitment " + doc.getString("commitment"));
        if (!committed) return;
        for (DrawReplay.Checked c : DrawReplay.replay(
                doc.getString("sittingId"),
                tickets,
                doc.getBoolean("withReplacement", false),
                doc.getString("commitment"),
                seed,
                draws)) {
            String what =
                    "draw " + c.draw().drawNumber() + ": ticket " + c.draw().ticket();
            switch (c.outcome()) {
                case MATCHES -> check(true, what);
                case DIFFERS -> check(false, what + ", the seed gives " + c.recomputed());
                case NOT_CHECKABLE -> out.println("skip " + what + " (the student id or word is not published to you)");
            }
        }
    }
}
