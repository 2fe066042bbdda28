package kz.emtihan.http;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;
import kz.emtihan.refusal.Kind;
import kz.emtihan.refusal.Problem;
import kz.emtihan.refusal.Refusal;
import kz.emtihan.text.Catalogue;
import kz.emtihan.text.Language;
import kz.emtihan.text.Text;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The one failure handler: every error leaves as {@code {"error","message"}} (API.md conventions). */
final class Problems {
    private static final Logger log = LoggerFactory.getLogger(Problems.class);

    private Problems() {}

    static void respond(RoutingContext ctx) {
        JsonObject body = toJson(ctx);
        int status = body.getInteger("status");
        body.remove("status");
        if (ctx.response().ended()) return;
        if (ctx.response().headWritten()) {
            ctx.response().reset();
            return;
        }
        ctx.response()
                .setStatusCode(status)
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/json; charset=utf-8")
                .end(body.encode());
    }

    private static JsonObject toJson(RoutingContext ctx) {
        Throwable t = ctx.failure();
        if (t instanceof Refusal r) return refusal(r, language(ctx));
        if (t instanceof Rejection r) {
            JsonObject o = r.details().mergeIn(problem(r.status(), r.code(), r.getMessage()));
            if (!r.problems().isEmpty()) o.put("problems", new JsonArray(r.problems()));
            return o;
        }
        if (t instanceof DecodeException
                || t instanceof IllegalArgumentException && t.getCause() instanceof DecodeException) {
            return problem(400, "bad-json", "the body is not valid JSON");
        }
        int status = t instanceof HttpException h ? h.getStatusCode() : ctx.statusCode();
        return switch (status) {
            case 400 -> problem(400, "bad-request", "the request is malformed");
            case 401 -> problem(401, "unauthorized", "a valid bearer token is required");
            case 403 -> problem(403, "forbidden", "your role does not allow this");
            case 404 -> problem(404, "not-found", "no such resource");
            case 405 -> problem(405, "method-not-allowed", "this method is not allowed here");
            case 413 -> problem(413, "body-too-large", "the request body is larger than the configured limit");
            case 415 -> problem(415, "unsupported-media-type", "this content type is not accepted here");
            default -> {
                log.error(
                        "unexpected failure on {} {}",
                        ctx.request().method(),
                        ctx.request().path(),
                        t);
                yield problem(500, "internal", "unexpected error; it has been logged on the server");
            }
        };
    }

    /** The caller's language: {@code Accept-Language}, else English. */
    static Language language(RoutingContext ctx) {
        return Language.fromAcceptLanguage(ctx.request().getHeader(HttpHeaders.ACCEPT_LANGUAGE))
                .orElse(Language.EN);
    }

    /** The one place a domain refusal becomes HTTP: its kind picks the status, its sentence is in the caller's language. */
    static JsonObject refusal(Refusal r, Language language) {
        JsonObject o = new JsonObject(new java.util.LinkedHashMap<>(r.details()))
                .mergeIn(problem(status(r.kind()), r.code().code(), r.message(language)));
        JsonObject args = new JsonObject();
        r.args()
                .forEach((name, value) ->
                        args.put(name, value instanceof Text text ? Catalogue.render(text, language) : value));
        if (!args.isEmpty()) o.put("args", args);
        if (!r.problems().isEmpty()) {
            JsonArray problems = new JsonArray();
            for (Problem p : r.problems()) {
                problems.add(new JsonObject(new java.util.LinkedHashMap<>(p.at()))
                        .put("error", p.text().key())
                        .put("message", Catalogue.render(p.text(), language)));
            }
            o.put("problems", problems);
        }
        return o;
    }

    static int status(Kind kind) {
        return switch (kind) {
            case INVALID -> 400;
            case UNAUTHENTICATED -> 401;
            case FORBIDDEN -> 403;
            case NOT_FOUND -> 404;
            case CONFLICT -> 409;
            case TOO_LARGE -> 413;
            case UNSUPPORTED_TYPE -> 415;
            case TOO_MANY -> 429;
            case UNAVAILABLE -> 503;
            case NO_STORAGE -> 507;
        };
    }

    static JsonObject problem(int status, String code, String message) {
        return new JsonObject().put("status", status).put("error", code).put("message", message);
    }
}
