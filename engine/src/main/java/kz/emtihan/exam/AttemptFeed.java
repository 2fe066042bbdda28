package kz.emtihan.exam;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import java.util.Set;
import kz.emtihan.auth.Caller;
import kz.emtihan.live.LiveConnection;
import kz.emtihan.live.LiveFeature;
import kz.emtihan.live.MessageHandler;
import kz.emtihan.live.Topic;
import kz.emtihan.refusal.CommonRefusal;
import kz.emtihan.refusal.Refusal;

/**
 * The exam context's part of the live socket for a student's exam page (API.md "Live events"): {@code {"type":
 * "attempt","attemptId"}} follows the student's own attempt ({@code live:attempt:<id>}: {@code attempt-closed} and the
 * like) and is answered {@code {"type":"following","attemptId","status","deadline"}}. While the socket is open the
 * page counts as connected ({@link Presence}); when it closes, as gone.
 */
final class AttemptFeed implements LiveFeature {
    static final Topic TOPIC = new Topic("attempt");
    private final Attempts attempts;
    private final Presence presence;

    AttemptFeed(Attempts attempts, Presence presence) {
        this.attempts = attempts;
        this.presence = presence;
    }

    @Override
    public String owner() {
        return "exam";
    }

    @Override
    public Set<String> handles() {
        return Set.of("attempt");
    }

    @Override
    public Set<Topic> topics() {
        return Set.of(TOPIC);
    }

    @Override
    public MessageHandler open(LiveConnection connection) {
        return new Follower(connection);
    }

    private final class Follower implements MessageHandler {
        private final LiveConnection conn;
        private final Caller caller;

        Follower(LiveConnection conn) {
            this.conn = conn;
            this.caller = conn.caller();
        }

        @Override
        public void handle(String type, JsonObject message) {
            String attemptId = message.getString("attemptId", "");
            attempts.get(caller, attemptId)
                    .compose(a -> follow(a, attemptId))
                    .onSuccess(a -> conn.send(new JsonObject()
                            .put("type", "following")
                            .put("attemptId", attemptId)
                            .put("status", a.getString("status"))
                            .put("deadline", a.getString("deadline"))))
                    .onFailure(err -> conn.refuse(
                            Refusal.of(CommonRefusal.FORBIDDEN).withDetails(Map.of("attemptId", attemptId))));
        }

        private Future<JsonObject> follow(JsonObject a, String attemptId) {
            if (!caller.id().equals(a.getString("studentId")))
                return Future.failedFuture(Refusal.of(CommonRefusal.FORBIDDEN)); // staff watch through "subscribe"
            String examId = a.getString("examId");
            conn.put(LiveAttempt.FOLLOWED, new LiveAttempt(examId, attemptId));
            return conn.follow(TOPIC, attemptId)
                    .compose(v -> presence.joined(examId, caller.id(), attemptId))
                    .map(a);
        }

        @Override
        public void tick() {
            conn.get(LiveAttempt.FOLLOWED).ifPresent(f -> presence.seen(f.examId(), caller.id()));
        }

        @Override
        public void closed() {
            conn.get(LiveAttempt.FOLLOWED).ifPresent(f -> presence.left(f.examId(), caller.id(), f.attemptId()));
        }
    }
}
