package kz.emtihan.bank;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import kz.emtihan.auth.Caller;
import kz.emtihan.bank.model.AuthoredScoring;
import kz.emtihan.bank.model.BankAccess;
import kz.emtihan.bank.model.Difficulty;
import kz.emtihan.bank.model.Question;
import kz.emtihan.refusal.CommonRefusal;
import kz.emtihan.refusal.FieldProblem;
import kz.emtihan.refusal.Refusal;
import kz.emtihan.text.Catalogue;
import kz.emtihan.text.Language;

/**
 * A big bank's questions as the bank page works with them (issue 12, 3 and 7): a filtered window of the list,
 * the topics with their counts, editing one question in place, and classifying many at once (5.23.3). Every
 * operation asks {@link Banks#allowed} first, as every other bank operation does.
 */
public final class BankQuestions {
    /** The most question ids one classify call may name. */
    public static final int MAX_IDS = 10_000;
    /** How often an edit is applied again to a question others keep changing before the engine gives up. */
    private static final int EDIT_TRIES = 8;

    private final Banks banks;

    public BankQuestions(Banks banks) {
        this.banks = banks;
    }

    /** The bank's questions in bank order, parsed off the event loop (and only those not parsed lately). */
    private Future<List<ParsedQuestions.Parsed>> questions(String bankId) {
        return banks.parsedQuestions(bankId);
    }

    /** The matching questions in bank order and the window of them the query asks for. */
    public Future<QuestionQuery.Page> list(
            Caller caller, String bankId, java.util.function.Supplier<QuestionQuery> query) {
        return banks.allowed(caller, bankId, BankAccess.Action.READ)
                .map(h -> query.get()) // who first: a stranger learns nothing of the parameters
                .compose(q -> questions(bankId).map(all -> {
                    java.util.Map<Question, String> haystacks = new java.util.IdentityHashMap<>();
                    for (ParsedQuestions.Parsed p : all) haystacks.put(p.question(), p.haystack());
                    return q.apply(
                            all.stream().map(ParsedQuestions.Parsed::question).toList(), haystacks::get);
                }));
    }

    /**
     * One question as the teacher reads it (everything its author wrote), with its number in the bank and, when the
     * configured scoring rule reads it otherwise than written (7.6), {@code scoringNote} saying why in the caller's
     * language.
     */
    public JsonObject item(QuestionQuery.Numbered n, Language language) {
        JsonObject out = QuestionJson.forTeacher(n.question()).put("number", n.number());
        AuthoredScoring.difference(n.question(), banks.rules().scoring())
                .ifPresent(why -> out.put("scoringNote", Catalogue.render(why, language)));
        return out;
    }

    public JsonArray items(QuestionQuery.Page page, Language language) {
        return new JsonArray(page.items().stream().map(n -> item(n, language)).toList());
    }

    /** Every topic of the bank ("" for none), by name, with its questions counted per difficulty (5.23.3). */
    public Future<JsonArray> topics(Caller caller, String bankId) {
        return banks.allowed(caller, bankId, BankAccess.Action.READ)
                .compose(h -> questions(bankId))
                .map(all -> {
                    List<Question> qs =
                            all.stream().map(ParsedQuestions.Parsed::question).toList();
                    Map<String, int[]> by = new TreeMap<>(String.CASE_INSENSITIVE_ORDER.thenComparing(s -> s));
                    for (Question q : qs) {
                        int[] c = by.computeIfAbsent(q.topic(), t -> new int[4]);
                        c[q.difficulty().map(Difficulty::ordinal).orElse(3)]++;
                    }
                    JsonArray out = new JsonArray();
                    by.forEach((topic, c) -> out.add(new JsonObject()
                            .put("topic", topic)
                            .put("total", c[0] + c[1] + c[2] + c[3])
                            .put("easy", c[0])
                            .put("medium", c[1])
                            .put("hard", c[2])
                            .put("unclassified", c[3])));
                    return out;
                });
    }

    /**
     * Edits one question in place ({@link QuestionPatch}); the answer is the question as stored now. The patch is
     * applied to the question as read and written only if nobody changed it meanwhile (else read again and applied
     * again: the fields sent win, the others are the latest); a question deleted meanwhile stays deleted (404).
     */
    public Future<JsonObject> edit(
            Caller caller, String bankId, String questionId, JsonObject patch, Language language) {
        return banks.allowed(caller, bankId, BankAccess.Action.EDIT)
                .compose(h -> editOnce(bankId, questionId, patch, language, 1))
                .compose(json -> banks.changed(caller, bankId, "question-edited", json));
    }

    private Future<JsonObject> editOnce(
            String bankId, String questionId, JsonObject patch, Language language, int tries) {
        return banks.store().questionJson(bankId, questionId).compose(read -> {
            if (read.isEmpty()) throw Refusal.of(CommonRefusal.NOT_FOUND, BankTexts.thing("question"), questionId);
            Question current = QuestionJson.fromStored(read.get());
            QuestionPatch.Result r = QuestionPatch.apply(current, patch);
            if (!r.problems().isEmpty())
                throw Refusal.of(BankRefusal.INVALID_EDIT, r.problems().size()).withProblems(r.problems());
            Question edited = QuestionPatch.question(current, QuestionJson.sanitised(r.draft()));
            // issue 12 (2): an edit shows no picture or sound the bank lacks
            return banks.media()
                    .unknownIn(bankId, List.of(r.draft()))
                    .compose(unknown -> {
                        if (!unknown.isEmpty())
                            throw Refusal.of(BankRefusal.INVALID_EDIT, unknown.size())
                                    .withProblems(unknown);
                        return banks.store().replaceQuestion(bankId, read.get(), edited);
                    })
                    .compose(done -> {
                        if (!done) {
                            if (tries >= EDIT_TRIES) throw Refusal.of(CommonRefusal.STORE_UNAVAILABLE);
                            return editOnce(bankId, questionId, patch, language, tries + 1);
                        }
                        return questions(bankId).map(all -> {
                            int number = 0;
                            for (int i = 0; i < all.size() && number == 0; i++)
                                if (all.get(i).question().id().equals(questionId)) number = i + 1;
                            return item(new QuestionQuery.Numbered(number, edited), language);
                        });
                    });
        });
    }

    /**
     * Sets the difficulty of many questions at once, or makes them unclassified (5.23.3). The body names them by
     * {@code ids}, by {@code topic}, or by {@code match} (the list's filter: {@code topic}, {@code difficulty},
     * {@code q}); exactly one of the three. {@code difficulty} must be present: a difficulty or null.
     */
    public Future<Integer> classify(Caller caller, String bankId, JsonObject body) {
        return banks.allowed(caller, bankId, BankAccess.Action.EDIT).compose(h -> {
            Optional<Difficulty> difficulty = target(body);
            List<String> given = new ArrayList<>();
            for (String k : List.of("ids", "topic", "match")) if (body.containsKey(k)) given.add(k);
            if (given.size() != 1)
                throw Refusal.of(CommonRefusal.BAD_FIELD, "ids", FieldProblem.oneOf("ids, topic, match"));
            if (body.containsKey("ids")) return banks.classify(caller, bankId, ids(body), difficulty);
            QuestionQuery query = body.containsKey("topic")
                    ? new QuestionQuery(
                            Optional.of(string(body, "topic")), Optional.empty(), List.of(), 0, Integer.MAX_VALUE)
                    : match(body);
            return banks.questions(bankId).compose(qs -> {
                List<String> ids = query.unwindowed().apply(qs).items().stream()
                        .map(n -> n.question().id())
                        .toList();
                return ids.isEmpty() ? Future.succeededFuture(0) : banks.classify(caller, bankId, ids, difficulty);
            });
        });
    }

    private static Optional<Difficulty> target(JsonObject body) {
        if (!body.containsKey("difficulty"))
            throw Refusal.of(CommonRefusal.BAD_FIELD, "difficulty", FieldProblem.required());
        Object d = body.getValue("difficulty");
        if (d == null) return Optional.empty(); // 5.23.3: unclassified, never drawn
        if (d instanceof String s && Difficulty.fromCode(s).isPresent()) return Difficulty.fromCode(s);
        throw Refusal.of(BankRefusal.BAD_DIFFICULTY);
    }

    private static List<String> ids(JsonObject body) {
        if (!(body.getValue("ids") instanceof JsonArray arr) || arr.isEmpty() || arr.size() > MAX_IDS)
            throw Refusal.of(CommonRefusal.BAD_FIELD, "ids", FieldProblem.between(1, MAX_IDS));
        List<String> out = new ArrayList<>();
        for (Object v : arr) {
            if (!(v instanceof String s) || s.isEmpty())
                throw Refusal.of(CommonRefusal.BAD_FIELD, "ids", BankTexts.problem("question.id-type"));
            out.add(s);
        }
        return out.stream().distinct().toList();
    }

    private static String string(JsonObject body, String field) {
        if (body.getValue(field) instanceof String s) return s;
        throw Refusal.of(CommonRefusal.BAD_FIELD, field, FieldProblem.required());
    }

    private static QuestionQuery match(JsonObject body) {
        if (!(body.getValue("match") instanceof JsonObject m))
            throw Refusal.of(CommonRefusal.BAD_FIELD, "match", FieldProblem.required());
        for (String k : m.fieldNames())
            if (!List.of("topic", "difficulty", "q").contains(k) || !(m.getValue(k) instanceof String))
                throw Refusal.of(CommonRefusal.BAD_FIELD, "match", FieldProblem.oneOf("topic, difficulty, q"));
        return QuestionQuery.parse(m::getString, Integer.MAX_VALUE);
    }
}
