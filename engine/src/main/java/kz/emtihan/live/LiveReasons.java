package kz.emtihan.live;

import kz.emtihan.text.Text;

/**
 * Why a signal, a media message or a room was refused: the {@code reason} of a {@link LiveRefusal}, as sentences in
 * kk, ru and en ({@code reasons_<lang>.properties} in this package), for live and for the features plugged into it.
 */
public final class LiveReasons {
    static final String BUNDLE = "kz.emtihan.live.reasons";

    private LiveReasons() {}

    /** Relayed {@code data} is a JSON object of at most {@code kb} KB. */
    public static Text dataTooLarge(int kb) {
        return Text.of(BUNDLE, "data-too-large", "kb", kb);
    }

    public static Text namesNoPeer() {
        return Text.of(BUNDLE, "names-no-peer");
    }

    public static Text ownAttemptOnly() {
        return Text.of(BUNDLE, "own-attempt-only");
    }

    public static Text watchersOnly(String attemptId) {
        return Text.of(BUNDLE, "watchers-only", "attemptId", attemptId);
    }

    public static Text cannotWatch(String attemptId) {
        return Text.of(BUNDLE, "cannot-watch", "attemptId", attemptId);
    }

    public static Text joinRoomFirst() {
        return Text.of(BUNDLE, "join-room-first");
    }

    public static Text alreadyInRoom(String roomId) {
        return Text.of(BUNDLE, "already-in-room", "roomId", roomId);
    }

    public static Text notInRoom(String peer, String roomId) {
        return Text.of(BUNDLE, "not-in-room", "peer", peer, "roomId", roomId);
    }

    public static Text noMediaServer() {
        return Text.of(BUNDLE, "no-media-server");
    }

    public static Text roomIsMesh() {
        return Text.of(BUNDLE, "room-is-mesh");
    }

    public static Text noVideoRooms() {
        return Text.of(BUNDLE, "no-video-rooms");
    }

    /** A failure from elsewhere that carries no sentence of its own (a media server's error): its words as given. */
    public static Text asGiven(String detail) {
        return Text.of(BUNDLE, "as-given", "detail", detail);
    }
}
