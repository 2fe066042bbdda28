package kz.emtihan.exam;

import io.vertx.core.json.JsonObject;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import kz.emtihan.auth.Caller;
import kz.emtihan.exam.model.ExamAccess;
import kz.emtihan.live.LiveConnection;
import kz.emtihan.live.LiveFeature;
import kz.emtihan.live.LiveSocket;
import kz.emtihan.live.MessageHandler;
import kz.emtihan.live.Topic;
import kz.emtihan.refusal.CommonRefusal;
import kz.emtihan.refusal.Kind;
import kz.emtihan.refusal.Refusal;

/**
 * The exam context's part of the live socket for staff (API.md "Live events"): {@code {"type":"subscribe","examId"}}
 * follows every event of an exam ({@code live:exam:<id>}) from every node, for whoever may watch it (its teacher, its
 * assigned proctors, admins: {@link ExamAccess}), answered {@code {"type":"subscribed","examId"}}.
 */
final class ExamFeed implements LiveFeature {
    static final Topic TOPIC = new Topic("exam");
    private final Exams exams;

    ExamFeed(Exams exams) {
        this.exams = exams;
    }

    @Override
    public String owner() {
        return "exam";
    }

    @Override
    public Set<String> handles() {
        return Set.of("subscribe");
    }

    @Override
    public Set<Topic> topics() {
        return Set.of(TOPIC);
    }

    @Override
    public MessageHandler open(LiveConnection connection) {
        return new Watcher(connection);
    }

    private final class Watcher implements MessageHandler {
        private final LiveConnection conn;
        private final Caller caller;
        private final Set<String> watched = ConcurrentHashMap.newKeySet();

        Watcher(LiveConnection conn) {
            this.conn = conn;
            this.caller = conn.caller();
        }

        @Override
        public void handle(String type, JsonObject message) {
            String examId = message.getString("examId", "");
            if (!caller.hasAny(ExamAccess.watchingRoles())) {
                conn.refuse(Refusal.of(CommonRefusal.FORBIDDEN).withDetails(Map.of("examId", examId)));
                return;
            }
            exams.watched(caller, examId)
                    .compose(e -> conn.follow(TOPIC, examId))
                    .onSuccess(v -> {
                        watched.add(examId);
                        conn.send(new JsonObject().put("type", "subscribed").put("examId", examId));
                    })
                    .onFailure(err ->
                            conn.refuse(Refusal.of(CommonRefusal.FORBIDDEN).withDetails(Map.of("examId", examId))));
        }

        /**
         * Issue 10 (3): an assignment withdrawn ends the feed too. Every {@value LiveSocket#TIME_EVERY_MILLIS} ms each
         * followed exam is checked again (one read of the exam's assignment per exam and staff socket).
         */
        @Override
        public void tick() {
            for (String examId : watched) {
                exams.watched(caller, examId).onFailure(err -> {
                    if (!forbidden(err) || !watched.remove(examId)) return; // a store hiccup keeps it
                    conn.unfollow(TOPIC, examId);
                    conn.send(new JsonObject()
                            .put("type", "unsubscribed")
                            .put("examId", examId)
                            .put("error", CommonRefusal.FORBIDDEN.code()));
                });
            }
        }

        /** Refused for good, not for a store hiccup. */
        private static boolean forbidden(Throwable err) {
            return err instanceof Refusal r && r.kind() == Kind.FORBIDDEN;
        }
    }
}
