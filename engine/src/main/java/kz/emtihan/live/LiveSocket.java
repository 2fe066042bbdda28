package kz.emtihan.live;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.LinkedHashMap;
import java.util.Map;
import kz.emtihan.auth.Session;
import kz.emtihan.auth.Sessions;
import kz.emtihan.refusal.CommonRefusal;
import kz.emtihan.refusal.Refusal;
import kz.emtihan.text.Language;

/**
 * {@code GET /api/v1/ws?token=<JWT>} (API.md "Live events"): a hub the contexts plug into ({@link LiveRegistry}). The
 * socket itself authenticates the upgrade, sends {@code time} at once and every {@value #TIME_EVERY_MILLIS} ms (and
 * on {@code ping}), and hands every other message to the feature that declared its type; what a student, a proctor
 * or a commission member may follow, and how, is their contexts' business (docs/architecture.md lists who registers
 * what).
 */
public final class LiveSocket {
    public static final long TIME_EVERY_MILLIS = 10_000;
    /** The close code of a node that stops (RFC 6455 1012 "service restart"): the pages reconnect, to another node. */
    public static final short SERVICE_RESTART = 1012;

    private final java.util.Set<ServerWebSocket> open = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final LiveHub hub;
    private final Sessions sessions;
    private final LiveRegistry.Dispatch dispatch;

    public LiveSocket(LiveHub hub, Sessions sessions, LiveRegistry registry) {
        this.hub = hub;
        this.sessions = sessions;
        this.dispatch = registry.freeze();
    }

    /** Opens the socket for a token that holds now; it is closed with {@link SocketSession#SESSION_ENDED} once it does not. */
    public void upgrade(RoutingContext ctx) {
        ctx.request().pause(); // the upgrade may wait for the token's standing: keep the request unread until then
        sessions.authenticate(ctx.queryParams().get("token")).onComplete(checked -> {
            if (checked.failed() || checked.result().isEmpty()) {
                ctx.fail(Refusal.of(checked.failed() ? CommonRefusal.STORE_UNAVAILABLE : CommonRefusal.UNAUTHORIZED));
                return;
            }
            // a browser's WebSocket cannot set headers: the page names its language in the query (lang=kk); else the
            // user's saved choice, else the browser's own Accept-Language, else English
            Language language = Language.parse(ctx.queryParams().get("lang"))
                    .or(() -> checked.result().get().language())
                    .or(() -> Language.fromAcceptLanguage(ctx.request().getHeader(HttpHeaders.ACCEPT_LANGUAGE)))
                    .orElse(Language.EN);
            ctx.request()
                    .toWebSocket()
                    .onSuccess(ws -> open(ws, checked.result().get(), language))
                    // a plain GET is the caller's mistake, not a 500
                    .onFailure(err -> ctx.fail(Refusal.of(LiveRefusal.WEBSOCKET_REQUIRED)));
        });
    }

    /** One open socket: its token kept honest, its features' handlers, its clock. */
    private void open(ServerWebSocket ws, Session session, Language language) {
        Vertx vertx = Vertx.currentContext().owner();
        SocketSession guard = new SocketSession(ws, sessions, session);
        kz.emtihan.metrics.EngineMetrics.of(vertx).socketOpened(); // issue 14 (5)
        guard.start(vertx);
        LiveConnection connection = new LiveConnection(ws, session.caller(), language, hub, dispatch.topics());
        Map<LiveFeature, MessageHandler> handlers = handlers(connection);
        connection.send(time());
        long ticker = vertx.setPeriodic(TIME_EVERY_MILLIS, t -> tick(connection, handlers));
        ws.textMessageHandler(text -> guard.admit(() -> dispatch(connection, handlers, text)));
        open.add(ws);
        ws.closeHandler(v -> {
            open.remove(ws);
            guard.stop();
            vertx.cancelTimer(ticker);
            kz.emtihan.metrics.EngineMetrics.of(vertx).socketClosed();
            closed(ws, handlers);
        });
    }

    /**
     * Issue 14 (6): the node stops. Every open socket is closed with {@link #SERVICE_RESTART}; the pages answer that by
     * connecting again at once, which the load balancer sends to a node that stays. Completes when all have closed.
     */
    public io.vertx.core.Future<Void> closeAll() {
        java.util.List<io.vertx.core.Future<Void>> closing = new java.util.ArrayList<>();
        for (ServerWebSocket ws : open) {
            if (!ws.isClosed())
                closing.add(ws.close(SERVICE_RESTART, "service restart")
                        .recover(e -> io.vertx.core.Future.succeededFuture()));
        }
        return io.vertx.core.Future.join(closing).mapEmpty();
    }

    /** How many sockets are open on this node. */
    public int openSockets() {
        return open.size();
    }

    private Map<LiveFeature, MessageHandler> handlers(LiveConnection connection) {
        Map<LiveFeature, MessageHandler> handlers = new LinkedHashMap<>();
        for (LiveFeature feature : dispatch.features()) handlers.put(feature, feature.open(connection));
        return handlers;
    }

    /** A message from the page, to the feature that declared its type. */
    private void dispatch(LiveConnection connection, Map<LiveFeature, MessageHandler> handlers, String text) {
        JsonObject message;
        try {
            message = new JsonObject(text);
        } catch (DecodeException e) {
            connection.refuse(Refusal.of(CommonRefusal.BAD_JSON));
            return;
        }
        String type = message.getString("type", "");
        LiveFeature feature = dispatch.byType().get(type);
        if (feature != null) handlers.get(feature).handle(type, message);
        else if (LiveRegistry.PING.equals(type)) connection.send(time());
        else connection.refuse(Refusal.of(LiveRefusal.UNKNOWN_TYPE, type));
    }

    private void tick(LiveConnection connection, Map<LiveFeature, MessageHandler> handlers) {
        connection.send(time());
        handlers.values().forEach(MessageHandler::tick);
    }

    /** The socket closed: every feature lets go, in the order registered, then the hub forgets the socket. */
    private void closed(ServerWebSocket ws, Map<LiveFeature, MessageHandler> handlers) {
        handlers.values().forEach(MessageHandler::closed);
        hub.leave(ws);
    }

    private JsonObject time() {
        return new JsonObject()
                .put("type", "time")
                .put("serverTime", hub.serverNow().toString());
    }
}
