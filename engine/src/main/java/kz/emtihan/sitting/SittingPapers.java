package kz.emtihan.sitting;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import kz.emtihan.auth.Caller;
import kz.emtihan.auth.model.Role;
import kz.emtihan.refusal.CommonRefusal;
import kz.emtihan.refusal.Refusal;
import kz.emtihan.sitting.documents.ActTicket;
import kz.emtihan.sitting.documents.AppealDecisionDocument;
import kz.emtihan.sitting.documents.FailureActDocument;
import kz.emtihan.sitting.documents.Person;
import kz.emtihan.sitting.documents.ProtocolCourse;
import kz.emtihan.sitting.documents.SittingDocuments;
import kz.emtihan.sitting.documents.Vote;
import kz.emtihan.sitting.model.Act;
import kz.emtihan.sitting.model.AppealCase;
import kz.emtihan.sitting.model.Sitting;
import kz.emtihan.sitting.model.StudentRecord;
import kz.emtihan.sitting.model.Ticket;
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

    /** 6.15.6: the protocol, with the times, acts, redraws, postponements and appeals (SittingProtocol). */
    public Future<byte[]> protocol(Caller caller, String id) {
        return readable(caller, id, (doc, role) -> commission(role))
                .compose(doc -> others(doc)
                        .compose(others -> named(
                                doc,
                                name -> SittingDocuments.protocol(
                                        SittingProtocol.of(doc, sittings.rules(), zone(), name, others)))));
    }

    /**
     * 6.15.2-6.15.3: the title and day of each sitting the protocol names (one that carried a student here, one whose
     * result cleared an I); a sitting that cannot be read is named by its id.
     */
    private Future<java.util.function.Function<String, ProtocolCourse.SittingRef>> others(JsonObject doc) {
        List<String> ids = new ArrayList<>(SittingProtocol.others(doc));
        List<Future<Optional<JsonObject>>> reads = new ArrayList<>();
        for (String other : ids)
            reads.add(sittings.store()
                    .get(other)
                    .map(Optional::of)
                    .recover(e -> Future.succeededFuture(Optional.empty())));
        return Future.all(reads).map(all -> {
            java.util.Map<String, ProtocolCourse.SittingRef> refs = new java.util.HashMap<>();
            for (int k = 0; k < ids.size(); k++) {
                Optional<JsonObject> other = all.resultAt(k);
                String title = other.map(o -> o.getString("title"))
                        .filter(t -> !t.isBlank())
                        .orElse(ids.get(k));
                Optional<java.time.LocalDate> day = other.flatMap(o -> {
                    try {
                        return Optional.of(java.time.LocalDate.parse(o.getString("date")));
                    } catch (RuntimeException unreadable) {
                        return Optional.empty();
                    }
                });
                refs.put(ids.get(k), new ProtocolCourse.SittingRef(title, day));
            }
            return other -> refs.getOrDefault(other, new ProtocolCourse.SittingRef(other, Optional.empty()));
        });
    }

    /** The zone every time of a sitting is shown in: the calendar's (regulation.yaml), named on each paper. */
    private java.time.ZoneId zone() {
        return sittings.rules().calendar().zone();
    }

    /** Renders off the event loop with the people's printed names at hand. */
    private <T> Future<T> named(
            JsonObject doc, java.util.function.Function<java.util.function.UnaryOperator<String>, T> render) {
        return sittings.people()
                .printed(doc)
                .compose(names -> vertx.executeBlocking(() -> render.apply(id -> names.getOrDefault(id, id)), false));
    }

    static List<Person> people(JsonObject doc, java.util.function.UnaryOperator<String> name) {
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
            Sitting sitting = SittingJson.read(doc.copy(), sittings.rules().phases());
            int number = 0;
            while (number < sitting.acts().size()
                    && !sitting.acts().get(number).id().equals(actId)) number++;
            if (number == sitting.acts().size()) {
                SittingAfter.find(doc.getJsonArray("acts"), actId, "act"); // 404 for an act that is not there
                throw new IllegalStateException("act " + actId + " cannot be read");
            }
            Act act = sitting.acts().get(number);
            List<Vote> votes = new ArrayList<>();
            act.votes().forEach((member, choice) -> votes.add(new Vote(name.apply(member), choice))); // as cast
            Optional<ActTicket> ticket = act.ticket().map(n -> new ActTicket(n, questions(sitting, n)));
            var zone = zone();
            return SittingDocuments.failureAct(new FailureActDocument(
                    doc.getString("title"),
                    number + 1,
                    act.at().atZone(zone).toLocalDate(),
                    language(doc),
                    name.apply(act.studentId()),
                    act.at(),
                    zone,
                    act.stage(),
                    ticket,
                    act.description().isBlank() ? "—" : act.description(),
                    people(doc, name),
                    votes,
                    act.decision(),
                    act.newTime().map(Act.NewTime::at)));
        });
    }

    private static List<String> questions(Sitting sitting, int ticket) {
        return sitting.tickets().stream()
                .filter(t -> t.number() == ticket)
                .findFirst()
                .map(Ticket::questions)
                .orElse(List.of());
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
                    return SittingDocuments.appealDecision(appealDocument(doc, appealId, name));
                }));
    }

    /**
     * 6.15.4-6.15.5: the decision with the commission's result it was against, the comment and the time; signed by the
     * chair, or by the deputy when the deputy decided, and the members.
     */
    private AppealDecisionDocument appealDocument(JsonObject doc, String appealId, UnaryOperator<String> name) {
        Sitting sitting = SittingJson.read(doc.copy(), sittings.rules().phases());
        AppealCase a = sitting.appeals().stream()
                .filter(x -> x.id().equals(appealId))
                .findFirst()
                .orElseThrow(() -> Refusal.of(kz.emtihan.sitting.model.SittingRefusal.NOT_DECIDED));
        if (a.decision().isEmpty() || a.decidedAt().isEmpty() || a.meetingAt().isEmpty())
            throw Refusal.of(kz.emtihan.sitting.model.SittingRefusal.NOT_DECIDED);
        JsonObject ac = doc.getJsonObject("appealCommission");
        boolean deputy = a.by().equals(ac.getString("deputy")) && !a.by().equals(ac.getString("chair"));
        List<Person> signers = new ArrayList<>();
        signers.add(
                deputy
                        ? new Person(name.apply(ac.getString("deputy")), Person.Role.DEPUTY_CHAIR)
                        : new Person(name.apply(ac.getString("chair")), Person.Role.CHAIR));
        for (String m : SittingJson.strings(ac.getJsonArray("members")))
            signers.add(new Person(name.apply(m), Person.Role.MEMBER));
        StudentRecord r = sitting.records().get(a.studentId());
        Optional<StudentRecord.Result> result = Optional.ofNullable(r).flatMap(StudentRecord::result);
        boolean changed = a.decision().equals(AppealDecisionDocument.CHANGED);
        String before = a.gradeBefore().orElse("—");
        String after = a.gradeAfter().orElse(before);
        if (result.isPresent()) {
            StudentRecord.Result x = result.get();
            boolean byThis = x.changedByAppeal().map(appealId::equals).orElse(false);
            String commissionPoints = byThis && !r.scores().isEmpty()
                    ? SittingProtocol.points(sittings.rules()
                            .aggregation()
                            .of(r.scores().values())
                            .doubleValue())
                    : SittingProtocol.points(x.points());
            before = before + " " + commissionPoints;
            after = changed ? x.letter() + " " + SittingProtocol.points(x.points()) : before;
        }
        return new AppealDecisionDocument(
                doc.getString("title"),
                language(doc),
                name.apply(a.studentId()),
                a.filedAt(),
                a.reason().isBlank() ? "—" : a.reason(),
                a.meetingAt().get(),
                a.decision(),
                before,
                after,
                a.comment(),
                a.decidedAt().get(),
                signers,
                zone());
    }
}
