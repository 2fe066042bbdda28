package kz.emtihan.live;

import io.vertx.core.Future;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.function.Consumer;
import kz.emtihan.auth.Caller;
import kz.emtihan.auth.Session;
import kz.emtihan.auth.Sessions;
import kz.emtihan.exam.Attempts;
import kz.emtihan.exam.Exams;

/**
 * {@code GET /api/v1/ws?token=<JWT>} (API.md "Live events"). A student sends {@code {"type":"attempt","attemptId"}}
 * and then receives {@code time} every 10 s and {@code attempt-closed}; a proctor, teacher or admin sends
 * {@code {"type":"subscribe","examId"}} and receives every event of that exam from every node. Both relay
 * WebRTC signalling for a proctor's live view ({@link Signalling}); any participant may sit in a video room ({@link Rooms}).
 */
public final class LiveSocket {
    static final long TIME_EVERY_MILLIS = 10_000;
    private final LiveHub hub;
    private final Sessions sessions;
    private final Attempts attempts;
    private final Exams exams;
    private final Presence presence;
    private final Consumer<String> disconnected;
    private final Signalling signalling;
    private final Rooms rooms;

    /** @param disconnected told the attempt id when a student's page closes its socket (a flag, issue 4) */
    private volatile java.util.function.BiFunction<Caller, String, Future<Void>> sittingAccess =
            (c, id) -> Future.failedFuture(new IllegalStateException("no sittings"));

    /** Who may enter a video room (a sitting's, issue 5): set once at wiring. */
    public void roomAccess(RoomAccess access) {
        rooms.access(access);
    }

    /** How a socket may follow a sitting: the sitting context says whether the caller takes part. Set once at wiring. */
    public void sittingAccess(java.util.function.BiFunction<Caller, String, Future<Void>> access) {
        this.sittingAccess = access;
    }

    public LiveSocket(
            LiveHub hub,
            Sessions sessions,
            Attempts attempts,
            Exams exams,
            Presence presence,
            Consumer<String> disconnected,
            LiveMedia media) {
        this.hub = hub;
        this.sessions = sessions;
        this.attempts = attempts;
        this.exams = exams;
        this.presence = presence;
        this.disconnected = disconnected;
        this.signalling = new Signalling(hub, attempts, exams, media);
        this.rooms = new Rooms(hub, media.rooms());
    }

    /** Opens the socket for a token that holds now; it is closed with {@link SocketSession#SESSION_ENDED} once it does not. */
    public void upgrade(RoutingContext ctx) {
        ctx.request().pause(); // the upgrade may wait for the token's standing: keep the request unread until then
        sessions.authenticate(ctx.queryParams().get("token")).onComplete(checked -> {
            if (checked.failed() || checked.result().isEmpty()) {
                boolean down = checked.failed();
                ctx.response()
                        .setStatusCode(down ? 503 : 401)
                        .putHeader("Content-Type", "application/json")
                        .end(new JsonObject()
                                .put("error", down ? "store-unavailable" : "unauthorized")
                                .put("message", down ? "the token cannot be checked now" : "a valid token is required")
                                .encode());
                return;
            }
            ctx.request()
                    .toWebSocket()
                    .onSuccess(ws -> open(ws, checked.result().get())) // a plain GET is the caller's mistake, not a 500
                    .onFailure(err -> ctx.fail(new kz.emtihan.http.Rejection(
                            400, "websocket-required", "this path upgrades to a WebSocket")));
        });
    }

    private void open(ServerWebSocket ws, Session session) {
        var vertx = io.vertx.core.Vertx.currentContext().owner();
        Caller caller = session.caller();
        SocketSession guard = new SocketSession(ws, sessions, session);
        guard.start(vertx);
        send(ws, time());
        String[] followed = new String[2]; // exam id, attempt id of a student's own attempt
        java.util.Set<String> watchedExams = java.util.concurrent.ConcurrentHashMap.newKeySet();
        Signalling.Peer peer = signalling.peer(ws, caller);
        Rooms.Seat seat = rooms.seat(ws, caller);
        long ticker = vertx.setPeriodic(TIME_EVERY_MILLIS, t -> {
            send(ws, time());
            seat.touch();
            recheck(ws, caller, watchedExams, peer);
            if (followed[0] != null) presence.seen(followed[0], caller.id());
        });
        ws.textMessageHandler(text -> guard.admit(() -> {
            JsonObject msg;
            try {
                msg = new JsonObject(text);
            } catch (DecodeException e) {
                send(ws, error("bad-json", "messages are JSON objects"));
                return;
            }
            String type = msg.getString("type", "");
            switch (type) {
                case "attempt" -> followAttempt(ws, caller, msg.getString("attemptId", ""), followed);
                case "subscribe" -> subscribe(ws, caller, msg.getString("examId", ""), watchedExams);
                case "sitting" -> followSitting(ws, caller, msg.getString("sittingId", ""));
                case "ping" -> send(ws, time());
                case "signal" ->
                    peer.relay(msg, followed[1]).onFailure(err -> send(ws, error("signal-refused", err.getMessage())));
                case "media", "media-view" ->
                    peer.relayMedia(msg, followed[1])
                            .onFailure(err -> send(ws, error("media-refused", String.valueOf(err.getMessage()))));
                case "room-join" ->
                    seat.join(msg.getString("roomId", ""))
                            .onSuccess(joined -> send(ws, joined))
                            .onFailure(err -> send(ws, error("room-refused", String.valueOf(err.getMessage()))));
                case "room-signal" ->
                    seat.signal(msg).onFailure(err -> send(ws, error("signal-refused", err.getMessage())));
                case "room-media" ->
                    seat.media(msg)
                            .onFailure(err -> send(ws, error("media-refused", String.valueOf(err.getMessage()))));
                case "room-leave" -> seat.leave();
                default -> send(ws, error("unknown-type", "unknown message type '" + type + "'"));
            }
        }));
        ws.closeHandler(v -> {
            guard.stop();
            vertx.cancelTimer(ticker);
            seat.leave();
            hub.leave(ws);
            if (followed[0] != null) {
                presence.left(followed[0], caller.id(), followed[1]);
                disconnected.accept(followed[1]);
            }
        });
    }

    private void followAttempt(ServerWebSocket ws, Caller caller, String attemptId, String[] followed) {
        attempts.get(caller, attemptId)
                .compose(a -> {
                    if (!caller.id().equals(a.getString("studentId"))) {
                        return Future.failedFuture(new IllegalStateException("not your attempt"));
                    }
                    followed[0] = a.getString("examId");
                    followed[1] = attemptId;
                    return hub.follow(LiveHub.attemptChannel(attemptId), ws)
                            .compose(v -> presence.joined(followed[0], caller.id(), attemptId))
                            .map(a);
                })
                .onSuccess(a -> send(
                        ws,
                        new JsonObject()
                                .put("type", "following")
                                .put("attemptId", attemptId)
                                .put("status", a.getString("status"))
                                .put("deadline", a.getString("deadline"))))
                .onFailure(err -> send(ws, error("forbidden", "cannot follow attempt " + attemptId)));
    }

    /** An exam's live feed, for whoever may watch it (its teacher, its assigned proctors, admins: ExamAccess). */
    private void subscribe(ServerWebSocket ws, Caller caller, String examId, java.util.Set<String> watchedExams) {
        if (!caller.hasAny(kz.emtihan.exam.model.ExamAccess.watchingRoles())) {
            send(ws, error("forbidden", "only the exam's teacher, its assigned proctors or an admin follow an exam"));
            return;
        }
        exams.watched(caller, examId)
                .compose(e -> hub.follow(LiveHub.examChannel(examId), ws))
                .onSuccess(v -> {
                    watchedExams.add(examId);
                    send(ws, new JsonObject().put("type", "subscribed").put("examId", examId));
                })
                .onFailure(
                        err -> send(ws, error("forbidden", "cannot follow exam " + examId + ": " + err.getMessage())));
    }

    /**
     * Issue 10 (3): an assignment withdrawn ends the feed too. Every {@value #TIME_EVERY_MILLIS} ms each followed exam
     * is checked again (one read of the exam's assignment per exam and staff socket) and the live views this socket may
     * start are forgotten, so they are checked again when next asked for.
     */
    private void recheck(ServerWebSocket ws, Caller caller, java.util.Set<String> watchedExams, Signalling.Peer peer) {
        peer.forget();
        for (String examId : watchedExams) {
            exams.watched(caller, examId).onFailure(err -> {
                if (!(err instanceof kz.emtihan.refusal.Refusal r)
                        || r.kind() != kz.emtihan.refusal.Kind.FORBIDDEN
                        || !watchedExams.remove(examId)) return; // a store hiccup keeps it
                hub.unfollow(LiveHub.examChannel(examId), ws);
                send(
                        ws,
                        new JsonObject()
                                .put("type", "unsubscribed")
                                .put("examId", examId)
                                .put("error", "forbidden"));
            });
        }
    }

    /** A sitting's participants get {@code {"type":"sitting","change"}} whenever it changes, then read it again. */
    private void followSitting(ServerWebSocket ws, Caller caller, String sittingId) {
        sittingAccess
                .apply(caller, sittingId)
                .compose(v -> hub.follow("live:sitting:" + sittingId, ws))
                .onSuccess(v -> send(
                        ws, new JsonObject().put("type", "following-sitting").put("sittingId", sittingId)))
                .onFailure(err -> send(ws, error("forbidden", "cannot follow sitting " + sittingId)));
    }

    private JsonObject time() {
        return new JsonObject()
                .put("type", "time")
                .put("serverTime", hub.serverNow().toString());
    }

    private static JsonObject error(String code, String message) {
        return new JsonObject().put("type", "error").put("error", code).put("message", message);
    }

    private static void send(ServerWebSocket ws, JsonObject o) {
        if (!ws.isClosed()) ws.writeTextMessage(o.encode());
    }
}
