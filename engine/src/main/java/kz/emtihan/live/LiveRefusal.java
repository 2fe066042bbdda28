package kz.emtihan.live;

import kz.emtihan.refusal.Kind;
import kz.emtihan.refusal.RefusalCode;

/**
 * What the live socket refuses (API.md "Live events"), sent as {@code {"type":"error","error":code,"message"}} in the
 * socket's language. Sentences: {@code refusals_<lang>.properties} in this package; a {@code reason} is a
 * {@link LiveReasons} text or another context's refusal. A refused follow is {@code forbidden}
 * ({@code CommonRefusal}), a message that is not JSON {@code bad-json}.
 */
public enum LiveRefusal implements RefusalCode {
    /** The page sent a message of a type no feature handles. */
    UNKNOWN_TYPE("unknown-type", Kind.INVALID, "type"),
    /** A live-view or room signal was not passed on. */
    SIGNAL_REFUSED("signal-refused", Kind.FORBIDDEN, "reason"),
    /** A message for the media server was not passed on. */
    MEDIA_REFUSED("media-refused", Kind.FORBIDDEN, "reason"),
    /** The page may not enter the video room. */
    ROOM_REFUSED("room-refused", Kind.FORBIDDEN, "reason"),
    /** {@code GET /api/v1/ws} without the WebSocket upgrade. */
    WEBSOCKET_REQUIRED("websocket-required", Kind.INVALID);

    private final Declared declared;

    LiveRefusal(String code, Kind kind, String... args) {
        this.declared = new Declared(code, kind, args);
    }

    @Override
    public Declared declared() {
        return declared;
    }
}
