package kz.emtihan.bank;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import kz.emtihan.bank.model.BankAccess;
import kz.emtihan.bank.model.Passport;
import kz.emtihan.bank.model.Question;

/** Banks in Redis: {@code bank:<id>} (passport JSON, status, owner, coAuthors and experts as JSON lists) and {@code bank:<id>:questions} (id → question JSON). */
public final class BankStore {
    private static final kz.emtihan.store.LuaScript REPLACE_QUESTION =
            kz.emtihan.store.LuaScript.load("/kz/emtihan/bank/replace-question.lua");
    private final Redis redis;

    public BankStore(Redis redis) {
        this.redis = redis;
    }

    /** A stored bank's header, with who may see it (co-authors and experts as the owner named them). */
    public record BankHeader(
            String id, Passport passport, String status, String owner, List<String> coAuthors, List<String> experts) {
        public BankAccess access() {
            return new BankAccess(owner, new java.util.HashSet<>(coAuthors), new java.util.HashSet<>(experts));
        }
    }

    Future<Void> create(String id, Passport passport, String owner) {
        return redis.send(Request.cmd(Command.HSET)
                        .arg(BankKeys.bank(id))
                        .arg("passport")
                        .arg(PassportJson.toJson(passport).encode())
                        .arg("status")
                        .arg("draft")
                        .arg("owner")
                        .arg(owner))
                .compose(r -> redis.send(
                        Request.cmd(Command.SADD).arg(BankKeys.banks()).arg(id)))
                .mapEmpty();
    }

    public Future<Optional<BankHeader>> header(String id) {
        return redis.send(Request.cmd(Command.HGETALL).arg(BankKeys.bank(id))).map(r -> {
            if (r == null || r.get("passport") == null) return Optional.<BankHeader>empty();
            return Optional.of(new BankHeader(
                    id,
                    PassportJson.fromJson(new JsonObject(r.get("passport").toString())),
                    r.get("status").toString(),
                    r.get("owner").toString(),
                    ids(r.get("coAuthors")),
                    ids(r.get("experts"))));
        });
    }

    private static List<String> ids(Response json) {
        if (json == null) return List.of();
        List<String> out = new ArrayList<>();
        for (Object o : new io.vertx.core.json.JsonArray(json.toString())) out.add(String.valueOf(o));
        return out;
    }

    /** Replaces who the owner named (one HSET: both lists change together). */
    Future<Void> setAccess(String id, List<String> coAuthors, List<String> experts) {
        return redis.send(Request.cmd(Command.HSET)
                        .arg(BankKeys.bank(id))
                        .arg("coAuthors")
                        .arg(new io.vertx.core.json.JsonArray(coAuthors).encode())
                        .arg("experts")
                        .arg(new io.vertx.core.json.JsonArray(experts).encode()))
                .mapEmpty();
    }

    /** Reserves {@code count} places at the end of the bank's order and returns the first one. */
    Future<Long> reserveOrder(String bankId, int count) {
        return redis.send(Request.cmd(Command.HINCRBY)
                        .arg(BankKeys.bank(bankId))
                        .arg("order")
                        .arg(count))
                .map(r -> r.toLong() - count + 1);
    }

    /** The stored JSON of every question of the bank, unparsed, in no order (for a caller that parses off the event loop). */
    Future<List<String>> questionJsons(String bankId) {
        return redis.send(Request.cmd(Command.HVALS).arg(BankKeys.bankQuestions(bankId)))
                .map(values -> {
                    List<String> out = new ArrayList<>();
                    if (values != null) for (Response v : values) out.add(v.toString());
                    return out;
                });
    }

    /** One question's stored JSON as it is now, or empty when there is none. */
    Future<Optional<String>> questionJson(String bankId, String questionId) {
        return redis.send(Request.cmd(Command.HGET)
                        .arg(BankKeys.bankQuestions(bankId))
                        .arg(questionId))
                .map(r -> Optional.ofNullable(r).map(Response::toString));
    }

    /** Stores {@code edited} only if its stored JSON is still {@code read}; false when someone changed or deleted it. */
    Future<Boolean> replaceQuestion(String bankId, String read, Question edited) {
        return REPLACE_QUESTION
                .run(
                        redis,
                        List.of(BankKeys.bankQuestions(bankId)),
                        List.of(edited.id(), read, QuestionJson.stored(edited).encode()))
                .map(r -> r.toInteger() == 1);
    }

    /** The stored JSON of the named questions that exist, by id. */
    Future<java.util.Map<String, String>> questionJsons(String bankId, List<String> ids) {
        if (ids.isEmpty()) return Future.succeededFuture(java.util.Map.of());
        Request r = Request.cmd(Command.HMGET).arg(BankKeys.bankQuestions(bankId));
        ids.forEach(r::arg);
        return redis.send(r).map(values -> {
            java.util.Map<String, String> out = new java.util.LinkedHashMap<>();
            for (int i = 0; i < ids.size(); i++)
                if (values.get(i) != null) out.put(ids.get(i), values.get(i).toString());
            return out;
        });
    }

    /** The named questions that exist, by id. */
    public Future<java.util.Map<String, Question>> questions(String bankId, java.util.Collection<String> ids) {
        if (ids.isEmpty()) return Future.succeededFuture(java.util.Map.of());
        Request r = Request.cmd(Command.HMGET).arg(BankKeys.bankQuestions(bankId));
        ids.forEach(r::arg);
        return redis.send(r).map(values -> {
            java.util.Map<String, Question> out = new java.util.LinkedHashMap<>();
            for (Response v : values) {
                if (v == null) continue;
                Question q = QuestionJson.fromStored(v.toString());
                out.put(q.id(), q);
            }
            return out;
        });
    }

    /** Stores all questions in one HSET: either all land or none. Same id replaces (edit). */
    Future<Void> put(String bankId, List<Question> questions) {
        if (questions.isEmpty()) return Future.succeededFuture();
        Request r = Request.cmd(Command.HSET).arg(BankKeys.bankQuestions(bankId));
        for (Question q : questions) r.arg(q.id()).arg(QuestionJson.stored(q).encode());
        return redis.send(r).mapEmpty();
    }

    Future<Boolean> delete(String bankId, String questionId) {
        return redis.send(Request.cmd(Command.HDEL)
                        .arg(BankKeys.bankQuestions(bankId))
                        .arg(questionId))
                .map(r -> r.toInteger() == 1);
    }

    Future<List<String>> ids() {
        return redis.send(Request.cmd(Command.SMEMBERS).arg(BankKeys.banks())).map(r -> {
            List<String> out = new ArrayList<>();
            for (Response v : r) out.add(v.toString());
            out.sort(null);
            return out;
        });
    }
}
