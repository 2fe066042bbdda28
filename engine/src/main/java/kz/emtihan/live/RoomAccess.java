package kz.emtihan.live;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import kz.emtihan.auth.Caller;

/**
 * Who may sit in a video room, decided by the context that owns the room (a sitting, issue 5): the answer is what
 * the other members see of the newcomer ({@code {"role", "name"}}); a refusal fails the future with the reason.
 */
public interface RoomAccess {
    Future<JsonObject> admit(Caller caller, String roomId);

    /**
     * The media server records what {@code member} ({@code {peer, userId, name, role}}) sends in the room at {@code uri}
     * (issue 5: with Kurento the sitting is recorded); the owner may keep that, so the recording can be found later.
     */
    default void recorded(String roomId, JsonObject member, String uri) {}

    RoomAccess NONE = (caller, roomId) ->
            Future.failedFuture(kz.emtihan.refusal.Refusal.of(LiveRefusal.ROOM_REFUSED, LiveReasons.noVideoRooms()));
}
