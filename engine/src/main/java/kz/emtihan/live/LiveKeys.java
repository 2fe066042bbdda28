package kz.emtihan.live;

/**
 * The Redis keys and channels of the live context itself, spelled once: the rooms and one socket's own channel. The
 * exam's and attempt's channels are the exam context's ({@code exam.ExamKeys}).
 */
public final class LiveKeys {
    private LiveKeys() {}

    /** One socket's own channel: signalling meant for exactly that page (a proctor's live view). */
    public static String peerChannel(String peerId) {
        return "live:peer:" + peerId;
    }

    /** A video room's hash of members. */
    public static String room(String roomId) {
        return "room:" + roomId;
    }

    /** A video room's channel: members joining and leaving. */
    public static String roomChannel(String roomId) {
        return "live:room:" + roomId;
    }
}
