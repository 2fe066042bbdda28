package kz.emtihan.live;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

/**
 * How the video rooms' media flows (issue 5, 1: "browser-to-browser WebRTC room ... Kurento when configured").
 * Without a media server every pair of pages connects directly and the engine only relays their signals
 * ({@link #MESH}); with one, each member publishes its camera and microphone to the server once and receives every
 * other member's from it ({@code room-media} messages, docs/kurento.md "Video room").
 */
public interface RoomMedia {
    /** What {@code room-joined} tells the pages: {@code "mesh"} or {@code "kurento"}. */
    String kind();

    /**
     * A member's {@code room-media} {@code data} about {@code stream} (its own peer id: publish; another member's:
     * view); the reply for that member's page, or null.
     */
    Future<JsonObject> fromMember(String roomId, String self, String stream, JsonObject data);

    /** The reply to {@code self}'s offer about {@code stream} is on its page: the server's candidates may follow. */
    default void delivered(String roomId, String self, String stream) {}

    /** Where the media server records what {@code peer} publishes in the room, once it publishes; else empty. */
    default java.util.Optional<String> recordingOf(String roomId, String peer) {
        return java.util.Optional.empty();
    }

    /** {@code peer} left the room; {@code empty}: nobody is left in it (its media is released). */
    default void left(String roomId, String peer, boolean empty) {}

    /** The channel every member of the room follows. */
    static String channel(String roomId) {
        return LiveKeys.roomChannel(roomId);
    }

    /** No media server: the pages connect to each other ({@code room-signal}). */
    RoomMedia MESH = new RoomMedia() {
        @Override
        public String kind() {
            return "mesh";
        }

        @Override
        public Future<JsonObject> fromMember(String roomId, String self, String stream, JsonObject data) {
            return Future.failedFuture(
                    new IllegalStateException("no media server is configured: the room is browser-to-browser"));
        }
    };
}
