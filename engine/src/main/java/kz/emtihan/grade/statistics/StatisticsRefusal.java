package kz.emtihan.grade.statistics;

import java.util.List;
import kz.emtihan.refusal.Kind;
import kz.emtihan.refusal.RefusalCode;

/** Item statistics' refusals (issue 12, 6). Sentences: {@code refusals_<lang>.properties} in this package. */
public enum StatisticsRefusal implements RefusalCode {
    /** No attempt of the exam is finished (or every finished one was terminated): there is nothing to measure. */
    NO_FINISHED_ATTEMPTS("no-finished-attempts", Kind.CONFLICT),
    /** An accept named no question. */
    NO_QUESTIONS_CHOSEN("no-questions-chosen", Kind.INVALID),
    /** An accept named a question the statistics propose no new class for (any more). */
    NOT_PROPOSED("not-proposed", Kind.CONFLICT, "question");

    private final String code;
    private final Kind kind;
    private final List<String> args;

    StatisticsRefusal(String code, Kind kind, String... args) {
        this.code = code;
        this.kind = kind;
        this.args = List.of(args);
    }

    @Override
    public String code() {
        return code;
    }

    @Override
    public Kind kind() {
        return kind;
    }

    @Override
    public List<String> args() {
        return args;
    }
}
