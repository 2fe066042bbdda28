package kz.emtihan.http;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;
import kz.emtihan.refusal.CommonRefusal;
import kz.emtihan.refusal.Kind;
import kz.emtihan.refusal.Problem;
import kz.emtihan.refusal.Refusal;
import kz.emtihan.text.Catalogue;
import kz.emtihan.text.Language;
import kz.emtihan.text.Text;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one failure handler: every error leaves as {@code {"error","message"}} (API.md conventions), the message in the
 * caller's language ({@link Languages}), said in {@code Content-Language}.
 */
public final class Problems {
    private static final String TEXTS = "kz.emtihan.http.texts";

    private static final Logger log = LoggerFactory.getLogger(Problems.class);

    private Problems() {}

    /** Seconds a 503 asks the caller to wait before trying again (issue 14, 4): the pages retry after it. */
    public static final int RETRY_AFTER_SECONDS = 2;

    public static void respond(RoutingContext ctx) {
        respond(ctx, ctx.failure());
    }

    /** Answers {@code failure} (which may differ from the context's own: a store failure answered as a refusal). */
    public static void respond(RoutingContext ctx, Throwable failure) {
        Language language = Languages.of(ctx);
        JsonObject body = toJson(ctx, failure, language);
        int status = body.getInteger("status");
        body.remove("status");
        // what the sentence is in: a page shows it only when it is the page's own language
        String spoken = language.code();
        if (ctx.response().ended()) return;
        if (ctx.response().headWritten()) {
            ctx.response().reset();
            return;
        }
        // issue 14 (4): an unavailable store or node says when to come back
        if (status == 503 && !ctx.response().headers().contains(HttpHeaders.RETRY_AFTER))
            ctx.response().putHeader(HttpHeaders.RETRY_AFTER, Integer.toString(RETRY_AFTER_SECONDS));
        ctx.response()
                .setStatusCode(status)
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/json; charset=utf-8")
                .putHeader(HttpHeaders.CONTENT_LANGUAGE, spoken)
                .putHeader(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE)
                .end(body.encode());
    }

    private static JsonObject toJson(RoutingContext ctx, Throwable t, Language language) {
        if (t instanceof Refusal r) return refusal(r, language);
        if (t instanceof DecodeException
                || t instanceof IllegalArgumentException && t.getCause() instanceof DecodeException) {
            return refusal(Refusal.of(CommonRefusal.BAD_JSON), language);
        }
        int status = t instanceof HttpException h ? h.getStatusCode() : ctx.statusCode();
        return switch (status) {
            case 400 -> refusal(Refusal.of(CommonRefusal.BAD_REQUEST), language);
            case 401 -> refusal(Refusal.of(CommonRefusal.UNAUTHORIZED), language);
            case 403 -> refusal(Refusal.of(CommonRefusal.FORBIDDEN), language);
            case 404 ->
                refusal(
                        Refusal.of(
                                CommonRefusal.NOT_FOUND,
                                Text.of(TEXTS, "resource"),
                                ctx.request().path()),
                        language);
            case 405 -> failure(405, "method-not-allowed", language);
            case 413 -> refusal(Refusal.of(CommonRefusal.BODY_TOO_LARGE), language);
            case 415 -> refusal(Refusal.of(CommonRefusal.UNSUPPORTED_MEDIA_TYPE), language);
            default -> {
                log.error(
                        "unexpected failure on {} {}",
                        ctx.request().method(),
                        ctx.request().path(),
                        t);
                yield failure(500, "internal", language);
            }
        };
    }

    /** A failure that is no refusal (the request was right, or its method does not exist): a sentence, no arguments. */
    private static JsonObject failure(int status, String code, Language language) {
        return problem(status, code, Catalogue.render(Text.of(TEXTS, code), language));
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
            case READ_ONLY -> 405;
            case NO_STORAGE -> 507;
        };
    }

    static JsonObject problem(int status, String code, String message) {
        return new JsonObject().put("status", status).put("error", code).put("message", message);
    }
}
