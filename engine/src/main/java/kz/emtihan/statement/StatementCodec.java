package kz.emtihan.statement;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import kz.emtihan.statement.model.Reason;
import kz.emtihan.statement.model.Signer;
import kz.emtihan.statement.model.Statement;
import kz.emtihan.statement.model.Validity;

/** A statement as stored (JSON) and back. Times are ISO-8601 instants. */
final class StatementCodec {
    private StatementCodec() {}

    static JsonObject encode(Statement s) {
        JsonArray signatures = new JsonArray();
        for (Statement.Signature g : s.signatures())
            signatures.add(new JsonObject()
                    .put("signer", g.signer().role().code())
                    .put("by", g.by())
                    .put("approved", g.approved())
                    .put("reason", g.reason())
                    .put("at", g.at().toString()));
        JsonObject o = new JsonObject()
                .put("id", s.id())
                .put("studentId", s.studentId())
                .put("examId", s.examId())
                .put("reason", s.reason().code())
                .put("reasonText", s.reasonText())
                .put("documentType", s.documentType())
                .put("appliedAt", s.appliedAt().toString())
                .put("signatures", signatures);
        s.issued()
                .ifPresent(i -> o.put(
                        "issued",
                        new JsonObject()
                                .put("by", i.by())
                                .put("from", i.validity().from().toString())
                                .put("until", i.validity().until().toString())));
        return o;
    }

    static Statement decode(JsonObject o) {
        List<Statement.Signature> signatures = new ArrayList<>();
        for (Object v : o.getJsonArray("signatures", new JsonArray())) {
            JsonObject g = (JsonObject) v;
            signatures.add(new Statement.Signature(
                    Signer.fromCode(g.getString("signer")).orElseThrow(),
                    g.getString("by"),
                    g.getBoolean("approved"),
                    g.getString("reason", ""),
                    Instant.parse(g.getString("at"))));
        }
        JsonObject i = o.getJsonObject("issued");
        return new Statement(
                o.getString("id"),
                o.getString("studentId"),
                o.getString("examId"),
                Reason.fromCode(o.getString("reason")).orElse(Reason.OTHER),
                o.getString("reasonText", ""),
                o.getString("documentType", ""),
                Instant.parse(o.getString("appliedAt")),
                signatures,
                i == null
                        ? Optional.empty()
                        : Optional.of(new Statement.Issue(
                                i.getString("by"),
                                new Validity(
                                        Instant.parse(i.getString("from")), Instant.parse(i.getString("until"))))));
    }
}
