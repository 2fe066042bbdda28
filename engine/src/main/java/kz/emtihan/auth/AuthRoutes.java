package kz.emtihan.auth;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import kz.emtihan.http.Bodies;
import kz.emtihan.http.CsvRecords;
import kz.emtihan.http.Rejection;

/** HTTP for login, the token check, and user upload. Translation only. */
public final class AuthRoutes {
    private AuthRoutes() {}

    public static void mountPublic(Router api, Users users, Sessions sessions, LoginThrottle throttle) {
        api.post("/auth/login").respond(ctx -> {
            JsonObject body = Bodies.object(ctx);
            String username = body.getValue("username") instanceof String s ? s : "";
            String password = body.getValue("password") instanceof String s ? s : "";
            if (username.isEmpty() || password.isEmpty()) {
                throw Rejection.badRequest("bad-field", "'username' and 'password' are required");
            }
            String address = throttle.address(ctx);
            // refused while throttled before any bcrypt work; every wrong password counts, a right one clears its own
            // counter
            return throttle.check(username, address)
                    .compose(check -> users.login(username, password, check.suspect())
                            .transform(done -> {
                                if (done.succeeded())
                                    return throttle.succeeded(username, address).map(done.result());
                                if (done.cause() instanceof Rejection r && r.status() == 401) {
                                    return throttle.failed(username, address)
                                            .transform(x -> Future.<Users.SignedIn>failedFuture(r));
                                }
                                return Future.<Users.SignedIn>failedFuture(done.cause());
                            })
                            .eventually(() -> throttle.done(username, address)))
                    .map(in -> new JsonObject()
                            .put("token", sessions.tokens().issue(in.caller(), in.version()))
                            .put("user", callerJson(in.caller())))
                    .onFailure(err -> {
                        if (err instanceof Rejection r && r.status() == 429) {
                            ctx.response()
                                    .putHeader(
                                            "Retry-After",
                                            String.valueOf(r.details().getLong("retryAfter", 1L)));
                        }
                    });
        });
    }

    /** Every route mounted after this one needs a valid bearer token that has not been ended. */
    public static void mountTokenCheck(Router api, Sessions sessions) {
        api.route().handler(ctx -> authenticate(ctx, sessions));
    }

    /** Logout ends this token; logout-all every token of the caller; both on every node at once (issue 10, 1). */
    private static void logout(Router api, Sessions sessions) {
        api.post("/auth/logout").respond(ctx -> sessions.end(Session.of(ctx)).<Void>mapEmpty());
        api.post("/auth/logout-all")
                .respond(ctx -> sessions.endAll(Session.of(ctx).userId()).<Void>mapEmpty());
    }

    /** An admin disables or enables an account; disabling ends its tokens and refuses its sign-ins. */
    private static void disabling(Router api, Users users) {
        for (boolean disable : new boolean[] {true, false}) {
            api.post("/users/:userId/" + (disable ? "disable" : "enable")).respond(ctx -> {
                Caller admin = Caller.require(ctx, Role.ADMIN);
                String id = ctx.pathParam("userId");
                if (disable && admin.id().equals(id))
                    throw Rejection.conflict(
                            "cannot-disable-self", "an administrator cannot disable their own account");
                return users.setDisabled(id, disable)
                        .map(v -> new JsonObject().put("id", id).put("disabled", disable));
            });
        }
    }

    public static void mountProtected(Router api, Users users, Sessions sessions) {
        logout(api, sessions);
        disabling(api, users);
        api.get("/me").respond(ctx -> Future.succeededFuture(callerJson(Caller.of(ctx))));
        api.get("/users").respond(ctx -> {
            Caller.require(ctx, Role.ADMIN);
            return users.list().compose(users.photos()::flagged);
        });
        photo(api, users.photos());
        api.post("/users").respond(ctx -> {
            Caller.require(ctx, Role.ADMIN);
            return users.upsert(Bodies.array(ctx)).map(n -> new JsonObject().put("created", n));
        });
        api.post("/users/import").respond(ctx -> {
            Caller.require(ctx, Role.ADMIN);
            List<CsvRecords.Row> rows = CsvRecords.parse(Bodies.text(ctx), List.of("id", "name", "roles"));
            JsonArray list = new JsonArray();
            for (CsvRecords.Row r : rows) {
                JsonObject u = new JsonObject()
                        .put("id", r.get("id"))
                        .put("name", r.get("name"))
                        .put("roles", new JsonArray(List.of((Object[])
                                r.get("roles").split("[\\s|]+"))));
                if (!r.get("password").isEmpty()) u.put("password", r.get("password"));
                if (!r.get("email").isEmpty())
                    u.put("email", r.get("email")); // optional column; an empty cell keeps the stored address
                list.add(u);
            }
            return users.upsert(list)
                    .<JsonObject>map(n -> new JsonObject().put("created", n))
                    .recover(err ->
                            Future.failedFuture(err instanceof Rejection rej ? CsvRecords.byLine(rej, rows) : err));
        });
    }

    /** The enrolment photo: the body is the JPEG or PNG itself (the media body handler, ApiRouter). */
    private static void photo(Router api, UserPhotos photos) {
        String path = "/users/:userId/photo";
        api.put(path)
                .respond(ctx -> photos.put(
                        Caller.of(ctx),
                        ctx.pathParam("userId"),
                        ctx.request().getHeader("Content-Type"),
                        ctx.body().buffer() == null
                                ? Buffer.buffer()
                                : ctx.body().buffer()));
        api.get(path)
                .handler(ctx -> photos.get(Caller.of(ctx), ctx.pathParam("userId"))
                        .onSuccess(p -> ctx.response()
                                .putHeader("Content-Type", p.contentType())
                                .putHeader("Cache-Control", "no-store")
                                .end(p.bytes()))
                        .onFailure(ctx::fail));
        api.delete(path)
                .handler(ctx -> photos.delete(Caller.of(ctx), ctx.pathParam("userId"))
                        .onSuccess(v -> ctx.response().setStatusCode(204).end())
                        .onFailure(ctx::fail));
    }

    private static void authenticate(RoutingContext ctx, Sessions sessions) {
        String header = ctx.request().getHeader("Authorization");
        String token = header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)
                ? header.substring(7).trim()
                : null;
        if (token == null) {
            ctx.fail(new Rejection(401, "unauthorized", "a bearer token is required"));
            return;
        }
        sessions.authenticate(token).onComplete(checked -> {
            if (checked.failed()) {
                ctx.fail(new Rejection(503, "store-unavailable", "the token cannot be checked now; try again"));
            } else if (checked.result().isEmpty()) {
                ctx.fail(new Rejection(401, "unauthorized", "the token is invalid, expired or ended"));
            } else {
                checked.result().get().attach(ctx);
                ctx.next();
            }
        });
    }

    static JsonObject callerJson(Caller c) {
        return new JsonObject()
                .put("id", c.id())
                .put("name", c.name())
                .put(
                        "roles",
                        new JsonArray(
                                c.roles().stream().map(Role::code).sorted().toList()));
    }
}
