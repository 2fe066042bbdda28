package kz.emtihan.exam;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import kz.emtihan.audit.ReceiptSigner;
import kz.emtihan.audit.model.HashChain;
import kz.emtihan.audit.model.Receipt;
import kz.emtihan.auth.Caller;
import kz.emtihan.auth.Role;
import kz.emtihan.config.Regulation;
import kz.emtihan.exam.model.Attempt;
import kz.emtihan.exam.model.AttemptStatus;
import kz.emtihan.exam.model.Draw;
import kz.emtihan.exam.model.ExamAccess;
import kz.emtihan.exam.model.Marking;
import kz.emtihan.exam.model.Paper;
import kz.emtihan.grade.model.Grade;
import kz.emtihan.http.Rejection;
import kz.emtihan.store.Ids;
import kz.emtihan.store.RedisStore;

/** Use cases of attempts (5.20.3, 7.6): start once, autosave, submit, time out, grade, sign. */
public final class Attempts {
    private final Vertx vertx;
    private final Exams exams;
    private final AttemptStore store;
    private final RedisStore redis;
    private final Regulation regulation;
    private final ReceiptSigner signer;
    private final SecureRandom seeds = new SecureRandom();
    /** Immutable parts of attempts this node has seen, so that a save costs one Lua call, not three reads. */
    private final Map<String, Future<AttemptStore.Meta>> metas = new ConcurrentHashMap<>();

    private static final int META_CACHE_LIMIT = 200_000;
    private volatile AttemptExtras extras = AttemptExtras.NONE;
    private final AttemptHolds holds;

    Attempts(
            Vertx vertx,
            Exams exams,
            AttemptStore store,
            RedisStore redis,
            Regulation regulation,
            ReceiptSigner signer) {
        this.vertx = vertx;
        this.exams = exams;
        this.store = store;
        this.redis = redis;
        this.regulation = regulation;
        this.signer = signer;
        this.holds = new AttemptHolds(this, exams, store, () -> extras);
    }

    /** Lets another context (proctoring) hold attempts and add to their view; set once at wiring. */
    public void extras(AttemptExtras e) {
        this.extras = e;
    }

    /** The attempt view and whether this call created it (201) or resumed it (200). */
    public record Started(boolean created, JsonObject attempt) {}

    public Future<Started> start(Caller student, String examId) {
        if (!student.has(Role.STUDENT)) return Future.failedFuture(Rejection.forbidden("only a student takes an exam"));
        return exams.snapshot(examId).compose(snap -> {
            long seed = seeds.nextLong();
            Paper paper = Draw.of(
                    snap.pool(), snap.exam().questionCount(), regulation.bank().mixPercent(), seed);
            boolean hold = extras.holdAtStart(snap.exam());
            // a held attempt's clock starts when it is released; an unheld one's now, so it is watched from both
            // moments now
            List<String> watched = new ArrayList<>(extras.watchFromStart(snap.exam()));
            if (!hold) watched.addAll(extras.watchFromClock(snap.exam()));
            return store.startOnce(
                            snap.exam(),
                            student.id(),
                            Ids.prefixed("a"),
                            seed,
                            paper,
                            regulation.rating().minAdmissionRating(),
                            hold,
                            watched,
                            extras.watchGraceMillis())
                    .compose(s -> switch (s.outcome()) {
                        // a new attempt is exactly what was just drawn: no need to read it back (the 10,000-at-once
                        // moment)
                        case "created" ->
                            extras.decorate(
                                            AttemptJson.forStudent(
                                                    new Attempt(
                                                            s.attemptId(),
                                                            examId,
                                                            student.id(),
                                                            AttemptStatus.IN_PROGRESS,
                                                            Instant.ofEpochMilli(s.startedAt()),
                                                            Instant.ofEpochMilli(s.deadline()),
                                                            seed,
                                                            paper,
                                                            Optional.empty(),
                                                            Map.of()),
                                                    snap,
                                                    Instant.ofEpochMilli(s.startedAt()),
                                                    hold),
                                            snap.exam(),
                                            hold)
                                    .map(json -> new Started(true, json));
                        case "existing" ->
                            view(s.attemptId(), snap).map(json -> {
                                String status = json.getString("status");
                                if (!"in-progress".equals(status)) {
                                    throw new Rejection(
                                            409,
                                            "attempt-finished",
                                            "the one attempt at this exam is used (5.20.3): " + status,
                                            List.of(),
                                            new JsonObject()
                                                    .put("attemptId", s.attemptId())
                                                    .put("status", status));
                                }
                                return new Started(false, json);
                            });
                        case "not-on-roster" ->
                            Future.failedFuture(Rejection.forbidden("you are not on the roster of exam " + examId));
                        case "not-admitted" ->
                            Future.failedFuture(new Rejection(
                                    403,
                                    "not-admitted",
                                    "your admission rating " + s.attemptId() + " is below the "
                                            + regulation.rating().minAdmissionRating() + " needed to sit (5.30)"));
                        case "not-open" ->
                            Future.failedFuture(Rejection.conflict(
                                    "exam-not-open",
                                    "the exam is open from " + snap.exam().opensAt() + " until "
                                            + snap.exam().closesAt()));
                        default -> Future.failedFuture(new IllegalStateException("start-attempt said " + s.outcome()));
                    });
        });
    }

    private Future<JsonObject> view(String attemptId, ExamSnapshot snap) {
        return Future.all(store.load(attemptId), redis.time(), store.facts(attemptId))
                .compose(done -> {
                    Attempt a = done.<Optional<Attempt>>resultAt(0)
                            .orElseThrow(() -> Rejection.notFound("attempt", attemptId));
                    boolean held = done.<Optional<AttemptFacts>>resultAt(2)
                            .map(AttemptFacts::held)
                            .orElse(false);
                    return extras.decorate(AttemptJson.forStudent(a, snap, done.resultAt(1), held), snap.exam(), held);
                });
    }

    /** The attempt, if the caller owns it or may watch its exam: its teacher, its assigned proctors, admins. */
    public Future<JsonObject> get(Caller caller, String attemptId) {
        return readable(caller, attemptId)
                .compose(a -> exams.snapshot(a.examId())
                        .compose(snap -> Future.all(redis.time(), store.fields(attemptId))
                                .compose(done -> {
                                    Map<String, String> fields = done.resultAt(1);
                                    boolean held = fields.containsKey("hold");
                                    JsonObject view =
                                            withResult(AttemptJson.forStudent(a, snap, done.resultAt(0), held), fields);
                                    if (fields.containsKey("terminationReason"))
                                        view.put("terminationReason", fields.get("terminationReason"));
                                    return extras.decorate(view, snap.exam(), held);
                                })));
    }

    /** Who owns the attempt, of which exam, and its times; 404 for an unknown attempt. */
    public Future<AttemptFacts> facts(String attemptId) {
        return store.facts(attemptId).map(f -> f.orElseThrow(() -> Rejection.notFound("attempt", attemptId)));
    }

    /**
     * Ends the attempt for a violation (6.14: access blocked, recorded as an unexcused absence): the student's
     * page is told at once through the attempt-closed event, and the attempt is graded as zero.
     */
    public Future<JsonObject> terminate(String attemptId, String actor, String reason) {
        return store.terminate(attemptId, actor, reason).compose(r -> switch (r[0]) {
            case "finalised" -> grade(attemptId).map(x -> new JsonObject().put("status", "terminated"));
            case "already" ->
                Future.failedFuture(Rejection.conflict("attempt-closed", "the attempt is already " + r[1]));
            default -> Future.failedFuture(Rejection.notFound("attempt", attemptId));
        });
    }

    /** The identity step's hold and the clock's start (5.17.2, issue 10, 4). */
    public AttemptHolds holds() {
        return holds;
    }

    /** A finished, graded attempt also shows its grade (the same fields as the submit response). */
    private static JsonObject withResult(JsonObject view, Map<String, String> fields) {
        if (fields.containsKey("letter")) {
            view.put(
                    "result",
                    new JsonObject()
                            .put("points", Double.parseDouble(fields.get("points")))
                            .put("percent", Double.parseDouble(fields.get("percent")))
                            .put("letter", fields.get("letter"))
                            .put("gpa", Double.parseDouble(fields.get("gpa")))
                            .put("traditional", fields.get("traditional")));
        }
        return view;
    }

    /** The attempt, if it is the caller's own (no exam facts needed) or the caller may watch its exam ({@link ExamAccess}). */
    Future<Attempt> readable(Caller caller, String attemptId) {
        return load(attemptId).compose(a -> {
            if (ExamAccess.ownAttempt(caller.id(), a.studentId())) return Future.succeededFuture(a);
            if (!caller.hasAny(ExamAccess.watchingRoles())) {
                return Future.failedFuture(Rejection.forbidden("attempt " + attemptId + " is not yours"));
            }
            return exams.allowed(caller, a.examId(), ExamAccess.Action.WATCH).map(e -> a);
        });
    }

    private Future<Attempt> owned(Caller caller, String attemptId) {
        return load(attemptId).map(a -> {
            if (a.studentId().equals(caller.id())) return a;
            throw Rejection.forbidden("attempt " + attemptId + " is not yours");
        });
    }

    Exams exams() {
        return exams;
    }

    Future<Attempt> load(String attemptId) {
        return store.load(attemptId).map(a -> a.orElseThrow(() -> Rejection.notFound("attempt", attemptId)));
    }

    /** Acknowledged only once Redis has it; a stale seq is answered with the stored seq and changes nothing. */
    public Future<JsonObject> save(Caller caller, String attemptId, String questionId, JsonObject body) {
        Object seqValue = body.getValue("seq");
        if (!(seqValue instanceof Number n) || n.longValue() < 1 || n.doubleValue() != n.longValue()) {
            return Future.failedFuture(Rejection.badRequest("bad-field", "'seq' must be a whole number from 1"));
        }
        long seq = n.longValue();
        if (!(body.getValue("choices") instanceof JsonArray arr)) {
            return Future.failedFuture(Rejection.badRequest("bad-field", "'choices' must be a list of option ids"));
        }
        return meta(attemptId)
                .compose(m -> {
                    if (!m.studentId().equals(caller.id()))
                        return Future.failedFuture(Rejection.forbidden("attempt " + attemptId + " is not yours"));
                    return exams.snapshot(m.examId()).compose(snap -> {
                        List<String> choices = choices(m.paper(), snap, questionId, arr);
                        return store.save(
                                attemptId,
                                questionId,
                                seq,
                                choices,
                                regulation.answerGrace().toMillis());
                    });
                })
                .map(saved -> switch (saved.outcome()) {
                    case "stored", "already" ->
                        new JsonObject().put("savedAt", saved.at().toString()).put("seq", saved.seq());
                    case "closed" ->
                        throw Rejection.conflict(
                                "attempt-closed", "the attempt is finished or past its deadline (5.20.3)");
                    case "held-identity" -> throw AttemptHolds.identityRequired();
                    case "held-approval" -> throw AttemptHolds.identityPending();
                    default -> throw Rejection.notFound("attempt", attemptId);
                });
    }

    private Future<AttemptStore.Meta> meta(String attemptId) {
        if (metas.size() > META_CACHE_LIMIT) metas.clear();
        Future<AttemptStore.Meta> f = metas.computeIfAbsent(
                attemptId, id -> store.meta(id).map(m -> m.orElseThrow(() -> Rejection.notFound("attempt", id))));
        return f.recover(err -> {
            metas.remove(attemptId, f);
            return Future.failedFuture(err);
        });
    }

    /** 400 for a question not on this paper or an option not of this question. */
    private static List<String> choices(Paper paper, ExamSnapshot snap, String questionId, JsonArray arr) {
        Paper.Item item = paper.item(questionId)
                .orElseThrow(() ->
                        Rejection.badRequest("unknown-question", "question " + questionId + " is not on this paper"));
        List<String> out = new ArrayList<>();
        for (Object v : arr) {
            if (!(v instanceof String s) || !item.optionOrder().contains(s)) {
                throw Rejection.badRequest(
                        "unknown-option", "option " + v + " is not an option of question " + questionId);
            }
            if (!out.contains(s)) out.add(s);
        }
        if (out.size() > 1 && !snap.byId().get(questionId).multiple()) {
            throw Rejection.badRequest("single-answer", "question " + questionId + " takes one option");
        }
        return out;
    }

    /**
     * Merges the client's copy (each answer {@code [ids]} or {@code {"choices","seq"}}, by the seq rule; a bare
     * list only fills a question with nothing stored), finalises once, grades and signs. A repeated submit
     * returns the same result.
     */
    public Future<JsonObject> submit(Caller caller, String attemptId, JsonObject body) {
        Object answers = body.getValue("answers");
        if (answers != null && !(answers instanceof JsonObject)) {
            return Future.failedFuture(
                    Rejection.badRequest("bad-field", "'answers' must be an object of questionId → choices"));
        }
        return owned(caller, attemptId)
                .compose(a -> {
                    Future<Void> merged = a.status().finished() || answers == null
                            ? Future.succeededFuture()
                            : merge(caller, a, (JsonObject) answers);
                    return merged.compose(v -> store.finalise(
                            attemptId, false, regulation.answerGrace().toMillis(), caller.id()));
                })
                .compose(outcome -> {
                    if (!"held".equals(outcome[0])) return grade(attemptId);
                    return Future.failedFuture(
                            "approval".equals(outcome[1])
                                    ? AttemptHolds.identityPending()
                                    : AttemptHolds.identityRequired());
                })
                .map(result -> new JsonObject()
                        .put("status", result.getString("status"))
                        .put("points", result.getDouble("points"))
                        .put("percent", result.getDouble("percent"))
                        .put("letter", result.getString("letter"))
                        .put("gpa", result.getDouble("gpa"))
                        .put("traditional", result.getString("traditional"))
                        .put("receipt", result.getJsonObject("receipt")));
    }

    private Future<Void> merge(Caller caller, Attempt a, JsonObject answers) {
        Future<Void> chain = Future.succeededFuture();
        for (String qid : answers.fieldNames()) {
            Object v = answers.getValue(qid);
            JsonObject one;
            if (v instanceof JsonObject o) one = o;
            else if (v instanceof JsonArray arr) {
                if (a.answers().containsKey(qid)) continue;
                one = new JsonObject().put("choices", arr).put("seq", 1);
            } else {
                return Future.failedFuture(
                        Rejection.badRequest("bad-field", "answer to " + qid + " must be a list or {choices, seq}"));
            }
            chain = chain.compose(x -> save(caller, a.id(), qid, one)
                    .<Void>mapEmpty()
                    .recover(err -> err instanceof Rejection r && r.code().equals("attempt-closed")
                            ? Future.succeededFuture()
                            : Future.failedFuture(err)));
        }
        return chain;
    }

    /**
     * Grades a finalised attempt and signs its receipt; idempotent (Ed25519 is deterministic), so the submit
     * path and the sweeper may both run it.
     */
    Future<JsonObject> grade(String attemptId) {
        return Future.all(load(attemptId), store.log(attemptId)).compose(done -> {
            Attempt a = done.resultAt(0);
            List<String> log = done.resultAt(1);
            if (!a.status().finished())
                return Future.failedFuture(Rejection.conflict("attempt-open", "the attempt is still in progress"));
            return exams.snapshot(a.examId()).compose(snap -> {
                Map<String, List<String>> answers = answersOf(a);
                // 6.14: an attempt stopped for a violation counts as an unexcused absence, whatever was answered
                double points = a.status() == AttemptStatus.TERMINATED
                        ? 0
                        : Marking.points(a.paper(), snap.byId(), answers, regulation.scoring());
                Grade g = regulation.scale().grade(points, a.paper().items().size());
                Receipt r = receiptOf(a, log, answers);
                // Ed25519 in the JDK is pure Java (~1 ms): signing 10,000 submits on the event loop would queue them
                return vertx.executeBlocking(() -> signer.signed(r), false)
                        .compose(signed -> storeResult(a, g, ReceiptJson.toJson(r, signed)))
                        .onSuccess(x -> extras.finished(a.id()));
            });
        });
    }

    private Future<JsonObject> storeResult(Attempt a, Grade g, JsonObject receipt) {
        Map<String, String> result = new HashMap<>();
        result.put("points", Double.toString(g.points()));
        result.put("percent", Double.toString(g.percent()));
        result.put("letter", g.letter());
        result.put("gpa", Double.toString(g.gpa()));
        result.put("traditional", g.traditional());
        JsonObject out = new JsonObject()
                .put("status", a.status().code())
                .put("points", g.points())
                .put("percent", g.percent())
                .put("letter", g.letter())
                .put("gpa", g.gpa())
                .put("traditional", g.traditional())
                .put("receipt", receipt);
        return store.storeResult(a.id(), result, receipt.encode()).map(out);
    }

    static Map<String, List<String>> answersOf(Attempt a) {
        Map<String, List<String>> answers = new HashMap<>();
        a.answers().forEach((q, ans) -> answers.put(q, ans.choices()));
        return answers;
    }

    static Receipt receiptOf(Attempt a, List<String> log, Map<String, List<String>> answers) {
        List<String> order =
                a.paper().items().stream().map(Paper.Item::questionId).toList();
        return new Receipt(
                a.id(),
                a.studentId(),
                a.examId(),
                a.status().code(),
                HashChain.answersDigest(order, answers),
                log.size(),
                HashChain.head(a.id(), log),
                a.finishedAt().map(Instant::toString).orElse(""));
    }

    /** Times out attempts whose deadline + grace has passed on the store's clock and grades what is left ungraded. */
    public Future<Integer> finaliseDue(int batch) {
        long grace = regulation.answerGrace().toMillis();
        return redis.time()
                .compose(now -> store.due(now.toEpochMilli() - grace, batch))
                .compose(due -> {
                    List<Future<?>> work = new ArrayList<>();
                    for (String id : due)
                        work.add(store.finalise(id, true, grace, "server").compose(r -> grade(id)));
                    return Future.join(work).map(due.size());
                })
                .compose(n -> store.ungraded(batch)
                        .compose(
                                ids -> Future.join(ids.stream().map(this::grade).toList()))
                        .map(n));
    }
}
