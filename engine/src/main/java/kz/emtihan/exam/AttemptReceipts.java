package kz.emtihan.exam;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import kz.emtihan.audit.ReceiptSigner;
import kz.emtihan.audit.model.HashChain;
import kz.emtihan.audit.model.KeyRing;
import kz.emtihan.audit.model.Receipt;
import kz.emtihan.audit.model.ReceiptKey;
import kz.emtihan.auth.Caller;
import kz.emtihan.exam.model.Attempt;
import kz.emtihan.exam.model.ExamAccess;
import kz.emtihan.refusal.Refusal;

/**
 * A finished attempt's signed receipt (7.6), the log its chain is built from, and the check that nothing changed
 * since it was signed. The encodings are in docs/verification.md.
 */
public final class AttemptReceipts {
    private final AttemptReads attempts;
    private final AttemptStore store;
    private final ReceiptSigner signer;

    AttemptReceipts(AttemptReads attempts, AttemptStore store, ReceiptSigner signer) {
        this.attempts = attempts;
        this.store = store;
        this.signer = signer;
    }

    public Future<JsonObject> receipt(Caller caller, String attemptId) {
        return attempts.readable(caller, attemptId)
                .compose(a -> store.receipt(attemptId))
                .map(r -> new JsonObject(r.orElseThrow(() -> Refusal.of(ExamRefusal.NO_RECEIPT))));
    }

    /**
     * Issue 10: the attempt's event log, entry by entry exactly as hashed, for whoever may read the receipt (the same
     * access check), and only once the attempt is finished: until then it still grows and no receipt covers it.
     */
    public Future<JsonObject> log(Caller caller, String attemptId) {
        return attempts.readable(caller, attemptId).compose(a -> {
            if (!a.status().finished()) {
                return Future.failedFuture(Refusal.of(ExamRefusal.ATTEMPT_OPEN));
            }
            return store.log(attemptId)
                    .map(entries -> new JsonObject()
                            .put("attemptId", attemptId)
                            .put("status", a.status().code())
                            .put("genesis", HashChain.sha256("emtihan:" + attemptId))
                            .put("entries", new JsonArray(entries))
                            .put("events", entries.size())
                            .put("chainHead", HashChain.head(attemptId, entries)));
        });
    }

    /**
     * Recomputes the chain and the answers digest from the store and compares them with the signed receipt, whose
     * signature is checked with the engine's own key of that id and period (not the copy inside the receipt):
     * {@code intact} is false when anything changed since the receipt was issued.
     */
    public Future<JsonObject> verify(Caller caller, String attemptId) {
        return attempts.load(attemptId)
                .compose(a -> attempts.exams().allowed(caller, a.examId(), ExamAccess.Action.VERIFY))
                .compose(e -> Future.all(attempts.load(attemptId), store.log(attemptId), store.receipt(attemptId)))
                .map(done -> {
                    Attempt a = done.resultAt(0);
                    List<String> log = done.resultAt(1);
                    JsonObject stored = new JsonObject(
                            done.<Optional<String>>resultAt(2).orElseThrow(() -> Refusal.of(ExamRefusal.NO_RECEIPT)));
                    Receipt now = AttemptGrading.receiptOf(a, log, AttemptGrading.answersOf(a));
                    Receipt signed = ReceiptJson.fromJson(stored);
                    KeyRing ring = signer.ring();
                    String keyId = keyIdOf(stored);
                    KeyRing.KeyCheck key = ring.check(keyId, signed.submittedAt());
                    boolean signatureOk = ring.byId(keyId)
                            .map(k -> ReceiptSigner.verify(signed, stored.getString("signature"), k.publicKey()))
                            .orElse(false);
                    List<String> changed = new ArrayList<>();
                    if (!now.answersDigest().equals(signed.answersDigest())) changed.add("answers");
                    if (!now.chainHead().equals(signed.chainHead()) || now.events() != signed.events())
                        changed.add("log");
                    if (!now.status().equals(signed.status())) changed.add("status");
                    return new JsonObject()
                            .put("attemptId", attemptId)
                            .put("signatureValid", signatureOk)
                            .put("keyId", keyId)
                            .put("key", key.name().toLowerCase(Locale.ROOT).replace('_', '-'))
                            .put("intact", signatureOk && key == KeyRing.KeyCheck.IN_PERIOD && changed.isEmpty())
                            .put("changed", new JsonArray(changed));
                });
    }

    /** The receipt's key id; a receipt from before key ids names its key by the public key it carries. */
    private static String keyIdOf(JsonObject receipt) {
        if (receipt.getValue("keyId") instanceof String id) return id;
        try {
            return ReceiptKey.idOf(receipt.getString("publicKey"));
        } catch (IllegalArgumentException | ClassCastException e) {
            return "";
        }
    }
}
