package kz.emtihan.live;

/**
 * The Redis keys and channels of the live context itself, spelled once: the rooms' member lists. Channels are spelled by {@link Topic} alone ({@code live:<topic>:<id>}). The
 * exam's and attempt's channels are the exam context's ({@code exam.ExamKeys}).
 */
public final class LiveKeys {
    private LiveKeys() {}

    /** A video room's hash of members. */
    public static String room(String roomId) {
        return "room:" + roomId;
    }
}
