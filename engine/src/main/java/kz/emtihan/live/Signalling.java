package kz.emtihan.live;

import io.vertx.core.Future;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.JsonObject;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import kz.emtihan.auth.Caller;
import kz.emtihan.exam.Attempts;
import kz.emtihan.exam.Exams;

/**
 * Relays WebRTC signalling between a proctor's page and a student's page for the live view (issue 4, 5): the
 * engine only passes SDP and ICE messages along, through Redis, so the two pages may be on different nodes.
 * A proctor's message goes to the attempt's channel (the student's page) with the proctor's peer id; the
 * student's reply names that peer and reaches only that proctor's socket, on {@code live:peer:<id>}.
 */
final class Signalling {
    private static final int MAX_DATA_CHARS = 64 * 1024;
    private final LiveHub hub;
    private final Attempts attempts;
    private final Exams exams;
    private final LiveMedia media;

    Signalling(LiveHub hub, Attempts attempts, Exams exams, LiveMedia media) {
        this.hub = hub;
        this.attempts = attempts;
        this.exams = exams;
        this.media = media;
    }

    Peer peer(ServerWebSocket ws, Caller caller) {
        return new Peer(ws, caller);
    }

    /** One socket's side of signalling. */
    final class Peer {
        private final ServerWebSocket ws;
        private final Caller caller;
        private final String id = UUID.randomUUID().toString();
        private final Set<String> watchable = ConcurrentHashMap.newKeySet();
        private boolean listening;
        private final InOrder inOrder = new InOrder();

        private Peer(ServerWebSocket ws, Caller caller) {
            this.ws = ws;
            this.caller = caller;
        }

        /**
         * {@code {"type":"signal","attemptId","data"}} from a proctor, or {@code {"type":"signal","attemptId","to","data"}}
         * from the student following {@code ownAttempt}; passed on in the order the page sent them ({@link InOrder}).
         */
        Future<Void> relay(JsonObject msg, String ownAttempt) {
            return inOrder.then(() -> relayNow(msg, ownAttempt));
        }

        private Future<Void> relayNow(JsonObject msg, String ownAttempt) {
            String attemptId = msg.getString("attemptId", "");
            if (!(msg.getValue("data") instanceof JsonObject data)
                    || data.encode().length() > MAX_DATA_CHARS) {
                return Future.failedFuture(new IllegalArgumentException("'data' must be an object of at most 64 KB"));
            }
            if (attemptId.equals(ownAttempt)) {
                String to = msg.getString("to", "");
                if (to.isEmpty())
                    return Future.failedFuture(new IllegalArgumentException("a student's signal names its 'to' peer"));
                return hub.publish(
                        LiveHub.peerChannel(to),
                        new JsonObject()
                                .put("type", "signal")
                                .put("attemptId", attemptId)
                                .put("from", "student")
                                .put("data", data));
            }
            return mayWatch(attemptId)
                    .compose(v -> listen())
                    .compose(v -> hub.publish(
                            LiveHub.attemptChannel(attemptId),
                            new JsonObject()
                                    .put("type", "signal")
                                    .put("attemptId", attemptId)
                                    .put("from", id)
                                    .put("data", data)));
        }

        /**
         * {@code media} from the student's page about {@code ownAttempt}, or {@code media-view} from a proctor's page:
         * passed to the media server ({@link LiveMedia}); its reply, if any, goes back to this socket.
         */
        Future<Void> relayMedia(JsonObject msg, String ownAttempt) {
            return inOrder.then(() -> relayMediaNow(msg, ownAttempt)); // in order, as relay()
        }

        private Future<Void> relayMediaNow(JsonObject msg, String ownAttempt) {
            String attemptId = msg.getString("attemptId", "");
            if (!(msg.getValue("data") instanceof JsonObject data)
                    || data.encode().length() > MAX_DATA_CHARS) {
                return Future.failedFuture(new IllegalArgumentException("'data' must be an object of at most 64 KB"));
            }
            Future<JsonObject> reply;
            boolean student = "media".equals(msg.getString("type"));
            if (student) {
                if (!attemptId.equals(ownAttempt)) {
                    return Future.failedFuture(new IllegalStateException("a page publishes only its own attempt"));
                }
                reply = Future.succeededFuture()
                        .compose(v -> media.fromStudent(attemptId, msg)); // a bad message fails the future
            } else {
                reply = mayWatch(attemptId).compose(v -> listen()).compose(v -> media.fromWatcher(attemptId, id, msg));
            }
            return reply.map(r -> {
                if (r != null && !ws.isClosed()) {
                    ws.writeTextMessage(r.encode());
                    media.delivered(attemptId, msg.getString("stream", ""), student ? "publisher" : id);
                }
                return null;
            });
        }

        private Future<Void> mayWatch(String attemptId) {
            if (watchable.contains(attemptId)) return Future.succeededFuture();
            if (!caller.hasAny(kz.emtihan.exam.model.ExamAccess.watchingRoles())) {
                return Future.failedFuture(
                        new IllegalStateException("only the exam's proctors watch attempt " + attemptId));
            }
            return attempts.facts(attemptId)
                    .compose(a -> exams.watched(caller, a.examId()))
                    .<Void>map(e -> {
                        watchable.add(attemptId);
                        return null;
                    })
                    .recover(
                            err -> Future.failedFuture(new IllegalStateException("cannot watch attempt " + attemptId)));
        }

        /** The attempts this socket was let watch are checked again when next asked for (an assignment may have ended). */
        void forget() {
            watchable.clear();
        }

        private Future<Void> listen() {
            if (listening) return Future.succeededFuture();
            listening = true;
            return hub.follow(LiveHub.peerChannel(id), ws);
        }
    }
}
