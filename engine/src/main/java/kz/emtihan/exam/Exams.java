package kz.emtihan.exam;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import kz.emtihan.auth.Caller;
import kz.emtihan.bank.Banks;
import kz.emtihan.bank.QuestionJson;
import kz.emtihan.bank.model.BankValidation;
import kz.emtihan.bank.model.Question;
import kz.emtihan.config.Regulation;
import kz.emtihan.exam.model.Exam;
import kz.emtihan.exam.model.ExamAccess;
import kz.emtihan.exam.model.ExamPlan;
import kz.emtihan.refusal.CommonRefusal;
import kz.emtihan.refusal.Problem;
import kz.emtihan.refusal.Refusal;
import kz.emtihan.store.Ids;
import kz.emtihan.text.Text;

/** Use cases of exams (5.20): schedule within the regulation's limits, rosters, the exam snapshot cache. */
public final class Exams {
    private static final Pattern STUDENT_ID = Pattern.compile("[A-Za-z0-9._@-]{1,64}");
    private final ExamStore store;
    private final Banks banks;
    private final Regulation regulation;
    private final Map<String, Future<ExamSnapshot>> snapshots = new ConcurrentHashMap<>();
    private final ExamSchedule schedule;
    private final RetakeRoster retakeRoster;
    private final StudentExams mine;
    private final kz.emtihan.auth.Names names;

    Exams(ExamStore store, Banks banks, Regulation regulation, kz.emtihan.auth.Names names) {
        this.store = store;
        this.banks = banks;
        this.regulation = regulation;
        this.schedule = new ExamSchedule(store, banks.store(), regulation);
        this.retakeRoster = new RetakeRoster(store, regulation.retake());
        this.mine = new StudentExams(this, store, store.redis(), banks.store(), regulation);
        this.names = names;
    }

    public Future<String> create(Caller teacher, JsonObject body) {
        ExamPlan plan = ExamJson.plan(body);
        Exam.Proctoring proctoring = ExamJson.proctoring(body);
        Optional<String> retakeOf = ExamJson.retakeOf(body);
        // 5.21: an exam is scheduled from a bank its teacher owns or co-authors (an admin may use any)
        return banks.allowed(teacher, plan.bankId(), kz.emtihan.bank.model.BankAccess.Action.SCHEDULE)
                .compose(bank -> banks.questions(plan.bankId()).compose(all -> {
                    // 5.23.3: an unclassified question is never drawn, so it is not frozen into the exam
                    List<Question> questions =
                            all.stream().filter(q -> q.difficulty().isPresent()).toList();
                    List<Text> bankProblems = BankValidation.validate(bank.passport(), all, regulation.bank()).stream()
                            .map(BankValidation.Problem::text)
                            .toList();
                    ExamPlan.Checked checked =
                            plan.check(regulation.limits(plan.kind()), questions.size(), bankProblems);
                    if (!checked.problems().isEmpty()) {
                        ExamPlan.Problem first = checked.problems().get(0);
                        List<Problem> problems = checked.problems().stream()
                                .map(p -> new Problem(Map.of("rule", p.rule()), p.text()))
                                .toList();
                        return Future.failedFuture(
                                Refusal.of(ExamRefusal.EXAM_BEYOND_LIMITS, first.rule(), first.text())
                                        .withProblems(problems));
                    }
                    Exam exam = new Exam(
                            Ids.prefixed("e"),
                            plan.bankId(),
                            plan.title(),
                            plan.kind(),
                            plan.opensAt(),
                            plan.closesAt(),
                            checked.durationMinutes(),
                            checked.questionCount(),
                            proctoring,
                            teacher.id(),
                            Optional.empty());
                    Map<String, String> frozen = new LinkedHashMap<>();
                    for (Question q : questions)
                        frozen.put(q.id(), QuestionJson.stored(q).encode());
                    // 5.16, 5.20.1-5.20.3 against the calendar and the exams already scheduled; 5.36-5.38 for a retake
                    // 5.24-5.26: a midterm or attestation needs a bank usable in its academic year (5.31: see allowed)
                    return schedule.create(
                            teacher,
                            exam,
                            bank.passport(),
                            retakeOf,
                            frozen,
                            e -> kz.emtihan.bank.BankUse.require(
                                    bank, e.kind().code(), e.opensAt(), regulation.calendar()));
                }));
    }

    /** 5.16: the period and week of the academic calendar {@code at} (an ISO instant; now if absent) falls in. */
    public JsonObject calendarAt(String at) {
        java.time.Instant instant;
        try {
            instant = at == null || at.isBlank() ? java.time.Instant.now() : java.time.Instant.parse(at.strip());
        } catch (java.time.format.DateTimeParseException e) {
            throw ExamJson.badField("at", ExamWords.field("instant"));
        }
        return schedule.placementAt(instant);
    }

    Future<Exam> get(String examId) {
        return store.get(examId).map(e -> e.orElseThrow(() -> notFound(examId)));
    }

    static Refusal notFound(String examId) {
        return Refusal.of(CommonRefusal.NOT_FOUND, ExamWords.exam(), examId);
    }

    /** The exam and its frozen questions, cached for the life of the process (exams are never edited). */
    Future<ExamSnapshot> snapshot(String examId) {
        Future<ExamSnapshot> f = snapshots.computeIfAbsent(
                examId,
                id -> get(id).compose(exam -> store.questionJsons(id)
                        .map(jsons -> ExamSnapshot.of(
                                exam,
                                jsons.stream()
                                        .map(QuestionJson::fromStored)
                                        .sorted(Comparator.comparing(Question::id))
                                        .toList()))));
        return f.recover(err -> {
            snapshots.remove(examId, f);
            return Future.failedFuture(err);
        });
    }

    /** The exam, if the caller may watch it and act on its attempts: its teacher, its assigned proctors, admins (5.17.2). */
    public Future<Exam> watched(Caller caller, String examId) {
        return allowed(caller, examId, ExamAccess.Action.WATCH);
    }

    /** The exam, as scheduled (cached). */
    public Future<Exam> exam(String examId) {
        return snapshot(examId).map(ExamSnapshot::exam);
    }

    /**
     * The exam, if {@link ExamAccess} lets the caller do {@code action} (issue 10, 3): the one check of every exam and
     * attempt operation. The assignment is read from the store each time, so a change holds at once on every node.
     */
    public Future<Exam> allowed(Caller caller, String examId, ExamAccess.Action action) {
        return guarded(caller, examId, action).map(ExamStore.Guarded::exam);
    }

    Future<ExamStore.Guarded> guarded(Caller caller, String examId, ExamAccess.Action action) {
        return store.guarded(examId).map(found -> {
            ExamStore.Guarded g = found.orElseThrow(() -> notFound(examId));
            if (!g.access().allows(caller.id(), caller.roles(), action)) {
                // its teacher, the proctors assigned to it, admins; the registrar reads results (ExamAccess)
                throw Refusal.of(CommonRefusal.FORBIDDEN);
            }
            return g;
        });
    }

    /**
     * Replaces the roster. Each entry is a student id, {@code {"studentId", "admissionRating"}} where the rating
     * (0-100) decides admission, or {@code {"studentId", "midterms": [r1, r2]}}: the two midterm ratings (0-100), whose
     * mean is the admission rating (5.30, 6.10). Below {@code rating.minAdmissionRating} the student may not sit.
     */
    public Future<Integer> replaceRoster(Caller caller, String examId, JsonArray body) {
        // who first, then what: a refused caller is told 403 whatever the list says
        return allowed(caller, examId, ExamAccess.Action.MANAGE)
                .compose(e -> banks.requireUnlocked(e.bankId()).map(e)) // 5.31: grading locked with the bank
                .compose(e -> replaceRosterChecked(e, body));
    }

    private Future<Integer> replaceRosterChecked(Exam exam, JsonArray body) {
        String examId = exam.id();
        Set<String> students = new LinkedHashSet<>();
        Map<String, Double> ratings = new LinkedHashMap<>();
        Map<String, List<Double>> midterms = new LinkedHashMap<>();
        List<Problem> problems = new ArrayList<>();
        for (int i = 0; i < body.size(); i++) {
            Object v = body.getValue(i);
            String id = v instanceof String s
                    ? s
                    : v instanceof JsonObject o && o.getValue("studentId") instanceof String s ? s : "";
            if (!STUDENT_ID.matcher(id).matches()) {
                problems.add(Problem.index(i, ExamWords.problem("roster.student-id")));
                continue;
            }
            if (v instanceof JsonObject o && o.containsKey("midterms") && o.containsKey("admissionRating")) {
                // 5.30: the admission rating is the mean of the midterms; both at once could disagree
                problems.add(Problem.index(i, ExamWords.problem("roster.rating-and-midterms")));
            } else if (v instanceof JsonObject o && o.containsKey("midterms")) {
                List<Double> two = RosterRatings.midterms(o.getValue("midterms"));
                if (two == null) problems.add(Problem.index(i, ExamWords.problem("roster.midterms")));
                else {
                    midterms.put(id, two);
                    ratings.put(id, RosterRatings.mean(two));
                }
            } else if (v instanceof JsonObject o && o.containsKey("admissionRating")) {
                Double r = RosterRatings.rating(o.getValue("admissionRating"));
                if (r != null) ratings.put(id, r);
                else problems.add(Problem.index(i, ExamWords.problem("roster.rating")));
            }
            if (!students.add(id)) problems.add(Problem.index(i, ExamWords.problem("roster.twice", "student", id)));
        }
        if (!problems.isEmpty())
            return Future.failedFuture(
                    Refusal.of(ExamRefusal.INVALID_ROSTER, problems.size()).withProblems(problems));
        // 5.36-5.38: a retake's roster holds only the students whose result allows a retake
        Future<Void> allowed = exam.retakeOf().isPresent()
                ? retakeRoster.check(exam, new ArrayList<>(students))
                : Future.succeededFuture();
        return allowed.compose(v -> store.replaceRoster(examId, students, ratings, midterms))
                .map(students.size());
    }

    /** The exams the caller may see, by the same rule as one exam. */
    public Future<JsonArray> list(Caller caller) {
        return store.all()
                .compose(ids -> Future.all(ids.stream().map(store::guarded).toList()))
                .map(all -> {
                    List<Exam> exams = all.<Optional<ExamStore.Guarded>>list().stream()
                            .flatMap(Optional::stream)
                            .filter(g -> g.access().allows(caller.id(), caller.roles(), ExamAccess.Action.VIEW))
                            .map(ExamStore.Guarded::exam)
                            .sorted(Comparator.comparing(Exam::opensAt))
                            .toList();
                    return new JsonArray(exams.stream()
                            .map(e -> ExamJson.toJson(e).put("calendar", schedule.placement(e)))
                            .toList());
                });
    }

    public Future<JsonObject> view(Caller caller, String examId) {
        return guarded(caller, examId, ExamAccess.Action.VIEW)
                .compose(g -> Future.all(
                                store.roster(examId),
                                store.admission(examId),
                                store.midterms(examId),
                                store.index(ExamKeys.retakes(g.exam().retakeOf().orElse(examId))))
                        .map(done -> ExamJson.toJson(g.exam())
                                .put("calendar", schedule.placement(g.exam()))
                                // 5.36-5.38: the chain: the first exam and its retakes
                                .put(
                                        "retakes",
                                        new JsonArray(new ArrayList<>(done.<Map<String, Integer>>resultAt(3)
                                                .keySet())))
                                .put("roster", new JsonArray(new ArrayList<>(done.<java.util.Set<String>>resultAt(0))))
                                .put(
                                        "admission",
                                        new JsonObject(new java.util.HashMap<String, Object>(
                                                done.<Map<String, Double>>resultAt(1))))
                                .put(
                                        "midterms",
                                        new JsonObject(new java.util.HashMap<String, Object>(
                                                done.<Map<String, List<Double>>>resultAt(2))))
                                .put("minAdmissionRating", regulation.rating().minAdmissionRating())
                                .put("proctors", new JsonArray(g.proctors()))
                                .put(
                                        "yourAccess",
                                        new JsonArray(g.access().allowed(caller.id(), caller.roles()).stream()
                                                .map(ExamAccess.Action::code)
                                                .toList()))))
                .compose(this::named);
    }

    /**
     * issue 15 (2): the names of the roster, the owner and the proctors, {@code people: {id: name}} (the id where there
     * is no account).
     */
    private Future<JsonObject> named(JsonObject view) {
        java.util.Set<String> shown = new java.util.LinkedHashSet<>();
        view.getJsonArray("roster").forEach(id -> shown.add(String.valueOf(id)));
        if (view.getString("owner") != null) shown.add(view.getString("owner"));
        view.getJsonArray("proctors", new JsonArray()).forEach(id -> shown.add(String.valueOf(id)));
        return names.of(shown).map(found -> {
            JsonObject people = new JsonObject();
            for (String id : shown) people.put(id, found.getOrDefault(id, id));
            return view.put("people", people);
        });
    }

    /**
     * The caller's exams with their own attempt, if any (API.md {@code GET /me/exams}), and what each card says before
     * they start (issue 15, 6: {@link StudentExams}).
     */
    public Future<JsonArray> mine(Caller student, kz.emtihan.text.Language language) {
        return mine.of(student, language);
    }

    ExamStore store() {
        return store;
    }
}
