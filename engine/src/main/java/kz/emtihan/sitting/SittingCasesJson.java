package kz.emtihan.sitting;

import static kz.emtihan.sitting.SittingJson.*;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.Optional;
import kz.emtihan.sitting.model.Act;
import kz.emtihan.sitting.model.AppealCase;
import kz.emtihan.sitting.model.FailureDecision;
import kz.emtihan.sitting.model.Phase;
import kz.emtihan.sitting.model.Postponement;

/** The stored form of a sitting's acts (6.15.2), postponements (6.15.3) and appeals (6.15.4): read into the model, and written back by id into the objects the document already holds ({@link SittingJson}). */
final class SittingCasesJson {
    private SittingCasesJson() {}

    static Postponement postponement(JsonObject p) {
        return new Postponement(
                p.getString("id", ""),
                p.getString("studentId", ""),
                p.getString("reason", ""),
                instant(p, "appliedAt"),
                p.getString("documentType", ""),
                p.getString("to", ""),
                Optional.ofNullable(p.getBoolean("allowed")),
                p.getString("decisionReason", ""),
                instant(p, "decidedAt"),
                p.getString("decidedBy", ""));
    }

    static JsonObject postponementJson(Postponement p) {
        JsonObject o = new JsonObject().put("id", p.id()).put("studentId", p.studentId());
        text(o, "reason", p.reason());
        p.appliedAt().ifPresent(at -> o.put("appliedAt", at.toString()));
        text(o, "documentType", p.documentType());
        text(o, "to", p.to());
        p.allowed().ifPresent(a -> o.put("allowed", a));
        if (p.allowed().isPresent()) o.put("decisionReason", p.decisionReason());
        p.decidedAt().ifPresent(at -> o.put("decidedAt", at.toString()));
        text(o, "decidedBy", p.decidedBy());
        return o;
    }

    static Act act(JsonObject a) {
        java.util.Map<String, FailureDecision.Choice> votes = new java.util.LinkedHashMap<>();
        object(a, "votes").forEach(e -> votes.put(e.getKey(), FailureDecision.Choice.valueOf((String) e.getValue())));
        JsonObject d = a.getJsonObject("decision");
        return new Act(
                a.getString("id"),
                a.getString("studentId"),
                Instant.parse(a.getString("at")),
                Phase.valueOf(a.getString("stage")),
                Optional.ofNullable(a.getValue("ticket") instanceof Integer n ? n : null),
                a.getString("description", ""),
                a.getString("by", ""),
                votes,
                d == null
                        ? Optional.empty()
                        : Optional.of(new FailureDecision(
                                FailureDecision.Choice.valueOf(d.getString("choice")),
                                FailureDecision.TicketOnRetry.valueOf(d.getString("ticket")),
                                d.getBoolean("chairCastTheDecidingVote", false))),
                Optional.ofNullable(a.getJsonObject("newTime"))
                        .map(t -> new Act.NewTime(
                                Instant.parse(t.getString("at")),
                                t.getString("by", ""),
                                Instant.parse(t.getString("recordedAt")))),
                Instant.parse(a.getString("copiesDueBy")),
                strings(array(a, "sentTo")));
    }

    /** The fields of an act the aggregate owns, put into its stored object (the mail statuses are ActMail's). */
    static void write(Act a, JsonObject o) {
        o.put("id", a.id())
                .put("studentId", a.studentId())
                .put("at", a.at().toString())
                .put("stage", a.stage().name())
                .put("ticket", a.ticket().orElse(null))
                .put("description", a.description())
                .put("by", a.by());
        JsonObject votes = new JsonObject();
        a.votes().forEach((m, c) -> votes.put(m, c.name()));
        o.put("votes", votes);
        if (a.decision().isEmpty()) o.putNull("decision");
        else
            o.put(
                    "decision",
                    new JsonObject()
                            .put("choice", a.decision().get().choice().name())
                            .put("ticket", a.decision().get().ticket().name())
                            .put("chairCastTheDecidingVote", a.decision().get().chairCastTheDecidingVote()));
        a.newTime() // 6.15.2: the new time the decision gives, once recorded
                .ifPresent(t -> o.put(
                        "newTime",
                        new JsonObject()
                                .put("at", t.at().toString())
                                .put("by", t.by())
                                .put("recordedAt", t.recordedAt().toString())));
        o.put("copiesDueBy", a.copiesDueBy().toString()).put("sentTo", new JsonArray(a.sentTo()));
        if (!o.containsKey("mail")) o.put("mail", new JsonObject());
    }

    static AppealCase appeal(JsonObject a) {
        return new AppealCase(
                a.getString("id", ""),
                a.getString("studentId", ""),
                a.getString("reason", ""),
                Instant.parse(a.getString("filedAt")),
                a.getString("to", ""),
                lenient(a, "meetingAt"),
                lenient(a, "decidedAt"),
                a.getString("by", ""),
                a.getString("decision", ""),
                a.getString("comment", ""),
                Optional.ofNullable(a.getString("gradeBefore")),
                Optional.ofNullable(a.getString("gradeAfter")));
    }

    /** An instant, or none for a time that is missing or edited by hand (the appeal's view says "inconsistent"). */
    static Optional<Instant> lenient(JsonObject o, String key) {
        try {
            return instant(o, key);
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    static JsonObject appealJson(AppealCase a) {
        JsonObject o = new JsonObject()
                .put("id", a.id())
                .put("studentId", a.studentId())
                .put("reason", a.reason())
                .put("filedAt", a.filedAt().toString());
        text(o, "to", a.to());
        a.meetingAt().ifPresent(at -> o.put("meetingAt", at.toString()));
        text(o, "by", a.by());
        a.decidedAt().ifPresent(at -> o.put("decidedAt", at.toString()));
        text(o, "decision", a.decision());
        if (a.decidedAt().isPresent()) o.put("comment", a.comment());
        a.gradeBefore().ifPresent(g -> o.put("gradeBefore", g));
        a.gradeAfter().ifPresent(g -> o.put("gradeAfter", g));
        return o;
    }
}
