package kz.emtihan.sitting;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kz.emtihan.auth.Caller;
import kz.emtihan.auth.model.Role;
import kz.emtihan.refusal.CommonRefusal;
import kz.emtihan.refusal.Refusal;
import kz.emtihan.sitting.documents.AppealDecisionDocument;
import kz.emtihan.sitting.documents.FailureActDocument;
import kz.emtihan.sitting.documents.Person;
import kz.emtihan.sitting.documents.ProtocolDocument;
import kz.emtihan.sitting.documents.ProtocolRow;
import kz.emtihan.sitting.documents.SittingDocuments;
import kz.emtihan.sitting.documents.Vote;
import kz.emtihan.text.Language;

/**
 * The sitting's papers as PDF, in its language (issue 5, 8): the protocol (students, tickets, each member's score,
 * final grades), each act of technical failure (6.15.2) and each appeal decision (6.15.5). Rendering blocks, so it
 * runs off the event loop. People appear by their names (SittingPeople.printed).
 */
public final class SittingPapers {
    private final Vertx vertx;
    private final Sittings sittings;

    SittingPapers(Vertx vertx, Sittings sittings) {
        this.vertx = vertx;
        this.sittings = sittings;
    }

    static Language language(JsonObject doc) {
        return Language.valueOf(doc.getString("language").toUpperCase(java.util.Locale.ROOT));
    }

    private Future<JsonObject> readable(
            Caller caller, String id, java.util.function.BiPredicate<JsonObject, String> may) {
        return sittings.store().get(id).map(doc -> {
            String role = SittingView.roleOf(doc, caller.id());
            if (!caller.has(Role.ADMIN) && role == null) throw Refusal.of(CommonRefusal.FORBIDDEN); // before any 404
            if (!caller.has(Role.ADMIN) && !may.test(doc, role)) throw Refusal.of(CommonRefusal.FORBIDDEN);
            return doc;
        });
    }

    private static boolean commission(String role) {
        return "chair".equals(role) || "member".equals(role) || "secretary".equals(role);
    }

    public Future<byte[]> protocol(Caller caller, String id) {
        return readable(caller, id, (doc, role) -> commission(role))
                .compose(doc -> named(doc, name -> {
                    List<Person> people = people(doc, name);
                    List<ProtocolRow> rows = new ArrayList<>();
                    for (String student : SittingJson.strings(doc.getJsonArray("students"))) {
                        JsonObject p = SittingJson.progress(doc.copy(), student);
                        Map<String, Integer> scores = new HashMap<>();
                        p.getJsonObject("scores", new JsonObject())
                                .forEach(e -> scores.put(name.apply(e.getKey()), (Integer) e.getValue()));
                        JsonObject result = p.getJsonObject("result");
                        rows.add(new ProtocolRow(
                                name.apply(student),
                                p.getInteger("ticket"),
                                scores,
                                result == null ? "—" : String.valueOf(result.getDouble("points")),
                                result == null
                                        ? (p.getJsonObject("incomplete") != null ? "I" : "—")
                                        : result.getString("letter"),
                                p.getString("status")));
                    }
                    return SittingDocuments.protocol(new ProtocolDocument(
                            doc.getString("title"),
                            doc.getString("kind"),
                            LocalDate.parse(doc.getString("date")),
                            language(doc),
                            people,
                            rows));
                }));
    }

    /** Renders off the event loop with the people's printed names at hand. */
    private <T> Future<T> named(
            JsonObject doc, java.util.function.Function<java.util.function.UnaryOperator<String>, T> render) {
        return sittings.people()
                .printed(doc)
                .compose(names -> vertx.executeBlocking(() -> render.apply(id -> names.getOrDefault(id, id)), false));
    }

    private static List<Person> people(JsonObject doc, java.util.function.UnaryOperator<String> name) {
        JsonObject c = doc.getJsonObject("commission");
        List<Person> people = new ArrayList<>();
        people.add(new Person(name.apply(c.getString("chair")), Person.Role.CHAIR));
        for (String m : SittingJson.strings(c.getJsonArray("members"))) {
            if (!m.equals(c.getString("chair"))) people.add(new Person(name.apply(m), Person.Role.MEMBER));
        }
        people.add(new Person(name.apply(c.getString("secretary")), Person.Role.SECRETARY));
        return people;
    }

    public Future<byte[]> act(Caller caller, String id, String actId) {
        return readable(
                        caller,
                        id,
                        (doc, role) -> commission(role)
                                || caller.id()
                                        .equals(SittingAfter.find(doc.getJsonArray("acts"), actId, "act")
                                                .getString("studentId")))
                .compose(doc -> actPdf(doc, actId));
    }

    /**
     * 6.15.2: the act as PDF from the sitting's document, with no access check: also what the members get by e-mail once
     * they have decided (every member's vote and the decision). Before that the paper says the decision is pending.
     */
    Future<byte[]> actPdf(JsonObject doc, String actId) {
        return named(doc, name -> {
            JsonObject act = SittingAfter.find(doc.getJsonArray("acts"), actId, "act");
            JsonObject decision = act.getJsonObject("decision");
            List<Vote> votes = new ArrayList<>();
            if (decision != null) {
                act.getJsonObject("votes")
                        .forEach(e -> votes.add(new Vote(
                                name.apply(e.getKey()),
                                decision.getString("choice").equals(e.getValue())
                                        ? Vote.Choice.FOR
                                        : Vote.Choice.AGAINST)));
            }
            Language lang = language(doc);
            String decided = decision == null
                    ? SittingDocuments.pending(lang)
                    : SittingDocuments.decision(lang, decision.getString("choice"));
            Instant at = Instant.parse(act.getString("at"));
            var zone = sittings.rules().calendar().zone();
            return SittingDocuments.failureAct(new FailureActDocument(
                    doc.getString("title"),
                    at.atZone(zone).toLocalDate(),
                    lang,
                    name.apply(act.getString("studentId")),
                    at,
                    zone,
                    SittingDocuments.stage(lang, act.getString("stage")),
                    act.getString("description"),
                    name.apply(act.getString("by")),
                    votes,
                    decided,
                    decision != null && "KEEP".equals(decision.getString("ticket")),
                    Optional.empty()));
        });
    }

    public Future<byte[]> appeal(Caller caller, String id, String appealId) {
        return readable(
                        caller,
                        id,
                        (doc, role) -> role != null && role.startsWith("appeal")
                                || "chair".equals(role)
                                || "secretary".equals(role)
                                || caller.id()
                                        .equals(SittingAfter.find(doc.getJsonArray("appeals"), appealId, "appeal")
                                                .getString("studentId")))
                .compose(doc -> named(doc, name -> {
                    JsonObject a = SittingAfter.find(doc.getJsonArray("appeals"), appealId, "appeal");
                    if (a.getString("decision") == null)
                        throw Refusal.of(kz.emtihan.sitting.model.SittingRefusal.NOT_DECIDED);
                    JsonObject ac = doc.getJsonObject("appealCommission");
                    List<Person> members = new ArrayList<>(List.of(
                            new Person(name.apply(ac.getString("chair")), Person.Role.CHAIR),
                            new Person(name.apply(ac.getString("deputy")), Person.Role.DEPUTY_CHAIR)));
                    for (String m : SittingJson.strings(ac.getJsonArray("members")))
                        members.add(new Person(name.apply(m), Person.Role.MEMBER));
                    String before = a.getString("gradeBefore", "—");
                    String after = a.getString("gradeAfter", before);
                    return SittingDocuments.appealDecision(new AppealDecisionDocument(
                            doc.getString("title"),
                            language(doc),
                            name.apply(a.getString("studentId")),
                            Instant.parse(a.getString("filedAt")),
                            a.getString("reason"),
                            Instant.parse(a.getString("meetingAt")),
                            a.getString("decision"),
                            before,
                            after,
                            members,
                            sittings.rules().calendar().zone()));
                }));
    }
}
