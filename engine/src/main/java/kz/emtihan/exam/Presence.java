package kz.emtihan.exam;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import kz.emtihan.live.LiveHub;
import kz.emtihan.live.LiveSocket;

/**
 * Whether a student's exam page is connected: {@code exam:<id>:presence} holds {@code 1|lastSeenMillis}
 * while a socket is open (refreshed with every {@code time} tick) and {@code 0|leftMillis} after it
 * closes. A node that dies stops refreshing, so readers treat a stale {@code 1} as disconnected.
 */
public final class Presence {
    /** A {@code 1} older than this is a dead node's leftover. */
    public static final long STALE_MILLIS = 3 * LiveSocket.TIME_EVERY_MILLIS;

    private final Redis redis;
    private final LiveHub hub;

    public Presence(Redis redis, LiveHub hub) {
        this.redis = redis;
        this.hub = hub;
    }

    Future<Void> joined(String examId, String studentId, String attemptId) {
        return mark(examId, studentId, true)
                .compose(v -> hub.publish(ExamFeed.TOPIC.channel(examId), event(examId, studentId, attemptId, true)));
    }

    void left(String examId, String studentId, String attemptId) {
        mark(examId, studentId, false)
                .compose(v -> hub.publish(ExamFeed.TOPIC.channel(examId), event(examId, studentId, attemptId, false)));
    }

    Future<Void> seen(String examId, String studentId) {
        return mark(examId, studentId, true);
    }

    private Future<Void> mark(String examId, String studentId, boolean connected) {
        String value = (connected ? "1|" : "0|") + hub.serverNow().toEpochMilli();
        return redis.send(Request.cmd(Command.HSET)
                        .arg(ExamKeys.presence(examId))
                        .arg(studentId)
                        .arg(value))
                .mapEmpty();
    }

    /** Reads a stored presence value: connected, and when last seen (millis, 0 if never). */
    public static boolean connected(String value, long nowMillis) {
        return value != null && value.startsWith("1|") && nowMillis - Long.parseLong(value.substring(2)) < STALE_MILLIS;
    }

    public static long lastSeen(String value) {
        return value == null ? 0 : Long.parseLong(value.substring(2));
    }

    private JsonObject event(String examId, String studentId, String attemptId, boolean connected) {
        return new JsonObject()
                .put("type", "presence")
                .put("examId", examId)
                .put("studentId", studentId)
                .put("attemptId", attemptId)
                .put("connected", connected)
                .put("at", hub.serverNow().toEpochMilli());
    }
}
