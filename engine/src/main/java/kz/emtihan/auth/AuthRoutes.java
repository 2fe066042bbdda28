package kz.emtihan.auth;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Optional;
import kz.emtihan.auth.model.Role;
import kz.emtihan.http.Bodies;
import kz.emtihan.http.Languages;
import kz.emtihan.refusal.CommonRefusal;
import kz.emtihan.refusal.FieldProblem;
import kz.emtihan.refusal.Refusal;
import kz.emtihan.text.Language;
import kz.emtihan.upload.CsvRecords;

/** HTTP for login, the token check, and user upload. Translation only. */
public final class AuthRoutes {
    private AuthRoutes() {}

    /** @param examZone the zone exams are held in (calendar.timeZone): the pages show every time on its clock */
    public static void mountPublic(
            Router api, Users users, Sessions sessions, LoginThrottle throttle, java.time.ZoneId examZone) {
        api.post("/auth/login").respond(ctx -> {
            JsonObject body = Bodies.object(ctx);
            String username = body.getValue("username") instanceof String s ? s : "";
            String password = body.getValue("password") instanceof String s ? s : "";
            if (username.isEmpty() || password.isEmpty()) {
                throw Refusal.of(
                        CommonRefusal.BAD_FIELD, username.isEmpty() ? "username" : "password", FieldProblem.required());
            }
            String address = throttle.address(ctx);
            // refused while throttled before any bcrypt work; every wrong password counts, a right one clears its own
            // counter
            return throttle.check(username, address)
                    .compose(check -> users.login(username, password, check.suspect())
                            .transform(done -> {
                                if (done.succeeded())
                                    return throttle.succeeded(username, address).map(done.result());
                                if (done.cause() instanceof Refusal r && r.code() == AuthRefusal.BAD_CREDENTIALS) {
                                    return throttle.failed(username, address)
                                            .transform(x -> Future.<Users.SignedIn>failedFuture(r));
                                }
                                return Future.<Users.SignedIn>failedFuture(done.cause());
                            })
                            .eventually(() -> throttle.done(username, address)))
                    .map(in -> new JsonObject()
                            .put("token", sessions.tokens().issue(in.caller(), in.version()))
                            .put("user", callerJson(in.caller(), in.language()))
                            .put("timeZone", examZone.getId())) // issue 15 (1)
                    .onFailure(err -> {
                        if (err instanceof Refusal r && r.code() == AuthRefusal.TOO_MANY_ATTEMPTS) {
                            ctx.response()
                                    .putHeader(
                                            "Retry-After",
                                            String.valueOf(r.args().get("seconds")));
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
                if (disable && admin.id().equals(id)) throw Refusal.of(AuthRefusal.CANNOT_DISABLE_SELF);
                return users.setDisabled(id, disable)
                        .map(v -> new JsonObject().put("id", id).put("disabled", disable));
            });
        }
    }

    public static void mountProtected(Router api, Users users, Sessions sessions) {
        logout(api, sessions);
        disabling(api, users);
        api.get("/me")
                .respond(ctx -> Future.succeededFuture(
                        callerJson(Caller.of(ctx), Session.of(ctx).language())));
        language(api, users, sessions);
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
                if (!r.get("group").isEmpty()) u.put("group", r.get("group")); // optional, likewise (5.33)
                list.add(u);
            }
            return users.upsert(list)
                    .<JsonObject>map(n -> new JsonObject().put("created", n))
                    .recover(err -> Future.failedFuture(CsvRecords.byLine(err, rows)));
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
            ctx.fail(Refusal.of(CommonRefusal.UNAUTHORIZED));
            return;
        }
        sessions.authenticate(token).onComplete(checked -> {
            if (checked.failed()) {
                ctx.fail(Refusal.of(CommonRefusal.STORE_UNAVAILABLE));
            } else if (checked.result().isEmpty()) {
                ctx.fail(Refusal.of(CommonRefusal.UNAUTHORIZED));
            } else {
                Session session = checked.result().get();
                session.attach(ctx);
                session.language().ifPresent(l -> Languages.saved(ctx, l));
                ctx.next();
            }
        });
    }

    /**
     * {@code PUT /users/me/language {"language": "kk"|"ru"|"en"}}: the caller's own choice, kept on the account. Answers
     * to requests without {@code Accept-Language} are in it (the pages send theirs and save a change here).
     */
    private static void language(Router api, Users users, Sessions sessions) {
        api.put("/users/me/language").respond(ctx -> {
            Caller caller = Caller.of(ctx);
            Object value = Bodies.object(ctx).getValue("language");
            Language language = (value instanceof String s ? Language.parse(s) : Optional.<Language>empty())
                    .filter(l -> l.code().equals(value))
                    .orElseThrow(
                            () -> Refusal.of(CommonRefusal.BAD_FIELD, "language", FieldProblem.oneOf("kk, ru, en")));
            return users.setLanguage(caller.id(), language).map(v -> {
                sessions.changed(caller.id());
                return callerJson(caller, Optional.of(language));
            });
        });
    }

    /** Who the caller is, as login and {@code /me} answer: id, name, roles, and the saved language or null. */
    static JsonObject callerJson(Caller c, Optional<Language> language) {
        return new JsonObject()
                .put("id", c.id())
                .put("name", c.name())
                .put(
                        "roles",
                        new JsonArray(
                                c.roles().stream().map(Role::code).sorted().toList()))
                .put("language", language.map(Language::code).orElse(null));
    }
}
