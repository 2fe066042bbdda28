package kz.emtihan.grade.statistics;

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

    private final Declared declared;

    StatisticsRefusal(String code, Kind kind, String... args) {
        this.declared = new Declared(code, kind, args);
    }

    @Override
    public Declared declared() {
        return declared;
    }
}
