package kz.emtihan.bank;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import kz.emtihan.auth.Caller;
import kz.emtihan.bank.exports.BankExport;
import kz.emtihan.bank.imports.ImportSkip;
import kz.emtihan.bank.model.BankAccess;
import kz.emtihan.bank.model.BankRules;
import kz.emtihan.bank.model.BankValidation;
import kz.emtihan.bank.model.Difficulty;
import kz.emtihan.bank.model.Passport;
import kz.emtihan.bank.model.Question;
import kz.emtihan.bank.model.QuestionDraft;
import kz.emtihan.refusal.CommonRefusal;
import kz.emtihan.refusal.Problem;
import kz.emtihan.refusal.Refusal;
import kz.emtihan.store.Ids;
import kz.emtihan.text.Text;

/** Use cases of question banks (5.21-5.23, 7.6): create with passport, add, import, validate. */
public final class Banks {
    private final Vertx vertx;
    private final BankStore store;
    private final BankMediaStore media;
    private final BankRules rules;
    private final ParsedQuestions parsed = new ParsedQuestions();
    private final LifeSteps life;

    public Banks(Vertx vertx, BankStore store, BankMediaStore media, BankRules rules) {
        this.vertx = vertx;
        this.store = store;
        this.media = media;
        this.rules = rules;
        this.life = new LifeSteps(store);
    }

    LifeSteps life() {
        return life;
    }

    /** Work too slow for the event loop (a paper to render). */
    <T> Future<T> onWorker(java.util.concurrent.Callable<T> work) {
        return vertx.executeBlocking(work, false);
    }

    /**
     * 5.24: the bank's questions changed: an approved bank goes back to draft (recorded in its audit trail, with what
     * changed), so it needs a new approval and new conclusions before an attestation uses it again.
     */
    <T> Future<T> changed(Caller caller, String bankId, String cause, T result) {
        return life.apply(
                        bankId,
                        h -> h.life()
                                .changed()
                                .map(l -> new LifeSteps.Step(
                                        l,
                                        LifeSteps.entry("returned-to-draft", caller, java.time.Instant.now())
                                                .put("cause", cause))))
                .map(result);
    }

    /** 5.31: fails with {@code bank-locked} while the bank (and the grading of its exams) is locked. */
    public Future<Void> requireUnlocked(String bankId) {
        return store.header(bankId).map(h -> {
            h.ifPresent(b -> b.life().requireOpen());
            return null;
        });
    }

    public BankStore store() {
        return store;
    }

    public BankMediaStore media() {
        return media;
    }

    /**
     * The bank's questions in bank order, parsed on a worker thread: a bank of 5,000 (issue 12, 7) takes tens of
     * milliseconds to parse, which the event loop must not wait for; questions parsed lately are not parsed again.
     */
    public Future<List<Question>> questions(String bankId) {
        return parsedQuestions(bankId)
                .map(all -> all.stream().map(ParsedQuestions.Parsed::question).toList());
    }

    /** The same, each with the text a search looks in (the bank page's list). */
    Future<List<ParsedQuestions.Parsed>> parsedQuestions(String bankId) {
        return store.questionJsons(bankId).compose(jsons -> vertx.executeBlocking(() -> parsed.parse(jsons), false));
    }

    /** The bank rules of the regulation (the scoring rule the bank page explains questions by). */
    public BankRules rules() {
        return rules;
    }

    public Future<String> create(Caller owner, Passport passport) {
        String id = Ids.prefixed("b");
        return store.create(id, passport, owner.id()).map(id);
    }

    /**
     * The bank, if it exists and {@link BankAccess} lets the caller do {@code action} (5.21; issue 10, 3): the one
     * check of every bank operation. 404 for no such bank, 403 for a caller it does not let.
     */
    public Future<BankStore.BankHeader> allowed(Caller caller, String bankId, BankAccess.Action action) {
        return store.header(bankId).map(found -> {
            BankStore.BankHeader h =
                    found.orElseThrow(() -> Refusal.of(CommonRefusal.NOT_FOUND, BankTexts.thing("bank"), bankId));
            // 5.21: its owner, the co-authors and experts the owner names, admins
            if (!h.access().allows(caller.id(), caller.roles(), action)) throw Refusal.of(CommonRefusal.FORBIDDEN);
            // 5.31: a locked bank is read, never changed nor scheduled
            if (action != BankAccess.Action.READ) h.life().requireOpen();
            return h;
        });
    }

    /** All or nothing: any invalid question rejects the whole list with each problem's index. */
    public Future<Integer> add(Caller caller, String bankId, JsonArray items) {
        return allowed(caller, bankId, BankAccess.Action.EDIT)
                .compose(
                        h -> { // who first: a stranger learns nothing of the rules
                            List<Problem> problems = new ArrayList<>();
                            List<QuestionDraft> drafts = new ArrayList<>();
                            if (items.isEmpty())
                                problems.add(Problem.index(0, BankTexts.problem("question.empty-list")));
                            for (int i = 0; i < items.size(); i++) {
                                List<Text> found = new ArrayList<>();
                                QuestionDraft d = QuestionJson.draft(items.getValue(i), found);
                                boolean badIndex =
                                        found.stream().anyMatch(t -> t.key().equals("question.correct-index"));
                                for (Text p : d.problems(true)) // a bad index already says why none is correct
                                if (!(badIndex && p.key().equals("draft.no-correct"))) found.add(p);
                                for (Text p : found) problems.add(Problem.index(i, p));
                                drafts.add(d);
                            }
                            if (!problems.isEmpty()) {
                                return Future.failedFuture(Refusal.of(BankRefusal.INVALID_QUESTIONS, problems.size())
                                        .withProblems(problems));
                            }
                            return media.unknownIn(bankId, drafts) // issue 12 (2): no picture the bank lacks
                                    .compose(unknown -> unknown.isEmpty()
                                            ? store.reserveOrder(bankId, drafts.size())
                                            : Future.failedFuture(
                                                    Refusal.of(BankRefusal.INVALID_QUESTIONS, unknown.size())
                                                            .withProblems(unknown)))
                                    .compose(first -> {
                                        List<Question> questions = new ArrayList<>();
                                        for (int i = 0; i < drafts.size(); i++)
                                            questions.add(QuestionJson.toQuestion(
                                                    QuestionJson.sanitised(drafts.get(i)), first + i));
                                        return store.put(bankId, questions);
                                    })
                                    .compose(v -> changed(caller, bankId, "questions-added", drafts.size()));
                        });
    }

    /**
     * What an import did: how many questions were added, and every note in file order; {@code refused} are the
     * numbers of questions the bank's own checks turned down (a "kept" note on one of them is not shown).
     */
    public record Imported(int imported, int unclassified, List<ImportSkip> notes, java.util.Set<Integer> refused) {}

    /**
     * Imports what can be used; everything else is reported with its position. An unparseable file adds
     * nothing. Parsing runs on a worker thread: a large file must not stall the event loop.
     */
    public Future<Imported> importFile(
            Caller caller, String bankId, String format, byte[] file, Optional<Difficulty> fallback) {
        return allowed(caller, bankId, BankAccess.Action.EDIT)
                .compose(h -> {
                    if (!format.equals("moodle-xml") && !format.equals("gift") && !format.equals("qti")) {
                        return Future.failedFuture(Refusal.of(BankRefusal.BAD_FORMAT));
                    }
                    return vertx.executeBlocking(
                            () -> ImportLanding.parse(format, file, h.passport().language()), false);
                })
                .compose(report ->
                        vertx.executeBlocking(() -> ImportLanding.of(report, fallback, media.limits()), false))
                .compose(landed -> media.put(bankId, landed.files()) // files first: no question shows a missing one
                        .compose(v ->
                                store.reserveOrder(bankId, landed.accepted().size()))
                        .compose(first -> {
                            List<Question> questions = new ArrayList<>();
                            for (int i = 0; i < landed.accepted().size(); i++) // file order is bank order
                            questions.add(QuestionJson.toQuestion(
                                    landed.accepted().get(i), first + i));
                            return store.put(bankId, questions);
                        })
                        .compose(v -> landed.accepted().isEmpty()
                                ? Future.succeededFuture(v)
                                : changed(caller, bankId, "questions-imported", v))
                        .map(v -> new Imported(
                                landed.accepted().size(), landed.unclassified(), landed.notes(), landed.refused())));
    }

    /**
     * The bank as a file for another program ({@link BankExport}): whoever may read the bank may export it, an expert
     * reviewing it too (5.21: reading already shows every question with its key). Built on a worker thread.
     */
    public Future<BankExport.File> export(Caller caller, String bankId, String format) {
        return allowed(caller, bankId, BankAccess.Action.READ).compose(h -> {
            if (!BankExport.FORMATS.contains(format))
                return Future.failedFuture(Refusal.of(BankRefusal.BAD_EXPORT_FORMAT));
            return questions(bankId)
                    .compose(qs -> media.get(bankId, BankExport.hashes(qs))
                            .compose(files -> vertx.executeBlocking(
                                    () -> BankExport.write(
                                            format, bankId, h.passport().discipline(), qs, files),
                                    false)));
        });
    }

    public Future<JsonObject> summary(Caller caller, String bankId) {
        return allowed(caller, bankId, BankAccess.Action.READ).compose(h -> summaryOf(caller, h));
    }

    private Future<JsonObject> summaryOf(Caller caller, BankStore.BankHeader h) {
        return questions(h.id()).map(qs -> {
            JsonObject by = new JsonObject();
            BankValidation.counts(qs).forEach((d, n) -> by.put(d.code(), n));
            return new JsonObject()
                    .put("id", h.id())
                    .put("passport", PassportJson.toJson(h.passport()))
                    .put("status", h.status())
                    .put("owner", h.owner())
                    .put("coAuthors", new JsonArray(h.coAuthors()))
                    .put("experts", new JsonArray(h.experts()))
                    .put("questionCount", qs.size())
                    .put("byDifficulty", by)
                    .put(
                            "yourAccess",
                            new JsonArray(h.access().allowed(caller.id(), caller.roles()).stream()
                                    // 5.31: a locked bank is only read
                                    .filter(a -> a == BankAccess.Action.READ
                                            || !h.life().locked())
                                    .map(BankAccess.Action::code)
                                    .toList()))
                    .put("locked", h.life().locked());
        });
    }

    public Future<List<BankValidation.Problem>> validate(Caller caller, String bankId) {
        return allowed(caller, bankId, BankAccess.Action.READ)
                .compose(h -> questions(bankId).map(qs -> BankValidation.validate(h.passport(), qs, rules)));
    }

    /** With the answer key: for those the bank lets read it, never a student. */
    public Future<JsonArray> questionsForTeacher(Caller caller, String bankId) {
        return allowed(caller, bankId, BankAccess.Action.READ)
                .compose(h -> questions(bankId))
                .map(qs ->
                        new JsonArray(qs.stream().map(QuestionJson::forTeacher).toList()));
    }

    public Future<Void> deleteQuestion(Caller caller, String bankId, String questionId) {
        return allowed(caller, bankId, BankAccess.Action.EDIT)
                .compose(h -> store.delete(bankId, questionId))
                .compose(found -> {
                    if (!found) throw Refusal.of(CommonRefusal.NOT_FOUND, BankTexts.thing("question"), questionId);
                    return changed(caller, bankId, "question-deleted", (Void) null);
                });
    }

    /**
     * Sets the difficulty of the named questions (5.23.3), or makes them unclassified ({@link QuestionClassifier});
     * the caller must be allowed to edit the bank. Unknown ids are a 404 and nothing changes. Returns how many
     * questions changed.
     */
    public Future<Integer> classify(
            Caller caller, String bankId, java.util.Collection<String> questionIds, Optional<Difficulty> difficulty) {
        return allowed(caller, bankId, BankAccess.Action.EDIT)
                .compose(h -> QuestionClassifier.classify(store, bankId, questionIds, difficulty))
                .compose(n -> n == 0 ? Future.succeededFuture(n) : changed(caller, bankId, "questions-classified", n));
    }

    /** The banks the caller may read, by the same rule as one bank. */
    public Future<JsonArray> list(Caller caller) {
        return store.ids()
                .compose(ids -> Future.all(ids.stream().map(store::header).toList()))
                .compose(all -> Future.all(all.<Optional<BankStore.BankHeader>>list().stream()
                        .flatMap(Optional::stream)
                        .filter(h -> h.access().allows(caller.id(), caller.roles(), BankAccess.Action.READ))
                        .map(h -> summaryOf(caller, h))
                        .toList()))
                .map(all -> new JsonArray(all.list()));
    }

    static Passport passport(JsonObject body) {
        return PassportJson.parse(body.getValue("passport"));
    }
}
