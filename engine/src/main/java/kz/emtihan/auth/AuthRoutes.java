package kz.emtihan.auth;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.core.Future;
import java.util.List;
import kz.emtihan.http.Bodies;
import kz.emtihan.http.CsvRecords;
import kz.emtihan.http.Rejection;

/** HTTP for login, the token check, and user upload. Translation only. */
public final class AuthRoutes {
  private AuthRoutes() {}

  public static void mountPublic(Router api, Users users, Tokens tokens) {
    api.post("/auth/login").respond(ctx -> {
      JsonObject body = Bodies.object(ctx);
      String username = body.getValue("username") instanceof String s ? s : "";
      String password = body.getValue("password") instanceof String s ? s : "";
      if (username.isEmpty() || password.isEmpty()) {
        throw Rejection.badRequest("bad-field", "'username' and 'password' are required");
      }
      return users.login(username, password).map(caller -> new JsonObject()
          .put("token", tokens.issue(caller))
          .put("user", callerJson(caller)));
    });
  }

  /** Every route mounted after this one needs a valid bearer token. */
  public static void mountTokenCheck(Router api, Tokens tokens) {
    api.route().handler(ctx -> authenticate(ctx, tokens));
  }

  public static void mountProtected(Router api, Users users) {
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
        JsonObject u = new JsonObject().put("id", r.get("id")).put("name", r.get("name"))
            .put("roles", new JsonArray(List.of((Object[]) r.get("roles").split("[\\s|]+"))));
        if (!r.get("password").isEmpty()) u.put("password", r.get("password"));
        if (!r.get("email").isEmpty()) u.put("email", r.get("email")); // optional column; an empty cell keeps the stored address
        list.add(u);
      }
      return users.upsert(list).<JsonObject>map(n -> new JsonObject().put("created", n)).recover(err ->
          Future.failedFuture(err instanceof Rejection rej ? CsvRecords.byLine(rej, rows) : err));
    });
  }

  /** The enrolment photo: the body is the JPEG or PNG itself (the media body handler, ApiRouter). */
  private static void photo(Router api, UserPhotos photos) {
    String path = "/users/:userId/photo";
    api.put(path).respond(ctx -> photos.put(Caller.of(ctx), ctx.pathParam("userId"), ctx.request().getHeader("Content-Type"),
        ctx.body().buffer() == null ? Buffer.buffer() : ctx.body().buffer()));
    api.get(path).handler(ctx -> photos.get(Caller.of(ctx), ctx.pathParam("userId"))
        .onSuccess(p -> ctx.response().putHeader("Content-Type", p.contentType()).putHeader("Cache-Control", "no-store").end(p.bytes()))
        .onFailure(ctx::fail));
    api.delete(path).handler(ctx -> photos.delete(Caller.of(ctx), ctx.pathParam("userId"))
        .onSuccess(v -> ctx.response().setStatusCode(204).end()).onFailure(ctx::fail));
  }

  private static void authenticate(RoutingContext ctx, Tokens tokens) {
    String header = ctx.request().getHeader("Authorization");
    String token = header != null && header.regionMatches(true, 0, "Bearer ", 0, 7) ? header.substring(7).trim() : null;
    if (token == null) {
      ctx.fail(new Rejection(401, "unauthorized", "a bearer token is required"));
      return;
    }
    var caller = tokens.verify(token);
    if (caller.isEmpty()) {
      ctx.fail(new Rejection(401, "unauthorized", "the token is invalid or expired"));
      return;
    }
    caller.get().attach(ctx);
    ctx.next();
  }

  static JsonObject callerJson(Caller c) {
    return new JsonObject().put("id", c.id()).put("name", c.name())
        .put("roles", new JsonArray(c.roles().stream().map(Role::code).sorted().toList()));
  }
}
