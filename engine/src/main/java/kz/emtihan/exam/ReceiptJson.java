package kz.emtihan.exam;

import io.vertx.core.json.JsonObject;
import kz.emtihan.audit.model.Receipt;

/** The receipt of API.md: the signed fields, the signature and the public key to check it with. */
final class ReceiptJson {
  private ReceiptJson() {}

  static JsonObject toJson(Receipt r, String signature, String publicKey) {
    return new JsonObject().put("attemptId", r.attemptId()).put("studentId", r.studentId()).put("examId", r.examId())
        .put("status", r.status()).put("answersDigest", r.answersDigest()).put("events", r.events())
        .put("chainHead", r.chainHead()).put("submittedAt", r.submittedAt()).put("signature", signature)
        .put("publicKey", publicKey).put("algorithm", "Ed25519").put("signedText", r.signedText());
  }

  static Receipt fromJson(JsonObject o) {
    return new Receipt(o.getString("attemptId"), o.getString("studentId"), o.getString("examId"), o.getString("status"),
        o.getString("answersDigest"), o.getInteger("events"), o.getString("chainHead"), o.getString("submittedAt"));
  }
}
