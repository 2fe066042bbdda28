package kz.emtihan.proctor;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import kz.emtihan.auth.Caller;
import kz.emtihan.exam.Attempts;
import kz.emtihan.exam.ExamKeys;
import kz.emtihan.exam.Exams;
import kz.emtihan.exam.LiveAttempt;
import kz.emtihan.exam.model.ExamAccess;
import kz.emtihan.live.InOrder;
import kz.emtihan.live.LiveConnection;
import kz.emtihan.live.LiveFeature;
import kz.emtihan.live.LiveHub;
import kz.emtihan.live.LiveReasons;
import kz.emtihan.live.LiveRefusal;
import kz.emtihan.live.MessageHandler;
import kz.emtihan.live.Topic;
import kz.emtihan.refusal.Refusal;

/**
 * A proctor's live view of a student's page (issue 4, 5), plugged into the live socket: the engine only passes SDP and
 * ICE messages along ({@code signal}), through Redis, so the two pages may be on different nodes. A proctor's message
 * goes to the attempt's channel (the student's page) with the proctor's peer id; the student's reply names that peer
 * and reaches only that proctor's socket, on {@code live:peer:<id>}. With a media server the pages send
 * {@code media} (the student's, about its own attempt) and {@code media-view} (a proctor's) instead ({@link LiveMedia}).
 */
final class LiveView implements LiveFeature {
    private static final int MAX_DATA_CHARS = 64 * 1024;
    private final LiveHub hub;
    private final Attempts attempts;
    private final Exams exams;
    private final LiveMedia media;

    LiveView(LiveHub hub, Attempts attempts, Exams exams, LiveMedia media) {
        this.hub = hub;
        this.attempts = attempts;
        this.exams = exams;
        this.media = media;
    }

    @Override
    public String owner() {
        return "proctor";
    }

    @Override
    public Set<String> handles() {
        return Set.of("signal", "media", "media-view");
    }

    @Override
    public MessageHandler open(LiveConnection connection) {
        return new Peer(connection);
    }

    /** One socket's side of signalling. */
    private final class Peer implements MessageHandler {
        private final LiveConnection conn;
        private final Caller caller;
        private final String id = UUID.randomUUID().toString();
        private final Set<String> watchable = ConcurrentHashMap.newKeySet();
        private boolean listening;
        private final InOrder inOrder = new InOrder();

        private Peer(LiveConnection conn) {
            this.conn = conn;
            this.caller = conn.caller();
        }

        /** Passed on in the order the page sent them ({@link InOrder}): a candidate never overtakes its description. */
        @Override
        public void handle(String type, JsonObject msg) {
            String own =
                    conn.get(LiveAttempt.FOLLOWED).map(LiveAttempt::attemptId).orElse("");
            if ("signal".equals(type))
                inOrder.then(() -> relay(msg, own)).onFailure(err -> conn.refuse(LiveRefusal.SIGNAL_REFUSED, err));
            else inOrder.then(() -> relayMedia(msg, own)).onFailure(err -> conn.refuse(LiveRefusal.MEDIA_REFUSED, err));
        }

        /** The attempts this socket was let watch are checked again when next asked for (an assignment may have ended). */
        @Override
        public void tick() {
            watchable.clear();
        }

        /**
         * {@code {"type":"signal","attemptId","data"}} from a proctor, or {@code {"type":"signal","attemptId","to","data"}}
         * from the student following that attempt ({@code ownAttempt}, empty if none).
         */
        private Future<Void> relay(JsonObject msg, String ownAttempt) {
            String attemptId = msg.getString("attemptId", "");
            if (!(msg.getValue("data") instanceof JsonObject data)
                    || data.encode().length() > MAX_DATA_CHARS)
                return refused(LiveRefusal.SIGNAL_REFUSED, LiveReasons.dataTooLarge(MAX_DATA_CHARS / 1024));
            if (!attemptId.isEmpty() && attemptId.equals(ownAttempt)) {
                String to = msg.getString("to", "");
                if (to.isEmpty()) return refused(LiveRefusal.SIGNAL_REFUSED, LiveReasons.namesNoPeer());
                return hub.publish(
                        LiveHub.peerChannel(to),
                        new JsonObject()
                                .put("type", "signal")
                                .put("attemptId", attemptId)
                                .put("from", "student")
                                .put("data", data));
            }
            return mayWatch(attemptId, LiveRefusal.SIGNAL_REFUSED)
                    .compose(v -> listen())
                    .compose(v -> hub.publish(
                            ExamKeys.attemptChannel(attemptId),
                            new JsonObject()
                                    .put("type", "signal")
                                    .put("attemptId", attemptId)
                                    .put("from", id)
                                    .put("data", data)));
        }

        /**
         * {@code media} from the student's page about its own attempt, or {@code media-view} from a proctor's page:
         * passed to the media server; its reply, if any, goes back to this socket.
         */
        private Future<Void> relayMedia(JsonObject msg, String ownAttempt) {
            String attemptId = msg.getString("attemptId", "");
            if (!(msg.getValue("data") instanceof JsonObject data)
                    || data.encode().length() > MAX_DATA_CHARS)
                return refused(LiveRefusal.MEDIA_REFUSED, LiveReasons.dataTooLarge(MAX_DATA_CHARS / 1024));
            Future<JsonObject> reply;
            boolean student = "media".equals(msg.getString("type"));
            if (student) {
                if (attemptId.isEmpty() || !attemptId.equals(ownAttempt))
                    return refused(LiveRefusal.MEDIA_REFUSED, LiveReasons.ownAttemptOnly());
                reply = Future.succeededFuture()
                        .compose(v -> media.fromStudent(attemptId, msg)); // a bad message fails the future
            } else {
                reply = mayWatch(attemptId, LiveRefusal.MEDIA_REFUSED)
                        .compose(v -> listen())
                        .compose(v -> media.fromWatcher(attemptId, id, msg));
            }
            return reply.map(r -> {
                if (r != null && !conn.isClosed()) {
                    conn.send(r);
                    media.delivered(attemptId, msg.getString("stream", ""), student ? "publisher" : id);
                }
                return null;
            });
        }

        private Future<Void> mayWatch(String attemptId, LiveRefusal code) {
            if (watchable.contains(attemptId)) return Future.succeededFuture();
            if (!caller.hasAny(ExamAccess.watchingRoles())) return refused(code, LiveReasons.watchersOnly(attemptId));
            return attempts.facts(attemptId)
                    .compose(a -> exams.watched(caller, a.examId()))
                    .<Void>map(e -> {
                        watchable.add(attemptId);
                        return null;
                    })
                    .recover(err -> refused(code, LiveReasons.cannotWatch(attemptId)));
        }

        private Future<Void> listen() {
            if (listening) return Future.succeededFuture();
            listening = true;
            return conn.follow(Topic.PEER, id);
        }

        private static Future<Void> refused(LiveRefusal code, kz.emtihan.text.Text reason) {
            return Future.failedFuture(Refusal.of(code, reason));
        }
    }
}
