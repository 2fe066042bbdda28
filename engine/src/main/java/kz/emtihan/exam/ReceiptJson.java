package kz.emtihan.exam;

import io.vertx.core.json.JsonObject;
import kz.emtihan.audit.ReceiptSigner;
import kz.emtihan.audit.model.Receipt;

/**
 * The receipt of API.md: the signed fields, the signature, the id of the engine's key that made it and that key's
 * public half (docs/verification.md: check it against the published key list, not against this copy).
 */
final class ReceiptJson {
    private ReceiptJson() {}

    static JsonObject toJson(Receipt r, ReceiptSigner.Signed s) {
        return new JsonObject()
                .put("attemptId", r.attemptId())
                .put("studentId", r.studentId())
                .put("examId", r.examId())
                .put("status", r.status())
                .put("answersDigest", r.answersDigest())
                .put("events", r.events())
                .put("chainHead", r.chainHead())
                .put("submittedAt", r.submittedAt())
                .put("signature", s.signature())
                .put("keyId", s.keyId())
                .put("publicKey", s.publicKey())
                .put("algorithm", "Ed25519")
                .put("signedText", r.signedText());
    }

    static Receipt fromJson(JsonObject o) {
        return new Receipt(
                o.getString("attemptId"),
                o.getString("studentId"),
                o.getString("examId"),
                o.getString("status"),
                o.getString("answersDigest"),
                o.getInteger("events"),
                o.getString("chainHead"),
                o.getString("submittedAt"));
    }
}
