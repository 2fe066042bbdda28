package kz.emtihan.proctor;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import kz.emtihan.auth.Caller;
import kz.emtihan.exam.AttemptFacts;
import kz.emtihan.exam.ExamKeys;
import kz.emtihan.exam.ExamRefusal;
import kz.emtihan.live.LiveHub;
import kz.emtihan.refusal.CommonRefusal;
import kz.emtihan.refusal.FieldProblem;
import kz.emtihan.refusal.Refusal;

/** What a proctor does to a running attempt (issue 4, 5): send the student a message, or end it for a violation (6.14). */
final class ProctorActions {
    private final ProctorAccess access;
    private final ProctorStore store;
    private final LiveHub live;

    ProctorActions(ProctorAccess access, ProctorStore store, LiveHub live) {
        this.access = access;
        this.store = store;
        this.live = live;
    }

    /** A message that pops up on the student's page at once. */
    Future<JsonObject> message(Caller caller, String attemptId, JsonObject body) {
        // issue 10 (3): who first, then what: a caller refused is told 403 whatever the body says
        return access.watcher(caller, attemptId).compose(a -> messageChecked(caller, a, attemptId, body));
    }

    private Future<JsonObject> messageChecked(Caller caller, AttemptFacts watched, String attemptId, JsonObject body) {
        String text = text(body, "text", 500);
        return Future.succeededFuture(watched).compose(a -> {
            if (a.status().finished()) return Future.failedFuture(Refusal.of(ExamRefusal.ATTEMPT_CLOSED));
            String at = live.serverNow().toString();
            return store.record(
                            attemptId,
                            Map.of(),
                            new JsonObject()
                                    .put("type", "message")
                                    .put("at", at)
                                    .put("by", caller.id())
                                    .put("text", text))
                    .compose(v -> live.publish(
                            ExamKeys.attemptChannel(attemptId),
                            new JsonObject()
                                    .put("type", "proctor-message")
                                    .put("attemptId", attemptId)
                                    .put("text", text)
                                    .put("at", at)))
                    .map(v -> new JsonObject().put("sent", true).put("at", at));
        });
    }

    /**
     * 6.14: on a breach the student's access is stopped and recorded as an unexcused absence. The attempt closes at
     * once (its page is told through attempt-closed) and is graded as zero; the reason is in the audit trail.
     */
    Future<JsonObject> terminate(Caller caller, String attemptId, JsonObject body) {
        // issue 10 (3): who first, then what: a caller refused is told 403 whatever the body says
        return access.watcher(caller, attemptId).compose(a -> terminateChecked(caller, a, attemptId, body));
    }

    private Future<JsonObject> terminateChecked(
            Caller caller, AttemptFacts watched, String attemptId, JsonObject body) {
        String reason = text(body, "reason", 500);
        return Future.succeededFuture(watched)
                .compose(a -> access.attempts().terminate(attemptId, caller.id(), reason))
                .compose(result -> store.record(
                                attemptId,
                                Map.of("terminated", "1"),
                                new JsonObject()
                                        .put("type", "terminated")
                                        .put("at", live.serverNow().toString())
                                        .put("by", caller.id())
                                        .put("reason", reason))
                        .map(result));
    }

    private static String text(JsonObject body, String field, int max) {
        String t = body.getValue(field) instanceof String s ? s.trim() : "";
        if (t.isEmpty()) throw Refusal.of(CommonRefusal.BAD_FIELD, field, FieldProblem.required());
        if (t.length() > max) throw Refusal.of(CommonRefusal.BAD_FIELD, field, FieldProblem.tooLong(max));
        return t;
    }
}
