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
import kz.emtihan.sitting.model.Act;
import kz.emtihan.sitting.model.AppealCase;
import kz.emtihan.sitting.model.Commission;
import kz.emtihan.sitting.model.CommissionScores;
import kz.emtihan.sitting.model.Draw;
import kz.emtihan.sitting.model.Parts;
import kz.emtihan.sitting.model.Phase;
import kz.emtihan.sitting.model.PhaseClock;
import kz.emtihan.sitting.model.PhaseLimits;
import kz.emtihan.sitting.model.Postponement;
import kz.emtihan.sitting.model.Recording;
import kz.emtihan.sitting.model.Sitting;
import kz.emtihan.sitting.model.SittingTerms;
import kz.emtihan.sitting.model.StudentRecord;
import kz.emtihan.sitting.model.Ticket;
import kz.emtihan.sitting.model.TicketPool;

/**
 * The one edge between a sitting's stored document ({@code sitting:<id>}, unchanged in form so stored sittings and
 * replace-sitting.lua keep working) and the model: {@link #read} gives the typed {@link Sitting}, {@link #write} puts a
 * transition's result back into the document, field by field of what the aggregate owns, leaving what it does not
 * (acts, appeals, postponements, photos, recordings, history) as it was. Pure.
 */
final class SittingJson {
    private SittingJson() {}

    /** The aggregate of a stored document, held to its day in the zone of {@code rules} (6.15.6). */
    static Sitting read(JsonObject doc, kz.emtihan.config.Regulation.FinalAttestation rules) {
        Optional<java.time.LocalDate> day;
        try {
            day = Optional.of(java.time.LocalDate.parse(doc.getString("date", "")));
        } catch (RuntimeException unreadable) { // no day, or one edited by hand: held to no day
            day = Optional.empty();
        }
        return read(
                doc,
                rules.phases(),
                new SittingTerms(
                        doc.getString("kind", SittingTerms.COMPREHENSIVE_EXAM),
                        day,
                        rules.calendar().zone(),
                        Optional.of(rules.mastersDeadline())));
    }

    /** The aggregate of a stored document, held to no day. */
    static Sitting read(JsonObject doc, PhaseLimits limits) {
        return read(doc, limits, SittingTerms.anyDay(doc.getString("kind", SittingTerms.COMPREHENSIVE_EXAM)));
    }

    /** The aggregate of a stored document; lenient as the document may lack fields or have been edited by hand. */
    static Sitting read(JsonObject doc, PhaseLimits limits, SittingTerms terms) {
        Parts parts = parts(doc);
        List<Ticket> tickets = new ArrayList<>();
        for (Object o : array(doc, "tickets")) {
            if (o instanceof JsonObject t && t.getValue("number") instanceof Integer n)
                tickets.add(new Ticket(n, strings(array(t, "questions"))));
        }
        List<Draw> draws = new ArrayList<>();
        for (Object o : array(doc, "draws")) {
            JsonObject d = (JsonObject) o;
            draws.add(new Draw(
                    d.getInteger("drawNumber"),
                    d.getString("studentId"),
                    d.getString("word", ""),
                    d.getInteger("ticket"),
                    instant(d, "at")));
        }
        List<Postponement> postponements = new ArrayList<>();
        for (Object o : array(doc, "postponements")) {
            try {
                postponements.add(SittingCasesJson.postponement((JsonObject) o));
            } catch (RuntimeException unreadable) { // edited by hand: left as it is, and not found for a decision
            }
        }
        List<AppealCase> appeals = new ArrayList<>();
        for (Object o : array(doc, "appeals")) {
            try {
                appeals.add(SittingCasesJson.appeal((JsonObject) o));
            } catch (RuntimeException unreadable) { // edited by hand: left as it is (its view says inconsistent)
            }
        }
        List<Act> acts = new ArrayList<>();
        for (Object o : array(doc, "acts")) {
            try {
                acts.add(SittingCasesJson.act((JsonObject) o));
            } catch (RuntimeException unreadableAct) { // edited by hand: left as it is, and not found for a vote
            }
        }
        List<Recording> recordings = new ArrayList<>();
        for (Object o : array(doc, "recordings")) {
            if (o instanceof JsonObject r)
                recordings.add(new Recording(
                        r.getString("userId", ""),
                        r.getString("role", ""),
                        r.getString("peer", ""),
                        r.getString("uri", ""),
                        SittingCasesJson.lenient(r, "at")));
        }
        Map<String, StudentRecord> records = new HashMap<>();
        Map<String, String> unreadable = new HashMap<>();
        object(doc, "progress").forEach(e -> {
            try {
                records.put(e.getKey(), StudentRecordJson.record((JsonObject) e.getValue(), limits));
            } catch (RuntimeException bad) {
                unreadable.put(e.getKey(), String.valueOf(bad.getMessage()));
            }
        });
        Optional<Instant> ended;
        try {
            ended = instant(doc, "endedAt");
        } catch (RuntimeException bad) { // a closing time edited by hand: closed, at no readable time
            ended = Optional.of(Instant.EPOCH);
        }
        return new Sitting(
                doc.getString("id"),
                parts,
                tickets,
                draws,
                doc.getBoolean("withReplacement", false),
                ended,
                postponements,
                appeals,
                acts,
                recordings,
                records,
                unreadable,
                limits,
                terms);
    }

    static void text(JsonObject o, String key, String value) {
        if (!value.isEmpty()) o.put(key, value);
    }

    /** Who takes part, as stored. */
    static Parts parts(JsonObject doc) {
        JsonObject c = object(doc, "commission");
        JsonObject a = object(doc, "appealCommission");
        return new Parts(
                c.getValue("secretary") instanceof String s ? s : null,
                c.getValue("chair") instanceof String s ? s : null,
                strings(array(c, "members")),
                a.getValue("chair") instanceof String s ? s : null,
                a.getValue("deputy") instanceof String s ? s : null,
                strings(array(a, "members")),
                strings(array(doc, "students")));
    }

    /**
     * {@code doc} with what changed from {@code before} to {@code after}: the tickets, the draws, the closing time and
     * the records of the students whose record changed (the other fields of their progress stay).
     */
    static JsonObject write(Sitting before, Sitting after, JsonObject doc) {
        if (!before.tickets().equals(after.tickets())) {
            JsonArray tickets = new JsonArray();
            for (Ticket t : after.tickets())
                tickets.add(new JsonObject().put("number", t.number()).put("questions", new JsonArray(t.questions())));
            doc.put("tickets", tickets);
        }
        if (!before.draws().equals(after.draws())) {
            JsonArray draws = new JsonArray();
            for (Draw d : after.draws()) {
                JsonObject o = new JsonObject()
                        .put("drawNumber", d.drawNumber())
                        .put("studentId", d.studentId())
                        .put("word", d.word())
                        .put("ticket", d.ticket());
                d.at().ifPresent(at -> o.put("at", at.toString()));
                draws.add(o);
            }
            doc.put("draws", draws);
        }
        for (Postponement p : after.postponements())
            if (!before.postponements().contains(p))
                stored(doc, "postponements", p.id()).mergeIn(SittingCasesJson.postponementJson(p));
        for (AppealCase a : after.appeals())
            if (!before.appeals().contains(a)) stored(doc, "appeals", a.id()).mergeIn(SittingCasesJson.appealJson(a));
        for (Act a : after.acts())
            if (!before.acts().contains(a)) SittingCasesJson.write(a, stored(doc, "acts", a.id()));
        for (Recording r : after.recordings()
                .subList(before.recordings().size(), after.recordings().size())) {
            JsonObject o = new JsonObject(); // recordings are only ever added
            text(o, "userId", r.userId());
            text(o, "role", r.role());
            text(o, "peer", r.peer());
            text(o, "uri", r.uri());
            r.at().ifPresent(at -> o.put("at", at.toString()));
            JsonArray list = array(doc, "recordings");
            doc.put("recordings", list.add(o));
        }
        if (!before.endedAt().equals(after.endedAt())) after.endedAt().ifPresent(e -> doc.put("endedAt", e.toString()));
        if (!before.terms().date().equals(after.terms().date()))
            after.terms().date().ifPresent(d -> doc.put("date", d.toString()));
        after.records().forEach((student, r) -> {
            StudentRecord was = before.records().get(student);
            if (!r.equals(was)) StudentRecordJson.write(was, r, progress(doc, student));
        });
        return doc;
    }

    /**
     * The stored object of {@code key}'s list with {@code id}, added at the end if there is none; what the aggregate
     * could not read (edited by hand) stays in its place.
     */
    static JsonObject stored(JsonObject doc, String key, String id) {
        JsonArray list = doc.getValue(key) instanceof JsonArray a ? a : new JsonArray();
        doc.put(key, list);
        for (Object x : list) if (x instanceof JsonObject j && id.equals(j.getString("id"))) return j;
        JsonObject added = new JsonObject();
        list.add(added);
        return added;
    }

    static void put(JsonObject o, String key, Optional<?> value) {
        if (value.isPresent()) o.put(key, value.get());
        else o.remove(key);
    }

    static JsonObject object(JsonObject o, String key) {
        return o.getValue(key) instanceof JsonObject j ? j : new JsonObject();
    }

    static JsonArray array(JsonObject o, String key) {
        return o.getValue(key) instanceof JsonArray j ? j : new JsonArray();
    }

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

    static Optional<Instant> instant(JsonObject o, String key) {
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
