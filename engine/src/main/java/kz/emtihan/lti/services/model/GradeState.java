package kz.emtihan.lti.services.model;

import java.util.Locale;
import java.util.Optional;

/**
 * Issue 16 (3): where a student's grade stands on its way to the platform's gradebook: waiting (queued, or retrying
 * after the platform refused it), sent (the platform answered 2xx) or failed (given up; the platform's last answer
 * is kept, and the exam's owner may send it again).
 */
public enum GradeState {
    WAITING,
    SENT,
    FAILED;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<GradeState> of(String code) {
        for (GradeState s : values()) if (s.code().equals(code)) return Optional.of(s);
        return Optional.empty();
    }
}
