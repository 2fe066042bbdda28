package kz.emtihan.media.kurento;

import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;

/**
 * One run of the stand-in server: its id, sessions and media objects, and the Kurento Protocol's methods
 * on them, as documented and as KMS 7.1 implements them ({@code ServerMethods.cpp}): {@code ping},
 * {@code connect} (a known session is resumed, an unknown one is error 40007 {@code INVALID_SESSION}, none
 * starts a new one), {@code create}, {@code invoke}, {@code subscribe}/{@code unsubscribe},
 * {@code release}, {@code describe}, {@code closeSession}; events go out as {@code onEvent} to the
 * connection of the session that subscribed. A server restart is a new instance.
 */
final class FakeProtocol {
    private final String serverId = UUID.randomUUID().toString();
    private final FakeMediaSet media = new FakeMediaSet(this::emit);
    private final Set<String> sessions = ConcurrentHashMap.newKeySet();
    private final Map<String, ServerWebSocket> sessionSockets = new ConcurrentHashMap<>();
    private final BiConsumer<ServerWebSocket, JsonObject> send;

    /** @param send writes a message to a connection */
    FakeProtocol(BiConsumer<ServerWebSocket, JsonObject> send) {
        this.send = send;
    }

    FakeMediaSet media() {
        return media;
    }

    /** The response to a request ({@code result} or {@code error}); null for a notification (no id). */
    JsonObject respond(ServerWebSocket ws, JsonObject request) {
        Object id = request.getValue("id");
        JsonObject reply = new JsonObject().put("jsonrpc", "2.0").put("id", id);
        try {
            reply.put(
                    "result",
                    handle(ws, request.getString("method"), request.getJsonObject("params", new JsonObject())));
        } catch (FakeMediaSet.Failure f) {
            reply.put(
                    "error",
                    new JsonObject()
                            .put("code", f.code)
                            .put("message", f.getMessage())
                            .put("data", new JsonObject().put("type", f.type)));
        }
        return id == null ? null : reply;
    }

    private JsonObject handle(ServerWebSocket ws, String method, JsonObject params) {
        String given = params.getString("sessionId");
        switch (method == null ? "" : method) {
            case "ping":
                JsonObject pong = new JsonObject().put("value", "pong");
                return given == null ? pong : pong.put("sessionId", given);
            case "connect":
                if (given != null && !sessions.contains(given)) {
                    throw new FakeMediaSet.Failure(40007, "INVALID_SESSION", "Invalid session");
                }
                return new JsonObject().put("sessionId", session(ws, params)).put("serverId", serverId);
            case "create":
                String created = media.create(
                        params.getString("type"), params.getJsonObject("constructorParams", new JsonObject()));
                return new JsonObject().put("value", created).put("sessionId", session(ws, params));
            case "invoke":
                Object value = media.invoke(
                        params.getString("object"),
                        params.getString("operation"),
                        params.getJsonObject("operationParams", new JsonObject()));
                JsonObject invoked = new JsonObject().put("sessionId", session(ws, params));
                return value == null ? invoked : invoked.put("value", value);
            case "subscribe":
                String session = session(ws, params);
                String subscription = media.subscribe(params.getString("object"), params.getString("type"), session);
                return new JsonObject().put("value", subscription).put("sessionId", session);
            case "unsubscribe":
                media.unsubscribe(params.getString("subscription"));
                return new JsonObject().put("sessionId", session(ws, params));
            case "release":
                media.release(params.getString("object"));
                return new JsonObject().put("sessionId", session(ws, params));
            case "describe":
                return media.describe(params.getString("object")).put("sessionId", session(ws, params));
            case "closeSession":
                return new JsonObject().put("sessionId", session(ws, params));
            default:
                throw new FakeMediaSet.Failure(-32601, "METHOD_NOT_FOUND", "Method not found");
        }
    }

    /** The request's session (a new one if it names none), now bound to this connection for events. */
    private String session(ServerWebSocket ws, JsonObject params) {
        String id = params.getString("sessionId", UUID.randomUUID().toString());
        sessions.add(id);
        sessionSockets.put(id, ws);
        return id;
    }

    private void emit(String sessionId, JsonObject value) {
        ServerWebSocket ws = sessionSockets.get(sessionId);
        if (ws != null) {
            send.accept(
                    ws,
                    new JsonObject()
                            .put("jsonrpc", "2.0")
                            .put("method", "onEvent")
                            .put("params", new JsonObject().put("value", value)));
        }
    }
}
