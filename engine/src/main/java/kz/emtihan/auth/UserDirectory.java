package kz.emtihan.auth;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kz.emtihan.auth.model.Role;
import kz.emtihan.store.RedisStore;

/**
 * Reads accounts by id for display and for mail: name, roles and e-mail address (never the password hash). Many ids
 * are read in one pipelined batch of HMGETs: one round trip to Redis, however many people a page names (on a Cluster,
 * one batch per slot, all sent at once: {@link RedisStore#pipeline}).
 */
final class UserDirectory {
    private final Redis redis;
    private final RedisStore store;

    UserDirectory(RedisStore store) {
        this.store = store;
        this.redis = store.redis();
    }

    /** The stored accounts among {@code ids}, by id; ids with no account are absent from the map. */
    Future<Map<String, Users.Profile>> profiles(Collection<String> ids) {
        List<String> wanted = ids.stream().distinct().toList();
        if (wanted.isEmpty()) return Future.succeededFuture(Map.of());
        List<Request> batch = wanted.stream()
                .map(id -> Request.cmd(Command.HMGET)
                        .arg(AuthKeys.user(id))
                        .arg("name")
                        .arg("roles")
                        .arg("email")
                        .arg("group"))
                .toList();
        return store.pipeline(batch).map(replies -> {
            Map<String, Users.Profile> out = new LinkedHashMap<>();
            for (int i = 0; i < wanted.size(); i++) {
                Response r = replies.get(i);
                String name = text(r, 0);
                if (name != null) {
                    out.put(
                            wanted.get(i),
                            new Users.Profile(
                                    wanted.get(i),
                                    name,
                                    Users.roles(text(r, 1)),
                                    Optional.ofNullable(text(r, 2)),
                                    Optional.ofNullable(text(r, 3))));
                }
            }
            return out;
        });
    }

    /** id → name of the accounts among {@code ids}, one HGET each in one pipelined batch (issue 15, 2). */
    Future<Map<String, String>> names(Collection<String> ids) {
        List<String> wanted = ids.stream().distinct().toList();
        if (wanted.isEmpty()) return Future.succeededFuture(Map.of());
        List<Request> batch = wanted.stream()
                .map(id -> Request.cmd(Command.HGET).arg(AuthKeys.user(id)).arg("name"))
                .toList();
        return store.pipeline(batch).map(replies -> {
            Map<String, String> out = new LinkedHashMap<>();
            for (int i = 0; i < wanted.size(); i++)
                if (replies.get(i) != null)
                    out.put(wanted.get(i), replies.get(i).toString());
            return out;
        });
    }

    /** Every account by id: {@code {"id","name","roles":[...],"email"?,"group"?,"disabled"?}}. */
    Future<JsonArray> list() {
        return redis.send(Request.cmd(Command.SMEMBERS).arg(AuthKeys.users())).compose(ids -> {
            List<String> sorted = new ArrayList<>();
            for (Response id : ids) sorted.add(id.toString());
            sorted.sort(null);
            if (sorted.isEmpty()) return Future.succeededFuture(new JsonArray());
            List<Request> disabled = sorted.stream()
                    .map(id -> Request.cmd(Command.HGET).arg(AuthKeys.user(id)).arg("disabled"))
                    .toList();
            return profiles(sorted)
                    .compose(all -> store.pipeline(disabled).map(flags -> {
                        JsonArray out = new JsonArray();
                        for (int i = 0; i < sorted.size(); i++) {
                            Users.Profile p = all.get(sorted.get(i));
                            if (p == null) continue;
                            JsonObject u = new JsonObject()
                                    .put("id", p.id())
                                    .put("name", p.name())
                                    .put(
                                            "roles",
                                            new JsonArray(p.roles().stream()
                                                    .map(Role::code)
                                                    .sorted()
                                                    .toList()));
                            p.email().ifPresent(e -> u.put("email", e));
                            p.group().ifPresent(g -> u.put("group", g));
                            if (flags.get(i) != null && "1".equals(flags.get(i).toString())) u.put("disabled", true);
                            out.add(u);
                        }
                        return out;
                    }));
        });
    }

    private static String text(Response hmget, int index) {
        if (hmget == null || hmget.size() <= index) return null;
        Response v = hmget.get(index);
        return v == null ? null : v.toString();
    }
}
