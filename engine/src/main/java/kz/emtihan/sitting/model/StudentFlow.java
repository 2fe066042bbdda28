package kz.emtihan.sitting.model;

import static kz.emtihan.sitting.model.StudentState.*;

import java.util.EnumSet;
import java.util.Set;

/**
 * 6.15-6.15.6: the one table of what may happen to a student of a sitting, and when. Every step of the exam, the act
 * of technical failure and the decision on it (6.15.2), the postponement (6.15.2-6.15.3) and the appeal
 * (6.15.4-6.15.5) is allowed or refused here, from the student's {@link StudentState}, the {@link StudentStep} and a
 * few facts of the sitting ({@link Context}); services only translate. Pure: no clock, no store, no JSON.
 * <p>
 * The main line (6.15.6): admit → identity → room → draw → start-preparation → end-preparation (or the 20 minutes) →
 * end-answer (or the 15 minutes) → a score from every member → the chair's confirmation, which publishes the result.
 * Beside it:
 * <ul>
 *   <li>An act (6.15.2) stops an exam under way, from admission to the answer (never a finished answer or a published
 *       result); the members vote; the decision gives another time ({@link StudentState#NEW_TIME}, which resumes at
 *       the first check not yet done, then at the draw or, with a kept ticket, at the preparation) or refuses.</li>
 *   <li>A postponement (6.15.2-6.15.3) is applied for before the draw or after a failure, one awaiting at a time;
 *       allowed, the student takes no more steps in this sitting; a refusal changes nothing.</li>
 *   <li>An appeal (6.15.4-6.15.5) is against a published result, once the sitting is closed and within 48 hours, one
 *       per student: the appeal commission meets, then decides.</li>
 *   <li>Closing the sitting ends every step of the exam itself; the commission's decisions on acts and applications,
 *       and the appeals, go on.</li>
 * </ul>
 */
public final class StudentFlow {
    private StudentFlow() {}

    /**
     * The facts of the sitting a step depends on besides the state.
     *
     * @param sittingClosed   the secretary or the chair has closed the sitting
     * @param identified      the identity check is recorded (it stays through a new time)
     * @param roomChecked     the desk and room check is recorded (it stays through a new time)
     * @param ticketHeld      the student holds a drawn ticket (kept through a new time when its questions were unseen)
     * @param allScored       every commission member has scored the student
     * @param applicationOpen the student's application to postpone awaits the chair
     * @param appealInTime    the 48 hours to appeal since the sitting closed still run
     */
    public record Context(
            boolean sittingClosed,
            boolean identified,
            boolean roomChecked,
            boolean ticketHeld,
            boolean allScored,
            boolean applicationOpen,
            boolean appealInTime) {}

    /** What a step leads to: the next state, or a refusal with its code (409 in the API) and the reason. */
    public sealed interface Outcome permits To, Refused {
        default boolean allowed() {
            return this instanceof To;
        }
    }

    public record To(StudentState state) implements Outcome {}

    public record Refused(String code, String reason) implements Outcome {
        static Refused order(StudentState state, String why) {
            return new Refused("wrong-order", why + " (the student is " + state.code() + ")");
        }
    }

    /** States from which the student may apply to postpone, and the chair allow it: nothing under way (6.15.2-6.15.3). */
    private static final Set<StudentState> POSTPONABLE =
            EnumSet.of(WAITING, ADMITTED, IDENTIFIED, CHECKED, NEW_TIME, REFUSED);
    /** States in which an exam is under way, so a failure may stop it (6.15.2). */
    private static final Set<StudentState> UNDER_WAY =
            EnumSet.of(ADMITTED, IDENTIFIED, CHECKED, DRAWN, PREPARATION, ANSWER, NEW_TIME);

    /** The transition: {@code state} after {@code step}, or why not. */
    public static Outcome next(StudentState state, StudentStep step, Context c) {
        if (step.duringTheSitting() && c.sittingClosed()) return new Refused("sitting-closed", "the sitting is closed");
        return switch (step) {
            case ADMIT ->
                state == WAITING
                        ? to(ADMITTED)
                        : Refused.order(state, "the student is admitted once, from the waiting room");
            case IDENTITY_PHOTO ->
                state == WAITING || state == ADMITTED || state == NEW_TIME && !c.identified()
                        ? to(state)
                        : already(state, "the identity check is done; its photos are kept as they were");
            case IDENTIFY ->
                state == ADMITTED || state == NEW_TIME && !c.identified()
                        ? to(IDENTIFIED)
                        : Refused.order(state, "the identity is checked after admission, once");
            case ROOM_PHOTO ->
                state == WAITING || state == ADMITTED || state == IDENTIFIED || state == NEW_TIME && !c.roomChecked()
                        ? to(state)
                        : already(state, "the room check is done; its photos are kept as they were");
            case CHECK_ROOM ->
                state == IDENTIFIED
                        ? to(CHECKED)
                        : state == NEW_TIME && c.identified() && !c.roomChecked()
                                ? to(CHECKED)
                                : Refused.order(state, "the desk and room are checked after the identity, once");
            case DRAW ->
                state == CHECKED || state == NEW_TIME && c.roomChecked() && !c.ticketHeld()
                        ? to(DRAWN)
                        : Refused.order(state, "the ticket is drawn after the desk and room check, once");
            case START_PREPARATION ->
                state == DRAWN || state == NEW_TIME && c.roomChecked() && c.ticketHeld()
                        ? to(PREPARATION)
                        : Refused.order(state, "the preparation starts once the ticket is drawn");
            case END_PREPARATION ->
                state == PREPARATION ? to(ANSWER) : Refused.order(state, "only a running preparation ends");
            case END_ANSWER -> state == ANSWER ? to(ANSWERED) : Refused.order(state, "only a running answer ends");
            case SCORE ->
                state == ANSWERED || state == SCORED && !c.allScored()
                        ? to(SCORED)
                        : state == SCORED
                                ? Refused.order(state, "every member has scored; the scores are sealed")
                                : Refused.order(state, "a student is scored after the answer");
            case CONFIRM ->
                state == SCORED && c.allScored()
                        ? to(GRADED)
                        : state == SCORED || state == ANSWERED
                                ? Refused.order(state, "the chair confirms once every member has scored")
                                : Refused.order(state, "the chair confirms a scored answer, once");
            case ACT ->
                UNDER_WAY.contains(state)
                        ? to(TECHNICAL_FAILURE)
                        : Refused.order(
                                state,
                                "an act records a failure that stops an exam under way, not before admission or after the answer");
            case VOTE ->
                state == TECHNICAL_FAILURE
                        ? to(TECHNICAL_FAILURE)
                        : Refused.order(state, "no act awaits the commission's decision");
            case ANOTHER_TIME ->
                state == TECHNICAL_FAILURE
                        ? to(NEW_TIME)
                        : Refused.order(state, "no act awaits the commission's decision");
            case NO_OTHER_TIME ->
                state == TECHNICAL_FAILURE
                        ? to(REFUSED)
                        : Refused.order(state, "no act awaits the commission's decision");
            case APPLY_POSTPONEMENT ->
                state == POSTPONED
                        ? new Refused(
                                "already", "the postponement is allowed; apply again only after a refusal (6.15.3)")
                        : c.applicationOpen()
                                ? new Refused(
                                        "already",
                                        "an application is awaiting the chair; apply again only after a refusal (6.15.3)")
                                : POSTPONABLE.contains(state)
                                        ? to(state)
                                        : Refused.order(
                                                state,
                                                "a postponement is applied for before the draw or after a failure, not during or after the exam");
            case ALLOW_POSTPONEMENT ->
                !c.applicationOpen()
                        ? Refused.order(state, "no application awaits the chair")
                        : POSTPONABLE.contains(state)
                                ? to(POSTPONED)
                                : Refused.order(
                                        state,
                                        "the exam is under way or over: it cannot be postponed now; refuse the application");
            case REFUSE_POSTPONEMENT ->
                c.applicationOpen() ? to(state) : Refused.order(state, "no application awaits the chair");
            case APPEAL ->
                !c.sittingClosed()
                        ? new Refused("sitting-open", "an appeal is filed after the sitting")
                        : !c.appealInTime()
                                ? new Refused("appeal-late", "the 48 hours to appeal have ended (6.15.4)")
                                : state == GRADED
                                        ? to(APPEALED)
                                        : state.published()
                                                ? new Refused(
                                                        "already", "the student has appealed; one appeal per result")
                                                : Refused.order(state, "an appeal is against a published result");
            case APPEAL_MEETING ->
                state == APPEALED
                        ? to(APPEAL_HEARD)
                        : Refused.order(state, "the appeal commission meets once on a filed appeal");
            case APPEAL_DECISION ->
                state == APPEAL_HEARD
                        ? to(APPEAL_DECIDED)
                        : Refused.order(state, "the appeal commission decides after its meeting, once");
        };
    }

    /** The steps {@code state} allows now (whoever takes them). */
    public static Set<StudentStep> allowed(StudentState state, Context c) {
        Set<StudentStep> out = EnumSet.noneOf(StudentStep.class);
        for (StudentStep s : StudentStep.values()) if (next(state, s, c).allowed()) out.add(s);
        return out;
    }

    /** The steps {@code role} may take now. */
    public static Set<StudentStep> allowed(StudentState state, Context c, SittingRole role) {
        Set<StudentStep> out = allowed(state, c);
        out.removeIf(s -> !s.takenBy(role));
        return out;
    }

    private static To to(StudentState s) {
        return new To(s);
    }

    private static Refused already(StudentState state, String why) {
        return new Refused("already", why + " (the student is " + state.code() + ")");
    }
}
