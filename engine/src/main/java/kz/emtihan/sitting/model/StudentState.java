package kz.emtihan.sitting.model;

import java.util.Optional;

/**
 * 6.15-6.15.6: where one student stands in a sitting. The main line is the order of 6.15.6 (admitted → identified →
 * checked → drawn → preparation → answer → answered → scored → graded); beside it the act of technical failure and
 * the commission's decision on it (6.15.2), the postponement (6.15.2-6.15.3) and the appeal (6.15.4-6.15.5). Which
 * step leads from which state is {@link StudentFlow}'s table, nowhere else.
 */
public enum StudentState {
    /** In the waiting room, not yet admitted. */
    WAITING("waiting"),
    ADMITTED("admitted"),
    IDENTIFIED("identified"),
    /** The desk and the room are checked: the ticket may be drawn. */
    CHECKED("checked"),
    DRAWN("drawn"),
    PREPARATION("preparation"),
    ANSWER("answer"),
    /** The answer is over; the members score it. */
    ANSWERED("answered"),
    /** At least one member has scored. */
    SCORED("scored"),
    /** The chair has confirmed the result; it is published to the student. */
    GRADED("graded"),
    /** An act of technical failure awaits the commission's collegial decision (6.15.2). */
    TECHNICAL_FAILURE("technical-failure"),
    /** The commission gave another time (6.15.2): the draw again, or the preparation with the kept ticket. */
    NEW_TIME("new-time"),
    /** The commission refused another time (6.15.2). */
    REFUSED("refused"),
    /** The chair allowed the postponement (6.15.2-6.15.3): "I" until its deadline; no more steps in this sitting. */
    POSTPONED("postponed"),
    /** 6.14: removed from the sitting for a violation: an unexcused absence, graded F; no more steps here. */
    REMOVED("removed"),
    /** The student appealed against the result (6.15.4). */
    APPEALED("appealed"),
    /** The appeal commission has met (6.15.5). */
    APPEAL_HEARD("appeal-heard"),
    /** The appeal commission has decided (6.15.5); the student sees the grade it kept or gave. */
    APPEAL_DECIDED("appeal-decided");

    private final String code;

    StudentState(String code) {
        this.code = code;
    }

    /** The word stored in the sitting's document ({@code status}) and shown by the pages. */
    public String code() {
        return code;
    }

    /** The state named by {@code code}; "done" is how documents before issue 10 named {@link #ANSWERED}. */
    public static Optional<StudentState> ofCode(String code) {
        if ("done".equals(code)) return Optional.of(ANSWERED);
        for (StudentState s : values()) if (s.code.equals(code)) return Optional.of(s);
        return Optional.empty();
    }

    /** Whether a result has been published (a graded student, through and after the appeal). */
    public boolean published() {
        return this == GRADED || this == APPEALED || this == APPEAL_HEARD || this == APPEAL_DECIDED;
    }

    /**
     * The state at an instant when the server's clock (PhaseClock) says the phase is {@code clockPhase}: preparation
     * turns into the answer at its 20 minutes, the answer into answered at its 15, by themselves (6.15.6).
     */
    public StudentState onClock(Phase clockPhase) {
        if (this == PREPARATION && clockPhase == Phase.ANSWER) return ANSWER;
        if ((this == PREPARATION || this == ANSWER) && clockPhase == Phase.DONE) return ANSWERED;
        return this;
    }
}
