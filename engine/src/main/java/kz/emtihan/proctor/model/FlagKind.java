package kz.emtihan.proctor.model;

import java.util.Optional;

/** What a flag says happened (API.md "Proctoring": flag kinds), and how grave it is by default. */
public enum FlagKind {
    NO_FACE("no-face", Severity.MEDIUM, false),
    MULTIPLE_FACES("multiple-faces", Severity.HIGH, false),
    FACE_MISMATCH("face-mismatch", Severity.HIGH, false),
    TAB_HIDDEN("tab-hidden", Severity.MEDIUM, true),
    WINDOW_BLUR("window-blur", Severity.LOW, true),
    FULLSCREEN_EXIT("fullscreen-exit", Severity.MEDIUM, true),
    COPY("copy", Severity.LOW, true),
    PASTE("paste", Severity.MEDIUM, true),
    SCREEN_SHARE_ENDED("screen-share-ended", Severity.HIGH, true),
    CAMERA_ENDED("camera-ended", Severity.HIGH, true),
    DISCONNECTED("disconnected", Severity.LOW, false),
    STORAGE_FULL("storage-full", Severity.LOW, false),
    /** The server saw snapshots, recording chunks or the live socket stop (issue 10, 4): which one is the flag's {@code missing}. */
    EVIDENCE_MISSING("evidence-missing", Severity.HIGH, false);

    private final String code;
    private final Severity severity;
    private final boolean pageReported;

    FlagKind(String code, Severity severity, boolean pageReported) {
        this.code = code;
        this.severity = severity;
        this.pageReported = pageReported;
    }

    public String code() {
        return code;
    }

    public Severity severity() {
        return severity;
    }

    /** True for the kinds the student's page reports through {@code POST /attempts/{id}/events}. */
    public boolean pageReported() {
        return pageReported;
    }

    public static Optional<FlagKind> fromCode(String code) {
        for (FlagKind k : values()) if (k.code.equals(code)) return Optional.of(k);
        return Optional.empty();
    }
}
