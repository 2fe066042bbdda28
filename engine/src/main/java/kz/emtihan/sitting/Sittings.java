package kz.emtihan.sitting;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import kz.emtihan.auth.Caller;
import kz.emtihan.auth.model.Role;
import kz.emtihan.config.Regulation;
import kz.emtihan.live.LiveHub;
import kz.emtihan.refusal.CommonRefusal;
import kz.emtihan.refusal.FieldProblem;
import kz.emtihan.refusal.Problem;
import kz.emtihan.refusal.Refusal;
import kz.emtihan.sitting.model.Parts;
import kz.emtihan.sitting.model.Sitting;
import kz.emtihan.sitting.model.SittingRefusal;
import kz.emtihan.sitting.model.SittingSetUp;
import kz.emtihan.sitting.model.SittingTerms;
import kz.emtihan.sitting.model.SittingWords;
import kz.emtihan.sitting.model.Ticket;
import kz.emtihan.sitting.model.TicketDraw;
import kz.emtihan.store.Ids;

/**
 * Sittings of the oral final attestation (6.15-6.15.6): an administrator creates one with its commission, appeal
 * commission, students in order and ticket set; everyone involved reads it as their role allows; the draw's
 * commitment is public from the start and its seed is revealed when the sitting is closed.
 */
public final class Sittings {
    private static final Pattern USER = Pattern.compile("[A-Za-z0-9._@-]{1,64}");
    private final SittingStore store;
    private final Regulation.FinalAttestation rules;
    private final LiveHub live;
    private final SittingPeople people;
    private final SittingResults.Slot finals = new SittingResults.Slot();

    Sittings(SittingStore store, Regulation.FinalAttestation rules, LiveHub live, SittingPeople people) {
        this.store = store;
        this.rules = rules;
        this.live = live;
        this.people = people;
    }

    SittingPeople people() {
        return people;
    }

    SittingStore store() {
        return store;
    }

    Regulation.FinalAttestation rules() {
        return rules;
    }

    LiveHub live() {
        return live;
    }

    /** Issue 16 (3): who is told of a final result (the LMS's gradebook, when a link of the sitting takes grades). */
    SittingResults.Slot finals() {
        return finals;
    }

    /**
     * Issue 16 (3): tells the listener of the student's final result as stored in {@code doc}, after it is stored. A
     * listener that fails is logged, not the step's failure: the result stands, and the listener catches up from
     * {@link #finalResults}.
     */
    Future<Void> tell(JsonObject doc, String student) {
        return SittingFinals.tell(finals.get(), doc, student, rules);
    }

    /** Issue 16 (3): every final result of the sitting as it stands now (confirmed, or as an appeal left it). */
    public Future<java.util.List<SittingResults.Final>> finalResults(String id) {
        return store.get(id).map(doc -> SittingFinals.of(doc, rules));
    }

    /** Issue 16 (3): the sitting's title (a new line item's label in an LMS's gradebook). */
    public Future<String> title(String id) {
        return store.get(id).map(doc -> doc.getString("title", id));
    }

    /**
     * Issue 16 (2): the sitting's id and title when the caller runs it: its chair or its technical secretary (who lead
     * it, 6.15.6), or an administrator (who created it); forbidden otherwise, not-found when there is none. Who may
     * open it from an LMS course, and send its grades there again.
     */
    public Future<JsonObject> runBy(Caller caller, String id) {
        return store.get(id).map(doc -> {
            if (!SittingFinals.runs(doc, caller)) throw Refusal.of(CommonRefusal.FORBIDDEN);
            return new JsonObject()
                    .put("id", id)
                    .put("title", doc.getString("title"))
                    .put("maxScore", rules.maxScore());
        });
    }

    /**
     * Issue 16 (3): the sitting's id and title when the caller sees its results: anyone on the commission or the appeal
     * commission, or an administrator (SittingView shows them every student's result); forbidden to its students and
     * everyone else.
     */
    public Future<JsonObject> resultsSeenBy(Caller caller, String id) {
        return store.get(id).map(doc -> {
            String role = SittingView.roleOf(doc, caller.id());
            if (!caller.has(Role.ADMIN) && (role == null || "student".equals(role)))
                throw Refusal.of(CommonRefusal.FORBIDDEN);
            return new JsonObject()
                    .put("id", id)
                    .put("title", doc.getString("title"))
                    .put(
                            "students",
                            doc.getJsonArray("students", new JsonArray()).copy());
        });
    }

    /**
     * One change of the sitting as load → apply → store: the stored document is read into the typed aggregate, the
     * pure {@code transition} gives the next one (or refuses, and nothing changes), and what changed is written back
     * atomically (SittingStore retries when someone else changed the sitting meanwhile). The stored document follows.
     */
    Future<JsonObject> apply(String id, String event, UnaryOperator<Sitting> transition) {
        return apply(id, event, transition, (before, after, was, doc) -> {});
    }

    /** What the edge adds to the stored document beside the aggregate's change (e-mail statuses, a kept history). */
    interface Beside {
        void write(Sitting before, Sitting after, JsonObject was, JsonObject doc);
    }

    /** {@link #apply(String, String, UnaryOperator)}, then {@code beside} on the document as it was and as it is. */
    Future<JsonObject> apply(String id, String event, UnaryOperator<Sitting> transition, Beside beside) {
        return store.update(id, event, doc -> {
            JsonObject was = doc.copy();
            Sitting before = SittingJson.read(doc, rules);
            Sitting after = transition.apply(before);
            SittingJson.write(before, after, doc);
            beside.write(before, after, was, doc);
            return doc;
        });
    }

    /**
     * A new sitting (6.15-6.15.6). Every problem is reported at once with its field (400 {@code invalid-sitting}): the
     * form of each field, then the people ({@link SittingSetUp}: accounts with the right roles, the commission's size,
     * the secretary not a member, nobody on both commissions), then the students carried from an earlier sitting
     * ({@link SittingCarry}). A carried student's earlier sitting notes where they went.
     */
    public Future<String> create(Caller admin, JsonObject body) {
        if (!admin.has(Role.ADMIN)) return Future.failedFuture(Refusal.of(CommonRefusal.FORBIDDEN));
        List<Problem> problems = new ArrayList<>();
        String kind = body.getValue("kind") instanceof String k
                        && (k.equals(SittingTerms.COMPREHENSIVE_EXAM) || k.equals(SittingTerms.THESIS_DEFENCE))
                ? k
                : null;
        if (kind == null) problems.add(Problem.field("kind", FieldProblem.oneOf("comprehensive-exam, thesis-defence")));
        String title =
                body.getValue("title") instanceof String t && !t.isBlank() && t.length() <= 200 ? t.trim() : null;
        if (title == null)
            problems.add(Problem.field("title", SittingWords.field("text-length", "min", 1, "max", 200)));
        LocalDate date = null;
        try {
            date = LocalDate.parse(String.valueOf(body.getValue("date")));
        } catch (DateTimeParseException e) {
            problems.add(Problem.field("date", SittingWords.field("date")));
        }
        String language = body.getValue("language") instanceof String l
                        && List.of("kk", "ru", "en").contains(l)
                ? l
                : null;
        if (language == null) problems.add(Problem.field("language", FieldProblem.oneOf("kk, ru, en")));
        JsonObject commission = people(body, "commission", List.of("chair", "secretary"), "members", problems);
        JsonObject appeal = people(body, "appealCommission", List.of("chair", "deputy"), "members", problems);
        Map<String, String> carriedFrom = new LinkedHashMap<>();
        List<String> students = SittingCarry.students(body.getValue("students"), carriedFrom, problems);
        if (students.isEmpty()) problems.add(Problem.field("students", SittingWords.field("students-required")));
        if (commission != null
                && !SittingJson.strings(commission.getJsonArray("members")).contains(commission.getString("chair"))) {
            commission.getJsonArray("members").add(0, commission.getString("chair")); // the chair is a member (6.15.6)
        }
        if (commission != null) {
            for (String s : students) {
                if (s.equals(commission.getString("secretary"))
                        || SittingJson.strings(commission.getJsonArray("members"))
                                .contains(s)) {
                    problems.add(Problem.field("students", SittingWords.field("student-on-commission", "student", s)));
                }
            }
        }
        Object link = body.getValue("videoLink");
        if (link != null && !(link instanceof String s && (s.isEmpty() || s.startsWith("https://")))) {
            problems.add(Problem.field("videoLink", SittingWords.field("video-link")));
        }
        if (commission == null
                || appeal == null
                || problems.stream()
                        .anyMatch(p -> p.at().containsKey("field")
                                && String.valueOf(p.at().get("field"))
                                        .matches("(commission|appealCommission)\\.(chair|secretary|deputy)")))
            return refused(problems); // who is who is unclear: the people cannot be checked
        Parts parts = SittingJson.parts(new JsonObject()
                .put("commission", commission)
                .put("appealCommission", appeal)
                .put("students", new JsonArray(students)));
        Set<String> everyone = new LinkedHashSet<>(parts.members());
        everyone.addAll(List.of(parts.chair(), parts.secretary(), parts.appealChair(), parts.appealDeputy()));
        everyone.addAll(parts.appealMembers());
        everyone.addAll(students);
        LocalDate day = date;
        String sittingKind = kind;
        return people.roles(everyone)
                .compose(roles -> {
                    problems.addAll(SittingSetUp.problems(parts, roles, rules.commissionSize()));
                    return SittingCarry.check(store, carriedFrom, students, sittingKind, day, rules, live.serverNow());
                })
                .compose(carried -> {
                    problems.addAll(carried.problems());
                    if (!problems.isEmpty()) return refused(problems);
                    String id = Ids.prefixed("s");
                    byte[] seed = TicketDraw.newSeed();
                    JsonObject doc = new JsonObject()
                            .put("id", id)
                            .put("kind", sittingKind)
                            .put("title", title)
                            .put("date", day.toString())
                            .put("language", language)
                            .put("videoLink", link == null ? "" : link)
                            .put("createdBy", admin.id())
                            .put("commission", commission)
                            .put("appealCommission", appeal)
                            .put("students", new JsonArray(students))
                            .put("tickets", new JsonArray())
                            .put("commitment", TicketDraw.commitment(seed))
                            .put("withReplacement", rules.ticketsWithReplacement())
                            .put("draws", new JsonArray())
                            .put("progress", new JsonObject())
                            .put("acts", new JsonArray())
                            .put("appeals", new JsonArray())
                            .put("postponements", new JsonArray());
                    if (!carried.carried().isEmpty()) doc.put("carried", carried.carried());
                    return store.create(id, doc, TicketDraw.seedToHex(seed))
                            .compose(v -> SittingCarry.noteCarried(store, carried.carried(), id))
                            .map(id);
                });
    }

    private static <T> Future<T> refused(List<Problem> problems) {
        return Future.failedFuture(
                Refusal.of(SittingRefusal.INVALID_SITTING, problems.size()).withProblems(problems));
    }

    private static JsonObject people(
            JsonObject body, String field, List<String> singles, String many, List<Problem> problems) {
        if (!(body.getValue(field) instanceof JsonObject o)) {
            problems.add(Problem.field(
                    field, SittingWords.field("people", "singles", String.join(", ", singles), "many", many)));
            return null;
        }
        JsonObject out = new JsonObject();
        for (String s : singles) {
            if (o.getValue(s) instanceof String u && USER.matcher(u).matches()) out.put(s, u);
            else problems.add(Problem.field(field + "." + s, SittingWords.field("user-id")));
        }
        out.put(many, new JsonArray(users(o.getValue(many), field + "." + many, problems)));
        return out;
    }

    static List<String> users(Object value, String field, List<Problem> problems) {
        Set<String> out = new LinkedHashSet<>();
        if (!(value instanceof JsonArray a)) {
            problems.add(Problem.field(field, SittingWords.field("user-ids")));
            return List.of();
        }
        for (int i = 0; i < a.size(); i++) {
            if (a.getValue(i) instanceof String u && USER.matcher(u).matches() && out.add(u)) continue;
            problems.add(Problem.field(field + "[" + i + "]", SittingWords.field("user-once")));
        }
        return new ArrayList<>(out);
    }

    /** The sitting as the caller may see it (SittingView), with the names of the people it mentions (SittingPeople). */
    public Future<JsonObject> view(Caller caller, String id) {
        return store.get(id)
                .map(doc -> SittingView.of(doc, caller, live.serverNow(), rules))
                .compose(people::addTo);
    }

    /**
     * Every sitting's stored document, read only (issue 13, 5: the registry's exports and lists; the registry checks
     * who may read which before it shows anything).
     */
    public Future<List<JsonObject>> documents() {
        return store.ids()
                .compose(ids -> Future.all(ids.stream().map(store::get).toList()))
                .map(all -> all.<JsonObject>list());
    }

    /** Sittings the caller takes part in (an administrator: all). */
    public Future<JsonArray> mine(Caller caller) {
        return store.ids()
                .compose(ids -> Future.all(ids.stream().map(store::get).toList()))
                .map(all -> {
                    JsonArray out = new JsonArray();
                    for (JsonObject doc : all.<JsonObject>list()) {
                        if (caller.has(Role.ADMIN) || SittingView.roleOf(doc, caller.id()) != null) {
                            out.add(new JsonObject()
                                    .put("id", doc.getString("id"))
                                    .put("title", doc.getString("title"))
                                    .put("kind", doc.getString("kind"))
                                    .put("date", doc.getString("date"))
                                    .put("role", SittingView.roleOf(doc, caller.id())));
                        }
                    }
                    return out;
                });
    }

    /** Replaces the ticket set (before the first draw): [{number, questions:[...]}], every bad ticket reported with its index. */
    public Future<JsonObject> tickets(Caller caller, String id, JsonArray tickets) {
        List<Problem> problems = new ArrayList<>();
        Set<Integer> numbers = new LinkedHashSet<>();
        List<Ticket> clean = new ArrayList<>();
        for (int i = 0; i < tickets.size(); i++) {
            Object v = tickets.getValue(i);
            if (!(v instanceof JsonObject t)
                    || !(t.getValue("number") instanceof Integer n)
                    || n < 1
                    || !numbers.add(n)) {
                problems.add(Problem.index(i, SittingWords.field("ticket-number")));
                continue;
            }
            List<String> questions =
                    t.getValue("questions") instanceof JsonArray q ? SittingJson.strings(q) : List.of();
            if (questions.isEmpty() || questions.stream().anyMatch(s -> s.isBlank() || s.length() > 2000)) {
                problems.add(Problem.index(i, SittingWords.field("ticket-questions", "number", n, "max", 2000)));
                continue;
            }
            clean.add(new Ticket(n, questions));
        }
        if (clean.isEmpty() && problems.isEmpty()) problems.add(Problem.index(0, SittingWords.field("no-tickets")));
        if (!problems.isEmpty())
            return Future.failedFuture(
                    Refusal.of(SittingRefusal.INVALID_TICKETS, problems.size()).withProblems(problems));
        return apply(id, "tickets", sitting -> {
                    if (!caller.has(Role.ADMIN)
                            && sitting.roleOf(caller.id()).orElse(null)
                                    != kz.emtihan.sitting.model.SittingRole.SECRETARY)
                        throw Refusal.of(CommonRefusal.FORBIDDEN); // the administrator or the secretary
                    return sitting.withTickets(clean);
                })
                .map(doc -> new JsonObject().put("tickets", clean.size()));
    }

    /**
     * The draws with the commitment; once the sitting is closed, also the seed, so anyone can recompute every draw
     * (recipe in kz.emtihan.sitting.model's package documentation). Issue 10: the commission, the appeal commission and
     * an administrator see every draw; a student sees only their own until the sitting closes, then every draw in its
     * order with its ticket, the others without their names, ids or words ({@code "student": "other"}): enough to
     * recompute their own draw (the tickets drawn before it are the ones not available), nothing about who drew what.
     */
    public Future<JsonObject> draws(Caller caller, String id) {
        return Future.all(store.get(id), store.seed(id)).map(done -> {
            JsonObject doc = done.resultAt(0);
            String role = SittingView.roleOf(doc, caller.id());
            if (!caller.has(Role.ADMIN) && role == null) throw Refusal.of(CommonRefusal.FORBIDDEN);
            boolean closed = doc.getString("endedAt") != null;
            JsonArray draws = doc.getJsonArray("draws", new JsonArray());
            if ("student".equals(role)) draws = DrawsForStudent.of(draws, caller.id(), closed);
            JsonObject out = new JsonObject()
                    .put("sittingId", id)
                    .put("commitment", doc.getString("commitment"))
                    .put("withReplacement", doc.getBoolean("withReplacement"))
                    .put("draws", draws)
                    .put(
                            "tickets",
                            new JsonArray(doc.getJsonArray("tickets", new JsonArray()).stream()
                                    .map(t -> ((JsonObject) t).getInteger("number"))
                                    .toList()))
                    .put("algorithm", TicketDraw.DOMAIN);
            if (closed) out.put("seed", done.<String>resultAt(1));
            return out;
        });
    }

    /** The secretary (or chair) closes the sitting: the seed is revealed and the 48 hours to appeal start (6.15.4). */
    public Future<JsonObject> close(Caller caller, String id) {
        Instant now = live.serverNow();
        return apply(id, "closed", sitting -> {
                    var role = sitting.roleOf(caller.id()).orElse(null);
                    if (role != kz.emtihan.sitting.model.SittingRole.SECRETARY
                            && role != kz.emtihan.sitting.model.SittingRole.CHAIR)
                        throw Refusal.of(CommonRefusal.FORBIDDEN); // the secretary or the chair
                    return sitting.close(now);
                })
                .map(doc -> new JsonObject().put("endedAt", doc.getString("endedAt")));
    }
}
