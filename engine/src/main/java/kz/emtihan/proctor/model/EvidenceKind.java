package kz.emtihan.proctor.model;

import java.util.Optional;

/**
 * What a proctored attempt must keep sending once it runs (issue 10, 4; docs/proctoring.md "Evidence"): camera
 * snapshots, the camera's and the screen's recording chunks, and the live socket. The server raises an
 * {@code evidence-missing} flag naming the kind when it stops.
 */
public enum EvidenceKind {
    SNAPSHOTS("snapshots"),
    CAMERA_RECORDING("camera-recording"),
    SCREEN_RECORDING("screen-recording"),
    SOCKET("socket");

    private final String code;

    EvidenceKind(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static Optional<EvidenceKind> fromCode(String code) {
        for (EvidenceKind k : values()) if (k.code.equals(code)) return Optional.of(k);
        return Optional.empty();
    }

    /** The recording of a stream ({@code camera} or {@code screen}). */
    public static EvidenceKind recordingOf(String stream) {
        return stream.equals("camera") ? CAMERA_RECORDING : SCREEN_RECORDING;
    }
}
