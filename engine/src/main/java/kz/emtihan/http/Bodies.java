package kz.emtihan.http;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import kz.emtihan.refusal.CommonRefusal;
import kz.emtihan.refusal.FieldProblem;
import kz.emtihan.refusal.Refusal;
import kz.emtihan.upload.UploadRefusal;

/** Reads request bodies as JSON, turning anything else into a 400 {@code bad-json}. */
public final class Bodies {
    private Bodies() {}

    public static JsonObject object(RoutingContext ctx) {
        Object v = parse(ctx);
        if (v instanceof JsonObject o) return o;
        throw Refusal.of(CommonRefusal.BAD_JSON);
    }

    /** An empty body counts as {@code {}}. */
    public static JsonObject objectOrEmpty(RoutingContext ctx) {
        if (ctx.body().length() <= 0) return new JsonObject();
        return object(ctx);
    }

    public static JsonArray array(RoutingContext ctx) {
        Object v = parse(ctx);
        if (v instanceof JsonArray a) return a;
        throw Refusal.of(CommonRefusal.BAD_JSON);
    }

    private static Object parse(RoutingContext ctx) {
        if (ctx.body().length() <= 0 || ctx.body().buffer() == null) throw Refusal.of(CommonRefusal.BAD_JSON);
        try {
            return Json.decodeValue(ctx.body().buffer());
        } catch (DecodeException e) {
            throw Refusal.of(CommonRefusal.BAD_JSON);
        }
    }

    /** The body as UTF-8 text (an uploaded file); empty is a 400. */
    public static String text(RoutingContext ctx) {
        if (ctx.body().length() <= 0 || ctx.body().buffer() == null) throw Refusal.of(UploadRefusal.EMPTY_FILE);
        return ctx.body().asString("UTF-8");
    }

    /** Whether the request says its body is CSV. */
    public static boolean isCsv(RoutingContext ctx) {
        String type = ctx.request().getHeader("Content-Type");
        return type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith("text/csv");
    }

    /** A required string field. */
    public static String string(JsonObject o, String field) {
        Object v = o.getValue(field);
        if (v instanceof String s && !s.isBlank()) return s;
        throw Refusal.of(CommonRefusal.BAD_FIELD, field, FieldProblem.required());
    }
}
