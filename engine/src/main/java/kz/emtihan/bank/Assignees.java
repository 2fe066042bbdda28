package kz.emtihan.bank;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.regex.Pattern;
import kz.emtihan.auth.Role;
import kz.emtihan.auth.Users;

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
    public static List<String> ids(JsonObject body, String field, List<JsonObject> problems) {
        if (!(body.getValue(field) instanceof JsonArray arr)) {
            problems.add(problem(field, -1, "'" + field + "' must be a list of user ids"));
            return List.of();
        }
        if (arr.size() > MAX) problems.add(problem(field, -1, "at most " + MAX + " people"));
        LinkedHashSet<String> out = new LinkedHashSet<>();
        for (int i = 0; i < arr.size(); i++) {
            if (!(arr.getValue(i) instanceof String s) || !ID.matcher(s).matches()) {
                problems.add(problem(field, i, "a user id is 1-64 letters, digits or . _ @ -"));
            } else if (!out.add(s)) {
                problems.add(problem(field, i, "user " + s + " is listed twice"));
            }
        }
        return new ArrayList<>(out);
    }

    /** Each id an account holding {@code role}; otherwise a problem naming it. */
    public Future<List<JsonObject>> check(String field, List<String> ids, Role role) {
        return users.profiles(ids).map(found -> {
            List<JsonObject> problems = new ArrayList<>();
            for (int i = 0; i < ids.size(); i++) {
                Users.Profile p = found.get(ids.get(i));
                if (p == null) problems.add(problem(field, i, "there is no user " + ids.get(i)));
                else if (!p.roles().contains(role))
                    problems.add(problem(field, i, "user " + ids.get(i) + " is not a " + role.code()));
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

    static JsonObject problem(String field, int index, String message) {
        JsonObject p = new JsonObject().put("field", field).put("message", message);
        return index < 0 ? p : p.put("index", index);
    }

    /** Fails with 400 {@code invalid-people} when anything is wrong. */
    public static <T> Future<T> refuseIf(List<JsonObject> problems) {
        return problems.isEmpty()
                ? Future.succeededFuture()
                : Future.failedFuture(new kz.emtihan.http.Rejection(
                        400, "invalid-people", problems.size() + " problem(s); nothing was changed", problems));
    }
}
