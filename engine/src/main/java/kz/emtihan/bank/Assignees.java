package kz.emtihan.bank;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import kz.emtihan.auth.Users;
import kz.emtihan.auth.model.Role;
import kz.emtihan.refusal.Problem;
import kz.emtihan.refusal.Refusal;
import kz.emtihan.text.Text;

/**
 * People named on a resource (a bank's co-authors and experts, an exam's proctors): read from a request body, then
 * checked against the accounts: each must exist and hold the role the naming needs (issue 10, 3).
 */
public final class Assignees {
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._@-]{1,64}");
    static final int MAX = 200;
    private final Users users;

    public Assignees(Users users) {
        this.users = users;
    }

    /** The ids of {@code field} (a list of user ids), without repeats; what is wrong goes to {@code problems}. */
    public static List<String> read(JsonObject body, String field, List<Problem> problems) {
        if (!(body.getValue(field) instanceof JsonArray arr)) {
            problems.add(problem(field, -1, BankTexts.problem("people.list", "field", field)));
            return List.of();
        }
        if (arr.size() > MAX) problems.add(problem(field, -1, BankTexts.problem("people.too-many", "max", MAX)));
        LinkedHashSet<String> out = new LinkedHashSet<>();
        for (int i = 0; i < arr.size(); i++) {
            if (!(arr.getValue(i) instanceof String s) || !ID.matcher(s).matches()) {
                problems.add(problem(field, i, BankTexts.problem("people.id")));
            } else if (!out.add(s)) {
                problems.add(problem(field, i, BankTexts.problem("people.twice", "id", s)));
            }
        }
        return new ArrayList<>(out);
    }

    /** Each id an account holding {@code role}; otherwise a problem naming it. */
    public Future<List<Problem>> verify(String field, List<String> ids, Role role) {
        return users.profiles(ids).map(found -> {
            List<Problem> problems = new ArrayList<>();
            for (int i = 0; i < ids.size(); i++) {
                Users.Profile p = found.get(ids.get(i));
                if (p == null) problems.add(problem(field, i, BankTexts.problem("people.no-user", "id", ids.get(i))));
                else if (!p.roles().contains(role))
                    problems.add(problem(
                            field, i, BankTexts.problem("people.wrong-role", "id", ids.get(i), "role", role.code())));
            }
            return problems;
        });
    }

    /** {@code [{id, name}]} of the named ids, in their order (a removed account keeps its id as the name). */
    public Future<JsonArray> named(List<String> ids) {
        return users.profiles(ids).map(found -> {
            JsonArray out = new JsonArray();
            for (String id : ids)
                out.add(new JsonObject()
                        .put("id", id)
                        .put("name", found.containsKey(id) ? found.get(id).name() : id));
            return out;
        });
    }

    /** {@code [{id, name}]} of every account holding {@code role}: whom one may name. */
    public Future<JsonArray> candidates(Role role) {
        return users.list().map(all -> {
            JsonArray out = new JsonArray();
            for (Object o : all) {
                JsonObject u = (JsonObject) o;
                if (u.getJsonArray("roles", new JsonArray()).contains(role.code())) {
                    out.add(new JsonObject().put("id", u.getString("id")).put("name", u.getString("name")));
                }
            }
            return out;
        });
    }

    static Problem problem(String field, int index, Text text) {
        Map<String, Object> at = new LinkedHashMap<>();
        at.put("field", field);
        if (index >= 0) at.put("index", index);
        return new Problem(at, text);
    }

    /** Fails with 400 {@code invalid-people} when anything is wrong. */
    public static <T> Future<T> refuse(List<Problem> problems) {
        return problems.isEmpty()
                ? Future.succeededFuture()
                : Future.failedFuture(
                        Refusal.of(BankRefusal.INVALID_PEOPLE, problems.size()).withProblems(problems));
    }
}
