package kz.emtihan.proctor;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import kz.emtihan.live.LiveReasons;
import kz.emtihan.live.LiveRefusal;
import kz.emtihan.live.RoomMedia;
import kz.emtihan.refusal.Refusal;

/**
 * WebRTC signalling with a media server for the live view ({@link LiveView}), when one is configured (docs/kurento.md): a student's page publishes
 * its camera and screen, a proctor's page receives them. Messages are {@code {"type":"media"|"media-view",
 * "attemptId","stream","data":{"kind":"offer","sdp"}|{"kind":"ice","candidate"}|{"kind":"stop"}}}; an offer is
 * answered with the same type and {@code {"kind":"answer","sdp"}}.
 */
interface LiveMedia {
    /** From the student's page, about its own attempt; the reply for that page, or null. */
    Future<JsonObject> fromStudent(String attemptId, JsonObject msg);

    /** From a proctor's page (already allowed to watch the attempt), whose socket is {@code peerId}; the reply, or null. */
    Future<JsonObject> fromWatcher(String attemptId, String peerId, JsonObject msg);

    /**
     * The reply to an offer has been written to the page's socket ({@code peer}: "publisher" for the student's page,
     * else the proctor's socket id): what the media server sends for that endpoint may follow it now.
     */
    default void delivered(String attemptId, String stream, String peer) {}

    /** How the sittings' video rooms carry their media: browser to browser unless a media server is configured. */
    default RoomMedia rooms() {
        return RoomMedia.MESH;
    }

    /** No media server: the browsers record by themselves and the live view is browser-to-browser. */
    LiveMedia NONE = new LiveMedia() {
        @Override
        public Future<JsonObject> fromStudent(String attemptId, JsonObject msg) {
            return Future.failedFuture(Refusal.of(LiveRefusal.MEDIA_REFUSED, LiveReasons.noMediaServer()));
        }

        @Override
        public Future<JsonObject> fromWatcher(String attemptId, String peerId, JsonObject msg) {
            return fromStudent(attemptId, msg);
        }
    };
}
