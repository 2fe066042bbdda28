package kz.emtihan.live;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.ServerWebSocket;
import kz.emtihan.auth.Session;
import kz.emtihan.auth.Sessions;

/**
 * A live socket's token, kept honest for as long as the socket is open (issue 10, 1): the server closes the socket
 * with {@link #SESSION_ENDED} when the token expires or is ended (logout, a change of roles or password, a disabled
 * account), and from that moment no message of it is handled. Each message waits for the check of the token,
 * in memory while the user's standing is cached; messages keep their order. Used on the socket's event loop.
 */
final class SocketSession {
    /** The close code the pages answer by signing in again (API.md "Live events"). */
    static final short SESSION_ENDED = 4401;

    private final ServerWebSocket ws;
    private final Sessions sessions;
    private final Session session;
    private Future<Void> last = Future.succeededFuture();
    private boolean ended;
    private long expiry = -1;
    private Runnable unwatch = () -> {};
    private Vertx vertx;

    SocketSession(ServerWebSocket ws, Sessions sessions, Session session) {
        this.ws = ws;
        this.sessions = sessions;
        this.session = session;
    }

    /** Starts watching: the expiry timer, and a check again whenever the user's standing changes on any node. */
    void start(Vertx vertx) {
        this.vertx = vertx;
        long left = session.expiresAt().toEpochMilli() - System.currentTimeMillis();
        expiry = vertx.setTimer(Math.max(1, left), t -> end("token-expired"));
        var context = vertx.getOrCreateContext();
        unwatch = sessions.watch(session.userId(), () -> context.runOnContext(v -> admit(() -> {})));
    }

    /** Runs {@code message} once the token is found still valid; closes the socket instead when it is not. */
    void admit(Runnable message) {
        if (ended) return;
        last = last.transform(previous -> sessions.admits(session)).transform(checked -> {
            if (ended) return Future.succeededFuture();
            if (checked.failed()) {
                end((short) 1011, "the token cannot be checked now");
            } else if (!checked.result()) {
                end("token-ended");
            } else {
                message.run();
            }
            return Future.succeededFuture();
        });
    }

    /** The socket closed: stop watching. */
    void stop() {
        ended = true;
        if (vertx != null && expiry >= 0) vertx.cancelTimer(expiry);
        unwatch.run();
    }

    private void end(String reason) {
        end(SESSION_ENDED, reason);
    }

    private void end(short code, String reason) {
        if (ended) return;
        stop();
        if (!ws.isClosed()) ws.close(code, reason);
    }
}
