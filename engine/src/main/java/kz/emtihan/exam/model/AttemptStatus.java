package kz.emtihan.exam.model;

import java.util.Optional;

/** An attempt's life: in progress, then submitted by the student, timed out by the server, or terminated by a proctor (6.14). */
public enum AttemptStatus {
    IN_PROGRESS("in-progress"),
    SUBMITTED("submitted"),
    TIMED_OUT("timed-out"),
    TERMINATED("terminated");

    private final String code;

    AttemptStatus(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public boolean finished() {
        return this != IN_PROGRESS;
    }

    public static Optional<AttemptStatus> fromCode(String code) {
        for (AttemptStatus s : values()) if (s.code.equals(code)) return Optional.of(s);
        return Optional.empty();
    }
}
