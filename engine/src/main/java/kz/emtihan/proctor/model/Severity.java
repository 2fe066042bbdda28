package kz.emtihan.proctor.model;

/** How much a flag weighs against an attempt's credibility (docs/proctoring.md "Credibility"). */
public enum Severity {
    LOW("low", 2),
    MEDIUM("medium", 6),
    HIGH("high", 15);

    private final String code;
    private final int penalty;

    Severity(String code, int penalty) {
        this.code = code;
        this.penalty = penalty;
    }

    public String code() {
        return code;
    }

    /** Points one flag of this severity takes off a credibility of 100. */
    public int penalty() {
        return penalty;
    }

    public static Severity fromCode(String code) {
        for (Severity s : values()) if (s.code.equals(code)) return s;
        throw new IllegalArgumentException("unknown severity " + code);
    }
}
