package kz.emtihan.exam;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import kz.emtihan.audit.ReceiptSigner;
import kz.emtihan.audit.model.Receipt;
import kz.emtihan.auth.Caller;
import kz.emtihan.exam.model.Attempt;
import kz.emtihan.exam.model.ExamAccess;
import kz.emtihan.http.Rejection;

/** A finished attempt's signed receipt (7.6), and the check that nothing changed since it was signed. */
public final class AttemptReceipts {
  private final Attempts attempts;
  private final AttemptStore store;

  AttemptReceipts(Attempts attempts, AttemptStore store) {
    this.attempts = attempts;
    this.store = store;
  }

  public Future<JsonObject> receipt(Caller caller, String attemptId) {
    return attempts.readable(caller, attemptId).compose(a -> store.receipt(attemptId)).map(r -> new JsonObject(
        r.orElseThrow(() -> Rejection.conflict("no-receipt", "the attempt has no receipt until it is finished"))));
  }

  /**
   * Recomputes the chain and the answers digest from the store and compares them with the signed receipt:
   * {@code intact} is false when anything changed since the receipt was issued.
   */
  public Future<JsonObject> verify(Caller caller, String attemptId) {
    return attempts.load(attemptId).compose(a -> attempts.exams().allowed(caller, a.examId(), ExamAccess.Action.VERIFY))
        .compose(e -> Future.all(attempts.load(attemptId), store.log(attemptId), store.receipt(attemptId))).map(done -> {
      Attempt a = done.resultAt(0);
      List<String> log = done.resultAt(1);
      JsonObject stored = new JsonObject(done.<Optional<String>>resultAt(2)
          .orElseThrow(() -> Rejection.conflict("no-receipt", "the attempt has no receipt yet")));
      Receipt now = Attempts.receiptOf(a, log, Attempts.answersOf(a));
      Receipt signed = ReceiptJson.fromJson(stored);
      boolean signatureOk = ReceiptSigner.verify(signed, stored.getString("signature"), stored.getString("publicKey"));
      List<String> changed = new ArrayList<>();
      if (!now.answersDigest().equals(signed.answersDigest())) changed.add("answers");
      if (!now.chainHead().equals(signed.chainHead()) || now.events() != signed.events()) changed.add("log");
      if (!now.status().equals(signed.status())) changed.add("status");
      return new JsonObject().put("attemptId", attemptId).put("signatureValid", signatureOk)
          .put("intact", signatureOk && changed.isEmpty()).put("changed", new JsonArray(changed));
    });
  }
}
