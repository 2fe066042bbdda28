package kz.emtihan.sitting.model;

import static kz.emtihan.sitting.model.StudentState.*;

import java.util.EnumSet;
import java.util.Set;
import kz.emtihan.refusal.Refusal;
import kz.emtihan.text.Text;

/**
 * 6.15-6.15.6: the one table of what may happen to a student of a sitting, and when. Every step of the exam, the act
 * of technical failure and the decision on it (6.15.2), the postponement (6.15.2-6.15.3) and the appeal
 * (6.15.4-6.15.5) is allowed or refused here, from the student's {@link StudentState}, the {@link StudentStep} and a
 * few facts of the sitting ({@link Context}); services only translate. Pure: no clock, no store, no JSON.
 * <p>
 * The main line (6.15.6): admit → identity → room → draw → start-preparation → end-preparation (or the 20 minutes) →
 * end-answer (or the 15 minutes) → a score from every member → the chair's confirmation, which publishes the result.
 * A thesis defence (6.15.1) draws no ticket: room → start-preparation (the time to set up the presentation, which the
 * secretary may end at once) → the answer (the presentation and the commission's questions) → scores → confirmation.
 * The steps of the exam are taken on the sitting's day only (6.15.6; an administrator may reschedule it).
 * Beside it:
 * <ul>
 *   <li>The secretary or the chair removes a student for a breach of etiquette (6.14) at any step before a result:
 *       {@link StudentState#REMOVED}, an unexcused absence (F); nothing more happens to the student there.</li>
 *   <li>An act (6.15.2) stops an exam under way, from admission to the answer (never a finished answer or a published
 *       result); the members vote; the decision gives another time ({@link StudentState#NEW_TIME}, which resumes at
 *       the first check not yet done, then at the draw or, with a kept ticket, at the preparation) or refuses.</li>
 *   <li>A postponement (6.15.2-6.15.3) is applied for before the draw or after a failure, one awaiting at a time;
 *       allowed, the student takes no more steps in this sitting (a later sitting carries them); a refusal changes
 *       nothing. A student absent for a valid reason may apply after the sitting closed too (6.15.3).</li>
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
     * @param onTheDay        the server's instant falls on the sitting's day in its zone (6.15.6)
     * @param defence         the sitting is a thesis defence: no ticket is drawn (6.15.1)
     * @param lateApplication an absent student may still apply after the sitting closed: the last day a postponement
     *                        could run to has not passed (6.15.3)
     */
    public record Context(
            boolean sittingClosed,
            boolean identified,
            boolean roomChecked,
            boolean ticketHeld,
            boolean allScored,
            boolean applicationOpen,
            boolean appealInTime,
            boolean onTheDay,
            boolean defence,
            boolean lateApplication) {
        /** A comprehensive exam on its day, without a late application. */
        public Context(
                boolean sittingClosed,
                boolean identified,
                boolean roomChecked,
                boolean ticketHeld,
                boolean allScored,
                boolean applicationOpen,
                boolean appealInTime) {
            this(
                    sittingClosed,
                    identified,
                    roomChecked,
                    ticketHeld,
                    allScored,
                    applicationOpen,
                    appealInTime,
                    true,
                    false,
                    false);
        }
    }

    /** What a step leads to: the next state, or a refusal with its code (409 in the API) and the reason. */
    public sealed interface Outcome permits To, Refused {
        default boolean allowed() {
            return this instanceof To;
        }
    }

    public record To(StudentState state) implements Outcome {}

    /** A refusal: its declared code and the rule of 6.15-6.15.6 it applies, in words ({@link SittingWords}). */
    public record Refused(SittingRefusal refusal, Text rule) implements Outcome {
        static Refused order(StudentState state, String rule) {
            return new Refused(SittingRefusal.WRONG_ORDER, SittingWords.rule(rule));
        }

        /** The kebab-case code the API sends. */
        public String code() {
            return refusal.code();
        }

        /**
         * The refusal of {@code step} for a student in {@code state}; {@code appealDeadline} is named when the 48 hours
         * to appeal have ended (6.15.4).
         */
        public Refusal toRefusal(StudentStep step, StudentState state, Object appealDeadline) {
            return switch (refusal) {
                case WRONG_ORDER -> Refusal.of(refusal, SittingWords.step(step), SittingWords.state(state), rule);
                case ALREADY, BAD_STEP, APPLICATION_LATE -> Refusal.of(refusal, rule);
                case APPEAL_LATE -> Refusal.of(refusal, appealDeadline);
                default -> Refusal.of(refusal);
            };
        }
    }

    /** States from which the student may apply to postpone, and the chair allow it: nothing under way (6.15.2-6.15.3). */
    private static final Set<StudentState> POSTPONABLE =
            EnumSet.of(WAITING, ADMITTED, IDENTIFIED, CHECKED, NEW_TIME, REFUSED);
    /** States in which an exam is under way, so a failure may stop it (6.15.2). */
    private static final Set<StudentState> UNDER_WAY =
            EnumSet.of(ADMITTED, IDENTIFIED, CHECKED, DRAWN, PREPARATION, ANSWER, NEW_TIME);

    /** States from which the secretary or the chair may remove a student for a violation: before a result (6.14). */
    private static final Set<StudentState> REMOVABLE = EnumSet.of(
            WAITING,
            ADMITTED,
            IDENTIFIED,
            CHECKED,
            DRAWN,
            PREPARATION,
            ANSWER,
            ANSWERED,
            SCORED,
            TECHNICAL_FAILURE,
            NEW_TIME);

    /** The transition: {@code state} after {@code step}, or why not. */
    public static Outcome next(StudentState state, StudentStep step, Context c) {
        if (step == StudentStep.APPLY_POSTPONEMENT && c.sittingClosed()) {
            // 6.15.3: a student absent for a valid reason applies after the sitting too, until the last day a
            // postponement could run to; a student who took part has nothing left to postpone
            if (!c.lateApplication())
                return new Refused(SittingRefusal.APPLICATION_LATE, SittingWords.rule("application-late"));
            if (state != WAITING && state != POSTPONED && !c.applicationOpen())
                return new Refused(SittingRefusal.APPLICATION_LATE, SittingWords.rule("absent-applies-after"));
        } else if (step.duringTheSitting() && c.sittingClosed())
            return new Refused(SittingRefusal.SITTING_CLOSED, SittingWords.rule("sitting-closed"));
        if (step.onTheDay() && !c.onTheDay())
            return new Refused(SittingRefusal.NOT_SITTING_DAY, SittingWords.rule("sitting-day"));
        return switch (step) {
            case ADMIT -> state == WAITING ? to(ADMITTED) : Refused.order(state, "admit-once");
            case IDENTITY_PHOTO ->
                state == WAITING || state == ADMITTED || state == NEW_TIME && !c.identified()
                        ? to(state)
                        : already(state, "identity-photos-kept");
            case IDENTIFY ->
                state == ADMITTED || state == NEW_TIME && !c.identified()
                        ? to(IDENTIFIED)
                        : Refused.order(state, "identity-after-admission");
            case ROOM_PHOTO ->
                state == WAITING || state == ADMITTED || state == IDENTIFIED || state == NEW_TIME && !c.roomChecked()
                        ? to(state)
                        : already(state, "room-photos-kept");
            case CHECK_ROOM ->
                state == IDENTIFIED
                        ? to(CHECKED)
                        : state == NEW_TIME && c.identified() && !c.roomChecked()
                                ? to(CHECKED)
                                : Refused.order(state, "room-after-identity");
            case DRAW ->
                c.defence()
                        ? Refused.order(state, "defence-no-ticket") // 6.15.1
                        : state == CHECKED || state == NEW_TIME && c.roomChecked() && !c.ticketHeld()
                                ? to(DRAWN)
                                : Refused.order(state, "draw-after-room");
            case START_PREPARATION ->
                state == DRAWN
                                || c.defence() && state == CHECKED
                                || state == NEW_TIME && c.roomChecked() && (c.ticketHeld() || c.defence())
                        ? to(PREPARATION)
                        : Refused.order(state, c.defence() ? "preparation-after-room" : "preparation-after-draw");
            case END_PREPARATION ->
                state == PREPARATION ? to(ANSWER) : Refused.order(state, "only-running-preparation");
            case END_ANSWER -> state == ANSWER ? to(ANSWERED) : Refused.order(state, "only-running-answer");
            case SCORE ->
                state == ANSWERED || state == SCORED && !c.allScored()
                        ? to(SCORED)
                        : state == SCORED
                                ? Refused.order(state, "scores-sealed")
                                : Refused.order(state, "score-after-answer");
            case CONFIRM ->
                state == SCORED && c.allScored()
                        ? to(GRADED)
                        : state == SCORED || state == ANSWERED
                                ? Refused.order(state, "confirm-when-all-scored")
                                : Refused.order(state, "confirm-once");
            case REMOVE -> REMOVABLE.contains(state) ? to(REMOVED) : Refused.order(state, "remove-before-result");
            case ACT -> UNDER_WAY.contains(state) ? to(TECHNICAL_FAILURE) : Refused.order(state, "act-under-way");
            case VOTE -> state == TECHNICAL_FAILURE ? to(TECHNICAL_FAILURE) : Refused.order(state, "no-act-awaiting");
            case ANOTHER_TIME -> state == TECHNICAL_FAILURE ? to(NEW_TIME) : Refused.order(state, "no-act-awaiting");
            case NO_OTHER_TIME -> state == TECHNICAL_FAILURE ? to(REFUSED) : Refused.order(state, "no-act-awaiting");
            case APPLY_POSTPONEMENT ->
                state == POSTPONED
                        ? already(state, "postponement-allowed")
                        : c.applicationOpen()
                                ? already(state, "application-awaiting")
                                : POSTPONABLE.contains(state)
                                        ? to(state)
                                        : Refused.order(state, "postpone-before-draw");
            case ALLOW_POSTPONEMENT ->
                !c.applicationOpen()
                        ? Refused.order(state, "no-application")
                        : POSTPONABLE.contains(state) ? to(POSTPONED) : Refused.order(state, "cannot-postpone-now");
            case REFUSE_POSTPONEMENT -> c.applicationOpen() ? to(state) : Refused.order(state, "no-application");
            case APPEAL ->
                !c.sittingClosed()
                        ? new Refused(SittingRefusal.SITTING_OPEN, SittingWords.rule("appeal-after-sitting"))
                        : !c.appealInTime()
                                ? new Refused(SittingRefusal.APPEAL_LATE, SittingWords.rule("appeal-in-48-hours"))
                                : state == GRADED
                                        ? to(APPEALED)
                                        : state.published()
                                                ? already(state, "one-appeal")
                                                : Refused.order(state, "appeal-against-result");
            case APPEAL_MEETING -> state == APPEALED ? to(APPEAL_HEARD) : Refused.order(state, "appeal-meeting-once");
            case APPEAL_DECISION ->
                state == APPEAL_HEARD ? to(APPEAL_DECIDED) : Refused.order(state, "appeal-decision-after-meeting");
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

    private static Refused already(StudentState state, String rule) {
        return new Refused(SittingRefusal.ALREADY, SittingWords.rule(rule));
    }
}
