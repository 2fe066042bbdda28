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

    public BankStore(kz.emtihan.store.RedisStore store) {
        this.redis = store.redis();
    }

    /** A stored bank's header, with who may see it (co-authors and experts as the owner named them). */
    public record BankHeader(
            String id,
            Passport passport,
            String status,
            String owner,
            List<String> coAuthors,
            List<String> experts,
            kz.emtihan.bank.model.BankLife life,
            String lifeJson) {
        /** Who may see it: the experts the owner named and, 5.24, those on the bank's panel for any year. */
        public BankAccess access() {
            java.util.Set<String> reviewers = new java.util.HashSet<>(experts);
            life.panel().values().forEach(reviewers::addAll);
            return new BankAccess(owner, new java.util.HashSet<>(coAuthors), reviewers);
        }
    }

    private static final kz.emtihan.store.LuaScript UPDATE_LIFE =
            kz.emtihan.store.LuaScript.load("/kz/emtihan/bank/update-life.lua");

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
                    ids(r.get("experts")),
                    BankLifeJson.parse(
                            r.get("life") == null ? "" : r.get("life").toString()),
                    r.get("life") == null ? "" : r.get("life").toString()));
        });
    }

    private static List<String> ids(Response json) {
        if (json == null) return List.of();
        List<String> out = new ArrayList<>();
        for (Object o : new io.vertx.core.json.JsonArray(json.toString())) out.add(String.valueOf(o));
        return out;
    }

    /**
     * 5.19, 5.24-5.26, 5.31: stores {@code life} only if the stored life is still {@code read}, and appends {@code
     * entry} to the bank's audit trail in the same step. 1 done, 0 changed meanwhile, -1 no such bank.
     */
    Future<Integer> updateLife(String id, String read, kz.emtihan.bank.model.BankLife life, JsonObject entry) {
        return UPDATE_LIFE
                .run(
                        redis,
                        List.of(BankKeys.bank(id), BankKeys.bankTrail(id)),
                        List.of(read, BankLifeJson.stored(life).encode(), life.status(), entry.encode()))
                .map(Response::toInteger);
    }

    /** The bank's audit trail, oldest first (approvals, panels, conclusions, locks, returns to draft). */
    Future<List<JsonObject>> trail(String id) {
        return redis.send(Request.cmd(Command.LRANGE)
                        .arg(BankKeys.bankTrail(id))
                        .arg(0)
                        .arg(-1))
                .map(r -> {
                    List<JsonObject> out = new ArrayList<>();
                    if (r != null) for (Response v : r) out.add(new JsonObject(v.toString()));
                    return out;
                });
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
