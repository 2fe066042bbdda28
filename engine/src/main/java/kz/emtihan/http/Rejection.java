package kz.emtihan.http;

import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * A request refused for a reason the caller can act on: becomes {@code {"error","message","problems"?}}
 * with its status. Services fail their futures with it; nothing has been changed when it is thrown.
 */
public final class Rejection extends RuntimeException {
    private final int status;
    private final String code;
    private final List<JsonObject> problems;
    private final JsonObject details;

    public Rejection(int status, String code, String message, List<JsonObject> problems) {
        this(status, code, message, problems, new JsonObject());
    }

    /** @param details more fields for the error body, e.g. the id of the attempt that is already finished */
    public Rejection(int status, String code, String message, List<JsonObject> problems, JsonObject details) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
        this.problems = List.copyOf(problems);
        this.details = details.copy();
    }

    public Rejection(int status, String code, String message) {
        this(status, code, message, List.of());
    }

    public static Rejection badRequest(String code, String message) {
        return new Rejection(400, code, message);
    }

    public static Rejection notFound(String what, String id) {
        return new Rejection(404, "not-found", "no " + what + " '" + id + "'");
    }

    public static Rejection forbidden(String message) {
        return new Rejection(403, "forbidden", message);
    }

    public static Rejection conflict(String code, String message) {
        return new Rejection(409, code, message);
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public List<JsonObject> problems() {
        return problems;
    }

    public JsonObject details() {
        return details.copy();
    }
}
