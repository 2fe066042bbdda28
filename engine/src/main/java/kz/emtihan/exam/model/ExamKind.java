package kz.emtihan.exam.model;

import java.util.Optional;

/** The kinds of control of 5.20: current control (5.20.1), midterm (5.20.2), intermediate attestation (5.20.3). */
public enum ExamKind {
    CURRENT_CONTROL("current-control"),
    MIDTERM("midterm"),
    INTERMEDIATE_ATTESTATION("intermediate-attestation");

    private final String code;

    ExamKind(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static Optional<ExamKind> fromCode(String code) {
        for (ExamKind k : values()) if (k.code.equals(code)) return Optional.of(k);
        return Optional.empty();
    }
}
