package kz.emtihan.live;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import kz.emtihan.auth.Caller;

/**
 * Who may sit in a video room, decided by the context that owns the room (a sitting, issue 5): the answer is what
 * the other members see of the newcomer ({@code {"role", "name"}}); a refusal fails the future with the reason.
 */
@FunctionalInterface
public interface RoomAccess {
  Future<JsonObject> admit(Caller caller, String roomId);

  RoomAccess NONE = (caller, roomId) -> Future.failedFuture(new IllegalStateException("no video rooms"));
}
