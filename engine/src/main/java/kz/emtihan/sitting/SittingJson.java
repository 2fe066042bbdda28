package kz.emtihan.sitting;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kz.emtihan.sitting.model.Commission;
import kz.emtihan.sitting.model.CommissionScores;
import kz.emtihan.sitting.model.Phase;
import kz.emtihan.sitting.model.PhaseClock;
import kz.emtihan.sitting.model.PhaseLimits;
import kz.emtihan.sitting.model.TicketPool;

/** Between a sitting's stored document and the model's records (kz.emtihan.sitting.model). Pure. */
final class SittingJson {
    private SittingJson() {}

    static Commission commission(JsonObject doc) {
        JsonObject c = doc.getJsonObject("commission");
        return Commission.of(
                c.getString("chair"),
                new LinkedHashSet<>(strings(c.getJsonArray("members"))),
                c.getString("secretary"));
    }

    static List<String> strings(JsonArray a) {
        List<String> out = new ArrayList<>();
        if (a != null) for (Object o : a) out.add(String.valueOf(o));
        return out;
    }

    static JsonObject progress(JsonObject doc, String studentId) {
        JsonObject all = doc.getJsonObject("progress");
        JsonObject p = all.getJsonObject(studentId);
        if (p == null) {
            p = new JsonObject().put("status", "waiting").put("scores", new JsonObject());
            all.put(studentId, p);
        }
        return p;
    }

    static TicketPool pool(JsonObject doc) {
        List<Integer> tickets = new ArrayList<>();
        for (Object t : doc.getJsonArray("tickets")) tickets.add(((JsonObject) t).getInteger("number"));
        List<TicketPool.Drawn> drawn = new ArrayList<>();
        for (Object o : doc.getJsonArray("draws")) {
            JsonObject d = (JsonObject) o;
            drawn.add(new TicketPool.Drawn(
                    d.getInteger("drawNumber"), d.getString("studentId"), d.getString("word"), d.getInteger("ticket")));
        }
        return new TicketPool(doc.getString("id"), tickets, doc.getBoolean("withReplacement"), drawn);
    }

    static PhaseClock clock(JsonObject progress, PhaseLimits limits) {
        JsonObject c = progress.getJsonObject("phase");
        if (c == null) return PhaseClock.waiting(limits);
        return new PhaseClock(
                limits,
                Phase.valueOf(c.getString("phase")),
                instant(c, "preparationStarted"),
                instant(c, "answerStarted"),
                instant(c, "answerEnded"),
                Optional.ofNullable(c.getString("earlyEndReason")));
    }

    static JsonObject clockJson(PhaseClock c, Instant now) {
        JsonObject o = new JsonObject().put("phase", c.phase().name());
        c.preparationStarted().ifPresent(i -> o.put("preparationStarted", i.toString()));
        c.answerStarted().ifPresent(i -> o.put("answerStarted", i.toString()));
        c.answerEnded().ifPresent(i -> o.put("answerEnded", i.toString()));
        c.earlyEndReason().ifPresent(r -> o.put("earlyEndReason", r));
        c.deadlineAt(now).ifPresent(d -> o.put("deadline", d.toString()));
        return o;
    }

    private static Optional<Instant> instant(JsonObject o, String key) {
        return Optional.ofNullable(o.getString(key)).map(Instant::parse);
    }

    static CommissionScores scores(JsonObject doc, JsonObject progress, int maxScore) {
        Map<String, Integer> scores = new HashMap<>();
        JsonObject s = progress.getJsonObject("scores", new JsonObject());
        for (String m : s.fieldNames()) scores.put(m, s.getInteger(m));
        return new CommissionScores(
                commission(doc), maxScore, scores, Optional.ofNullable(progress.getString("confirmedBy")));
    }

    static JsonObject ticket(JsonObject doc, int number) {
        for (Object t : doc.getJsonArray("tickets"))
            if (((JsonObject) t).getInteger("number") == number) return (JsonObject) t;
        throw new IllegalStateException("no ticket " + number);
    }
}
