package kz.emtihan.sitting.documents;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import kz.emtihan.sitting.model.FailureDecision;
import kz.emtihan.sitting.model.Phase;
import kz.emtihan.sitting.model.StudentState;

/**
 * How one student's exam went, for the protocol (6.15.2-6.15.6): the state reached, the times of each attempt, every
 * ticket draw (a draw after an act is a redraw), the acts with their decisions, the postponements and the appeal with
 * its change beside the commission's grade.
 *
 * @param state    where the student stands; empty for a state the engine does not know
 * @param attempts the times of each attempt, the earliest first; an attempt stopped by an act names it
 * @param draws    the student's ticket draws in order
 * @param acts     the acts of technical failure drawn up for the student
 * @param postponements the student's applications to postpone and the chair's decisions
 * @param appeal   the appeal and its decision, if the student appealed
 * @param removal  the removal for a violation (6.14), if the student was removed
 * @param carriedFrom the earlier sitting whose postponement brought the student here (6.15.2-6.15.3)
 * @param clearedBy the later sitting whose result cleared this sitting's "I" (6.15.3)
 */
public record ProtocolCourse(
        Optional<StudentState> state,
        List<Times> attempts,
        List<DrawLine> draws,
        List<ActLine> acts,
        List<PostponementLine> postponements,
        Optional<AppealLine> appeal,
        Optional<RemovalLine> removal,
        Optional<SittingRef> carriedFrom,
        Optional<ClearedLine> clearedBy) {

    /** A course with no removal and no carry. */
    public ProtocolCourse(
            Optional<StudentState> state,
            List<Times> attempts,
            List<DrawLine> draws,
            List<ActLine> acts,
            List<PostponementLine> postponements,
            Optional<AppealLine> appeal) {
        this(state, attempts, draws, acts, postponements, appeal, Optional.empty(), Optional.empty(), Optional.empty());
    }

    public ProtocolCourse {
        Check.present("state", state);
        attempts = List.copyOf(Check.present("attempts", attempts));
        draws = List.copyOf(Check.present("draws", draws));
        acts = List.copyOf(Check.present("acts", acts));
        postponements = List.copyOf(Check.present("postponements", postponements));
        Check.present("appeal", appeal);
        Check.present("removal", removal);
        Check.present("carriedFrom", carriedFrom);
        Check.present("clearedBy", clearedBy);
    }

    /** This course with its removal and carries. */
    public ProtocolCourse with(
            Optional<RemovalLine> removal, Optional<SittingRef> carriedFrom, Optional<ClearedLine> clearedBy) {
        return new ProtocolCourse(state, attempts, draws, acts, postponements, appeal, removal, carriedFrom, clearedBy);
    }

    /**
     * 6.14: who removed the student for a violation, when and why; recorded as an unexcused absence, graded F.
     *
     * @param by the name of the secretary or chair who removed the student
     */
    public record RemovalLine(String by, Instant at, String reason) {
        public RemovalLine {
            by = Check.text("removal.by", by);
            Check.present("removal.at", at);
            reason = Check.text("removal.reason", reason);
        }
    }

    /**
     * Another sitting as a protocol names it: its title and day (the day is missing when it could not be read).
     */
    public record SittingRef(String title, Optional<LocalDate> date) {
        public SittingRef {
            title = Check.text("sitting.title", title);
            Check.present("sitting.date", date);
        }
    }

    /**
     * 6.15.3: the later sitting's result that replaced the "I" given here.
     *
     * @param grade the result as printed ("B 80")
     */
    public record ClearedLine(SittingRef sitting, String grade, Instant published) {
        public ClearedLine {
            Check.present("clearedBy.sitting", sitting);
            grade = Check.text("clearedBy.grade", grade);
            Check.present("clearedBy.published", published);
        }
    }

    /** Nothing known beyond the row. */
    public static ProtocolCourse none() {
        return new ProtocolCourse(Optional.empty(), List.of(), List.of(), List.of(), List.of(), Optional.empty());
    }

    /**
     * The times of one attempt (6.15.6): admission, draw, preparation start, answer start (the preparation's end), answer
     * end, the chair's confirmation.
     *
     * @param stoppedByAct the number of the act that stopped this attempt, if one did
     */
    public record Times(
            Optional<Integer> stoppedByAct,
            Optional<Instant> admitted,
            Optional<Instant> drawn,
            Optional<Instant> preparationStarted,
            Optional<Instant> answerStarted,
            Optional<Instant> answerEnded,
            Optional<Instant> confirmed) {}

    /**
     * One ticket draw.
     *
     * @param afterAct for a redraw, the number of the act after which the ticket was drawn again
     */
    public record DrawLine(int drawNumber, int ticket, Optional<Instant> at, Optional<Integer> afterAct) {}

    /** One act of technical failure (6.15.2) with the collegial decision and the new time, once there are. */
    public record ActLine(
            int number,
            Instant at,
            Phase stage,
            Optional<Integer> ticket,
            Optional<FailureDecision.Choice> decision,
            Optional<Instant> newTime) {}

    /**
     * An application to postpone (6.15.2-6.15.3).
     *
     * @param allowed      empty while it awaits the chair
     * @param incompleteUntil with an allowed one, the day "I" turns into "F"
     */
    public record PostponementLine(
            Optional<Instant> applied,
            Optional<Boolean> allowed,
            Optional<Instant> decided,
            Optional<Instant> incompleteUntil) {}

    /**
     * The appeal (6.15.4-6.15.5), printed beside the commission's grade, never in its place.
     *
     * @param decision {@value AppealDecisionDocument#KEPT} or {@value AppealDecisionDocument#CHANGED}; empty while
     *                 undecided
     * @param grade    the grade after the appeal as printed ("A- 90"), with a decision
     */
    public record AppealLine(
            Instant filed, Optional<String> decision, Optional<String> grade, Optional<Instant> decided) {}
}
