package kz.emtihan.bank;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kz.emtihan.bank.model.BankLife;
import kz.emtihan.bank.model.Conclusion;

/** A bank's life (5.19, 5.24-5.26, 5.31) as stored JSON, in the bank's hash field {@code life}. */
final class BankLifeJson {
    private BankLifeJson() {}

    static BankLife parse(String stored) {
        if (stored == null || stored.isEmpty()) return BankLife.draft();
        JsonObject o = new JsonObject(stored);
        List<BankLife.Approval> approvals = new ArrayList<>();
        for (Object a : o.getJsonArray("approvals", new JsonArray())) {
            JsonObject j = (JsonObject) a;
            approvals.add(new BankLife.Approval(
                    LocalDate.parse(j.getString("meetingDate")),
                    j.getString("minutes"),
                    j.getString("by"),
                    Instant.parse(j.getString("at"))));
        }
        Map<String, List<String>> panel = new LinkedHashMap<>();
        JsonObject p = o.getJsonObject("panel", new JsonObject());
        for (String year : p.fieldNames()) {
            List<String> ids = new ArrayList<>();
            for (Object id : p.getJsonArray(year)) ids.add((String) id);
            panel.put(year, ids);
        }
        List<Conclusion> conclusions = new ArrayList<>();
        for (Object c : o.getJsonArray("conclusions", new JsonArray())) conclusions.add(conclusion((JsonObject) c));
        List<BankLife.LockEvent> locks = new ArrayList<>();
        for (Object l : o.getJsonArray("locks", new JsonArray())) {
            JsonObject j = (JsonObject) l;
            locks.add(new BankLife.LockEvent(
                    j.getString("action"),
                    j.getString("by"),
                    Instant.parse(j.getString("at")),
                    j.getString("reason", ""),
                    j.getString("period", "")));
        }
        return new BankLife(
                o.getBoolean("approved", false), approvals, panel, conclusions, o.getBoolean("locked", false), locks);
    }

    static JsonObject stored(BankLife life) {
        JsonObject panel = new JsonObject();
        life.panel().forEach((y, ids) -> panel.put(y, new JsonArray(ids)));
        return new JsonObject()
                .put("approved", life.approved())
                .put(
                        "approvals",
                        new JsonArray(life.approvals().stream()
                                .map(BankLifeJson::approval)
                                .toList()))
                .put("panel", panel)
                .put(
                        "conclusions",
                        new JsonArray(life.conclusions().stream()
                                .map(BankLifeJson::conclusion)
                                .toList()))
                .put("locked", life.locked())
                .put(
                        "locks",
                        new JsonArray(
                                life.locks().stream().map(BankLifeJson::lock).toList()));
    }

    static JsonObject approval(BankLife.Approval a) {
        return new JsonObject()
                .put("meetingDate", a.meetingDate().toString())
                .put("minutes", a.minutes())
                .put("by", a.by())
                .put("at", a.at().toString());
    }

    static JsonObject lock(BankLife.LockEvent l) {
        return new JsonObject()
                .put("action", l.action())
                .put("by", l.by())
                .put("at", l.at().toString())
                .put("reason", l.reason())
                .put("period", l.period());
    }

    static JsonObject conclusion(Conclusion c) {
        JsonObject out = new JsonObject()
                .put("number", c.number())
                .put("expert", c.expert())
                .put("academicYear", c.academicYear())
                .put("round", c.round());
        for (int i = 0; i < Conclusion.ASPECTS.size(); i++) {
            Conclusion.Assessment a = c.assessments().get(i);
            out.put(
                    Conclusion.ASPECTS.get(i),
                    new JsonObject().put("assessment", a.grade().code()).put("comment", a.comment()));
        }
        return out.put("decision", c.decision().code()).put("at", c.at().toString());
    }

    static Conclusion conclusion(JsonObject j) {
        return new Conclusion(
                j.getInteger("number"),
                j.getString("expert"),
                j.getString("academicYear"),
                j.getInteger("round"),
                assessment(j.getJsonObject("standards")),
                assessment(j.getJsonObject("difficulty")),
                assessment(j.getJsonObject("wording")),
                Conclusion.Decision.fromCode(j.getString("decision")).orElseThrow(),
                Instant.parse(j.getString("at")));
    }

    private static Conclusion.Assessment assessment(JsonObject j) {
        return new Conclusion.Assessment(
                Conclusion.Grade.fromCode(j.getString("assessment")).orElseThrow(), j.getString("comment", ""));
    }
}
