package kz.emtihan.sitting;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import kz.emtihan.auth.Users;

/**
 * People by name in a sitting's view: {@code people} maps every user id the view may name to the account's display
 * name (an id with no account maps to itself). A student's view names only the commission and the student; the
 * commission, the appeal commission and an administrator see everyone the sitting mentions. The names are read in one
 * round trip to the store per view.
 */
final class SittingPeople {
    private final Users users;

    SittingPeople(Users users) {
        this.users = users;
    }

    /** The view with its {@code people}. */
    Future<JsonObject> addTo(JsonObject view) {
        return names(mentioned(view))
                .map(names -> view.put("people", new JsonObject(new java.util.LinkedHashMap<String, Object>(names))));
    }

    /** Each id's display name (an id with no account: itself). */
    Future<Map<String, String>> names(Set<String> ids) {
        return users.profiles(ids).map(found -> {
            Map<String, String> names = new java.util.LinkedHashMap<>();
            for (String id : ids)
                names.put(id, found.containsKey(id) ? found.get(id).name() : id);
            return names;
        });
    }

    /** Each existing account's role codes (an id with no account is absent): the set-up's check (6.15.6). */
    Future<Map<String, Set<String>>> roles(Set<String> ids) {
        return users.profiles(ids).map(found -> {
            Map<String, Set<String>> out = new java.util.HashMap<>();
            found.forEach((id, p) -> out.put(
                    id,
                    p.roles().stream()
                            .map(kz.emtihan.auth.model.Role::code)
                            .collect(java.util.stream.Collectors.toSet())));
            return out;
        });
    }

    /**
     * How the papers print each person of the sitting: the name, or "name (id)" where two people share a name, so that
     * every score column and signature line stays one person's.
     */
    Future<Map<String, String>> printed(JsonObject doc) {
        return names(mentioned(doc)).map(names -> {
            Map<String, Long> uses = new java.util.HashMap<>();
            names.values().forEach(n -> uses.merge(n, 1L, Long::sum));
            Map<String, String> printed = new java.util.HashMap<>();
            names.forEach((id, name) ->
                    printed.put(id, uses.get(name) > 1 && !name.equals(id) ? name + " (" + id + ")" : name));
            return printed;
        });
    }

    /** Whose names the view may show, from what the view (SittingView) already lets its reader see. */
    static Set<String> mentioned(JsonObject view) {
        Set<String> ids = new LinkedHashSet<>();
        JsonObject c = view.getJsonObject("commission");
        ids.add(c.getString("chair"));
        ids.addAll(SittingJson.strings(c.getJsonArray("members")));
        ids.add(c.getString("secretary"));
        ids.addAll(SittingJson.strings(view.getJsonArray("students"))); // a student's view lists only the student
        if ("student".equals(view.getString("role"))) return ids;
        JsonObject a = view.getJsonObject("appealCommission");
        ids.add(a.getString("chair"));
        ids.add(a.getString("deputy"));
        ids.addAll(SittingJson.strings(a.getJsonArray("members")));
        if (view.getString("createdBy") != null) ids.add(view.getString("createdBy"));
        ids.remove(null);
        return ids;
    }
}
