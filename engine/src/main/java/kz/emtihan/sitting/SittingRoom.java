package kz.emtihan.sitting;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Optional;
import kz.emtihan.auth.Caller;
import kz.emtihan.live.RoomAccess;
import kz.emtihan.sitting.model.Recording;
import org.slf4j.LoggerFactory;

/**
 * Who sits in a sitting's own video room (issue 5, 1; 6.15.1): the commission and its secretary for the whole
 * sitting, and a student only from admission out of the waiting room (6.15.6) until the result is published or the
 * exam is postponed, so the next student waits outside. A sitting that names an external platform has no room here.
 */
final class SittingRoom implements RoomAccess {
    private static final List<String> COMMISSION = List.of("secretary", "chair", "member");
    private final Sittings sittings;

    SittingRoom(Sittings sittings) {
        this.sittings = sittings;
    }

    @Override
    public Future<JsonObject> admit(Caller caller, String sittingId) {
        return sittings.store().get(sittingId).compose(doc -> {
            String refusal = refusal(doc, caller.id());
            if (refusal != null) return Future.failedFuture(new IllegalStateException(refusal));
            return Future.succeededFuture(new JsonObject()
                    .put("role", SittingView.roleOf(doc, caller.id()))
                    .put("name", caller.name()));
        });
    }

    /**
     * With a media server the sitting is recorded: who was recorded where and from when goes into the sitting
     * ({@code recordings}, for the commission and an appeal; students do not see it).
     */
    @Override
    public void recorded(String sittingId, JsonObject member, String uri) {
        Recording r = new Recording(
                member.getString("userId", ""),
                member.getString("role", ""),
                member.getString("peer", ""),
                uri,
                Optional.of(sittings.live().serverNow()));
        sittings.apply(sittingId, "recording", sitting -> sitting.recorded(r))
                .onFailure(err -> LoggerFactory.getLogger(SittingRoom.class)
                        .warn("sitting {}: the recording at {} is not noted: {}", sittingId, uri, err.getMessage()));
    }

    /** Why the user may not enter the sitting's room now, or null. */
    static String refusal(JsonObject doc, String userId) {
        if (!doc.getString("videoLink", "").isEmpty())
            return "this sitting meets on the external platform " + doc.getString("videoLink");
        if (doc.getString("endedAt") != null) return "the sitting is closed";
        String role = SittingView.roleOf(doc, userId);
        if (role != null && COMMISSION.contains(role)) return null; // List.of refuses to look for null
        if (!"student".equals(role)) return "only the commission and the student being examined sit in the room";
        JsonObject p = SittingJson.progress(doc.copy(), userId);
        if (p.getString("admittedAt") == null) return "the secretary has not admitted you from the waiting room yet";
        if (p.getString("publishedAt") != null || "postponed".equals(p.getString("status")))
            return "your exam in this sitting is over";
        return null;
    }
}
