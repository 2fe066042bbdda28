package kz.emtihan.sitting.model;

import static kz.emtihan.sitting.model.StudentState.*;
import static kz.emtihan.sitting.model.StudentStep.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 10, 6.15-6.15.6: the whole table of a student's steps, every state × every step, written out here by hand
 * from the regulation's order, not computed from the code under test.
 */
class StudentFlowTest {
    /** The facts that go with each state in a sitting that is open, within the appeal window, no application awaiting. */
    static StudentFlow.Context typical(StudentState s) {
        boolean identified = s.ordinal() >= IDENTIFIED.ordinal() && s.ordinal() <= GRADED.ordinal() || s.published();
        boolean checked = s.ordinal() >= CHECKED.ordinal() && s.ordinal() <= GRADED.ordinal() || s.published();
        boolean ticket = s.ordinal() >= DRAWN.ordinal() && s.ordinal() <= GRADED.ordinal() || s.published();
        if (s == NEW_TIME)
            return new StudentFlow.Context(
                    false, true, true, false, false, false, true); // checked; the ticket to draw again
        return new StudentFlow.Context(false, identified, checked, ticket, false, false, true);
    }

    /** The expected table for {@link #typical} contexts: every allowed (state, step) and where it leads; all else refused. */
    static Map<StudentState, Map<StudentStep, StudentState>> expected() {
        Map<StudentState, Map<StudentStep, StudentState>> t = new EnumMap<>(StudentState.class);
        for (StudentState s : StudentState.values()) t.put(s, new EnumMap<>(StudentStep.class));
        t.get(WAITING)
                .putAll(Map.of(
                        ADMIT, ADMITTED, IDENTITY_PHOTO, WAITING, ROOM_PHOTO, WAITING, APPLY_POSTPONEMENT, WAITING));
        t.get(ADMITTED)
                .putAll(Map.of(
                        IDENTITY_PHOTO,
                        ADMITTED,
                        IDENTIFY,
                        IDENTIFIED,
                        ROOM_PHOTO,
                        ADMITTED,
                        ACT,
                        TECHNICAL_FAILURE,
                        APPLY_POSTPONEMENT,
                        ADMITTED));
        t.get(IDENTIFIED)
                .putAll(Map.of(
                        ROOM_PHOTO,
                        IDENTIFIED,
                        CHECK_ROOM,
                        CHECKED,
                        ACT,
                        TECHNICAL_FAILURE,
                        APPLY_POSTPONEMENT,
                        IDENTIFIED));
        t.get(CHECKED).putAll(Map.of(DRAW, DRAWN, ACT, TECHNICAL_FAILURE, APPLY_POSTPONEMENT, CHECKED));
        t.get(DRAWN).putAll(Map.of(START_PREPARATION, PREPARATION, ACT, TECHNICAL_FAILURE));
        t.get(PREPARATION).putAll(Map.of(END_PREPARATION, ANSWER, ACT, TECHNICAL_FAILURE));
        t.get(ANSWER).putAll(Map.of(END_ANSWER, ANSWERED, ACT, TECHNICAL_FAILURE));
        t.get(ANSWERED).putAll(Map.of(SCORE, SCORED));
        t.get(SCORED).putAll(Map.of(SCORE, SCORED)); // not all have scored yet (typical): no confirmation
        t.get(GRADED).putAll(Map.of()); // the sitting is open: no appeal yet
        t.get(TECHNICAL_FAILURE)
                .putAll(Map.of(VOTE, TECHNICAL_FAILURE, ANOTHER_TIME, NEW_TIME, NO_OTHER_TIME, REFUSED));
        // a new time after a failure once checked and with the ticket drawn again (typical: no ticket, checks done)
        t.get(NEW_TIME).putAll(Map.of(DRAW, DRAWN, ACT, TECHNICAL_FAILURE, APPLY_POSTPONEMENT, NEW_TIME));
        t.get(REFUSED).putAll(Map.of(APPLY_POSTPONEMENT, REFUSED));
        t.get(POSTPONED).putAll(Map.of());
        t.get(APPEALED).putAll(Map.of(APPEAL_MEETING, APPEAL_HEARD));
        t.get(APPEAL_HEARD).putAll(Map.of(APPEAL_DECISION, APPEAL_DECIDED));
        t.get(APPEAL_DECIDED).putAll(Map.of());
        // 6.14: the secretary or the chair removes a student at any step before a result
        for (StudentState s : List.of(
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
                NEW_TIME)) t.get(s).put(REMOVE, REMOVED);
        t.get(REMOVED).putAll(Map.of()); // nothing more happens to a removed student
        return t;
    }

    @Test
    void everyStateAndEveryStepIsAsTheTableSays() {
        List<String> wrong = new ArrayList<>();
        var table = expected();
        for (StudentState s : StudentState.values()) {
            for (StudentStep step : StudentStep.values()) {
                StudentFlow.Outcome got = StudentFlow.next(s, step, typical(s));
                StudentState want = table.get(s).get(step);
                String gotText = got instanceof StudentFlow.To to ? to.state().name() : "refused";
                String wantText = want == null ? "refused" : want.name();
                if (!gotText.equals(wantText)) wrong.add(s + " × " + step + ": " + gotText + ", expected " + wantText);
                if (got instanceof StudentFlow.Refused r) {
                    assertTrue(
                            List.of("wrong-order", "already", "sitting-open", "appeal-late", "sitting-closed")
                                    .contains(r.code()),
                            r.toString());
                    assertTrue(r.rule().key().startsWith("rule."), r.toString());
                }
            }
        }
        assertEquals(List.of(), wrong);
    }

    @Test
    void theIssuesCasesAreRefusedAsWrongOrder() { // issue 10, as reproduced on the demo
        assertEquals(
                new StudentFlow.Refused(SittingRefusal.WRONG_ORDER, SittingWords.rule("score-after-answer")),
                StudentFlow.next(DRAWN, SCORE, typical(DRAWN)),
                "no score right after the draw");
        assertEquals(
                "wrong-order",
                code(StudentFlow.next(DRAWN, CONFIRM, typical(DRAWN))),
                "no confirmation right after the draw");
        assertEquals(
                "wrong-order",
                code(StudentFlow.next(PREPARATION, SCORE, typical(PREPARATION))),
                "nor during the preparation");
        assertEquals("wrong-order", code(StudentFlow.next(ANSWER, SCORE, typical(ANSWER))), "nor during the answer");
        assertEquals(
                "wrong-order", code(StudentFlow.next(GRADED, ACT, typical(GRADED))), "no act after a published result");
        for (StudentStep phase : List.of(START_PREPARATION, END_PREPARATION, END_ANSWER)) {
            assertEquals(
                    "wrong-order",
                    code(StudentFlow.next(GRADED, phase, typical(GRADED))),
                    "no phase after a published result: " + phase);
        }
        assertEquals(
                "wrong-order",
                code(StudentFlow.next(POSTPONED, SCORE, typical(POSTPONED))),
                "a postponed student is not scored");
    }

    @Test
    void scoresAreSealedOnceAllHaveScoredAndOnlyThenConfirmed() { // 6.15.6
        var all = new StudentFlow.Context(false, true, true, true, true, false, true);
        assertEquals(new StudentFlow.To(GRADED), StudentFlow.next(SCORED, CONFIRM, all));
        assertEquals("wrong-order", code(StudentFlow.next(SCORED, SCORE, all)));
        assertEquals("wrong-order", code(StudentFlow.next(SCORED, CONFIRM, typical(SCORED))));
    }

    @Test
    void aNewTimeResumesAtTheFirstCheckNotDone() { // 6.15.2
        var notIdentified = new StudentFlow.Context(false, false, false, false, false, false, true);
        assertEquals(
                List.of(IDENTITY_PHOTO, IDENTIFY, ROOM_PHOTO, REMOVE, ACT, APPLY_POSTPONEMENT),
                List.copyOf(StudentFlow.allowed(NEW_TIME, notIdentified)));
        var identified = new StudentFlow.Context(false, true, false, false, false, false, true);
        assertEquals(
                List.of(ROOM_PHOTO, CHECK_ROOM, REMOVE, ACT, APPLY_POSTPONEMENT),
                List.copyOf(StudentFlow.allowed(NEW_TIME, identified)));
        var ticketKept = new StudentFlow.Context(false, true, true, true, false, false, true);
        assertEquals(
                List.of(START_PREPARATION, REMOVE, ACT, APPLY_POSTPONEMENT),
                List.copyOf(StudentFlow.allowed(NEW_TIME, ticketKept)),
                "the kept ticket (its questions unseen) is not drawn again");
    }

    @Test
    void closingTheSittingEndsTheExamNotTheDecisionsNorTheAppeals() { // 6.15.4
        for (StudentState s : StudentState.values()) {
            var closed = new StudentFlow.Context(true, true, true, true, true, true, true);
            for (StudentStep step : StudentStep.values()) {
                if (step.duringTheSitting())
                    assertEquals(
                            step == APPLY_POSTPONEMENT ? "application-late" : "sitting-closed",
                            code(StudentFlow.next(s, step, closed)),
                            s + " × " + step); // 6.15.3: after the sitting, an application only within the limits
            }
        }
        var closed = new StudentFlow.Context(true, true, true, true, false, false, true);
        assertEquals(new StudentFlow.To(APPEALED), StudentFlow.next(GRADED, APPEAL, closed));
        assertEquals(new StudentFlow.To(NEW_TIME), StudentFlow.next(TECHNICAL_FAILURE, ANOTHER_TIME, closed));
        var late = new StudentFlow.Context(true, true, true, true, false, false, false);
        assertEquals("appeal-late", code(StudentFlow.next(GRADED, APPEAL, late)));
        assertEquals("already", code(StudentFlow.next(APPEALED, APPEAL, closed)), "one appeal per result");
        assertEquals(
                "wrong-order",
                code(StudentFlow.next(POSTPONED, APPEAL, closed)),
                "an appeal is against a published result");
        assertEquals("sitting-open", code(StudentFlow.next(GRADED, APPEAL, typical(GRADED))));
    }

    @Test
    void oneApplicationAtATimeAndOnlyBeforeTheExamIsUnderWay() { // 6.15.2-6.15.3
        var awaiting = new StudentFlow.Context(false, false, false, false, false, true, true);
        assertEquals("already", code(StudentFlow.next(WAITING, APPLY_POSTPONEMENT, awaiting)));
        assertEquals(new StudentFlow.To(POSTPONED), StudentFlow.next(WAITING, ALLOW_POSTPONEMENT, awaiting));
        assertEquals(new StudentFlow.To(WAITING), StudentFlow.next(WAITING, REFUSE_POSTPONEMENT, awaiting));
        assertEquals(
                "wrong-order",
                code(StudentFlow.next(PREPARATION, ALLOW_POSTPONEMENT, awaiting)),
                "not in the middle of the exam");
        assertEquals(
                new StudentFlow.To(PREPARATION),
                StudentFlow.next(PREPARATION, REFUSE_POSTPONEMENT, awaiting),
                "refusing changes nothing");
        assertEquals(
                "wrong-order",
                code(StudentFlow.next(WAITING, ALLOW_POSTPONEMENT, typical(WAITING))),
                "nothing to decide");
        assertEquals("already", code(StudentFlow.next(POSTPONED, APPLY_POSTPONEMENT, typical(POSTPONED))));
    }

    @Test
    void theClockMovesTheStateOnByItself() { // 6.15.6: preparation up to 20 minutes, answer up to 15
        assertEquals(ANSWER, PREPARATION.onClock(Phase.ANSWER));
        assertEquals(ANSWERED, PREPARATION.onClock(Phase.DONE));
        assertEquals(ANSWERED, ANSWER.onClock(Phase.DONE));
        assertEquals(GRADED, GRADED.onClock(Phase.DONE));
        assertEquals(DRAWN, DRAWN.onClock(Phase.WAITING));
    }

    @Test
    void everyStateHasItsOwnWordAndTheOldWordForAnAnswerGivenStillReads() {
        for (StudentState s : StudentState.values())
            assertEquals(s, StudentState.ofCode(s.code()).orElseThrow());
        assertEquals(ANSWERED, StudentState.ofCode("done").orElseThrow());
        assertTrue(StudentState.ofCode("nonsense").isEmpty());
    }

    @Test
    void theCommissionsDecisionIsTakenByNobodyAndEveryOtherStepBySomeone() {
        for (StudentStep step : StudentStep.values()) {
            assertEquals(
                    step == ANOTHER_TIME || step == NO_OTHER_TIME,
                    step.takenBy().isEmpty(),
                    step.name());
            assertFalse(step.takenBy(null));
        }
        assertTrue(SCORE.takenBy(SittingRole.MEMBER)
                && !SCORE.takenBy(SittingRole.SECRETARY)
                && !SCORE.takenBy(SittingRole.STUDENT));
    }

    @Test
    void inEveryContextTheOrderOnlyGoesForwardAndAPublishedResultStays() { // every state × step × all 128 contexts
        List<StudentState> beforeTheAnswer = List.of(
                WAITING,
                ADMITTED,
                IDENTIFIED,
                CHECKED,
                DRAWN,
                PREPARATION,
                ANSWER,
                NEW_TIME,
                TECHNICAL_FAILURE,
                REFUSED,
                POSTPONED);
        List<String> wrong = new ArrayList<>();
        for (int bits = 0; bits < 128; bits++) {
            var c = new StudentFlow.Context(
                    (bits & 1) != 0,
                    (bits & 2) != 0,
                    (bits & 4) != 0,
                    (bits & 8) != 0,
                    (bits & 16) != 0,
                    (bits & 32) != 0,
                    (bits & 64) != 0);
            for (StudentState s : StudentState.values()) {
                for (StudentStep step : StudentStep.values()) {
                    if (!(StudentFlow.next(s, step, c) instanceof StudentFlow.To to)) continue;
                    String cell = s + " × " + step + " in " + c + " → " + to.state();
                    if (s.published() && !to.state().published()) wrong.add("a published result undone: " + cell);
                    if (step == SCORE && beforeTheAnswer.contains(s)) wrong.add("scored before the answer: " + cell);
                    if (step == CONFIRM && s != SCORED) wrong.add("confirmed unscored: " + cell);
                    if (s == POSTPONED && to.state() != POSTPONED) wrong.add("out of a postponement: " + cell);
                    if (s == APPEAL_DECIDED && to.state() != APPEAL_DECIDED)
                        wrong.add("out of a decided appeal: " + cell);
                    if (step.duringTheSitting() && c.sittingClosed()) wrong.add("an exam step after closing: " + cell);
                    if ((step == ACT || step == START_PREPARATION || step == END_PREPARATION || step == END_ANSWER)
                            && s.published()) {
                        wrong.add("an act or a phase after the result: " + cell);
                    }
                    if (to.state() == GRADED && s != GRADED && step != CONFIRM)
                        wrong.add("graded without the chair: " + cell);
                }
            }
        }
        assertEquals(List.of(), wrong);
    }

    private static String code(StudentFlow.Outcome o) {
        return o instanceof StudentFlow.Refused r ? r.code() : "moved";
    }

    @Test
    void aThesisDefenceDrawsNoTicket() { // 6.15.1
        var defence = new StudentFlow.Context(false, true, true, false, false, false, true, true, true, false);
        assertEquals("wrong-order", code(StudentFlow.next(CHECKED, DRAW, defence)));
        assertEquals(new StudentFlow.To(PREPARATION), StudentFlow.next(CHECKED, START_PREPARATION, defence));
        assertEquals(new StudentFlow.To(PREPARATION), StudentFlow.next(NEW_TIME, START_PREPARATION, defence));
        assertEquals("wrong-order", code(StudentFlow.next(IDENTIFIED, START_PREPARATION, defence)), "after the room");
        var exam = new StudentFlow.Context(false, true, true, false, false, false, true);
        assertEquals("wrong-order", code(StudentFlow.next(CHECKED, START_PREPARATION, exam)), "an exam draws first");
    }

    @Test
    void theExamIsTakenOnTheSittingsDayOnly() { // 6.15.6
        var otherDay = new StudentFlow.Context(false, true, true, true, true, false, true, false, false, false);
        for (StudentStep step : StudentStep.values()) {
            for (StudentState s : StudentState.values()) {
                String got = code(StudentFlow.next(s, step, otherDay));
                if (step.onTheDay()) assertEquals("not-sitting-day", got, s + " × " + step);
                else assertFalse("not-sitting-day".equals(got), s + " × " + step);
            }
        }
        assertEquals(
                new StudentFlow.To(TECHNICAL_FAILURE), StudentFlow.next(ANSWER, ACT, otherDay), "an act past midnight");
        assertEquals(new StudentFlow.To(WAITING), StudentFlow.next(WAITING, APPLY_POSTPONEMENT, otherDay));
    }

    @Test
    void anAbsentStudentAppliesAfterTheSittingWithinTheLimits() { // 6.15.3
        var closedInTime = new StudentFlow.Context(true, false, false, false, false, false, true, false, false, true);
        assertEquals(new StudentFlow.To(WAITING), StudentFlow.next(WAITING, APPLY_POSTPONEMENT, closedInTime));
        assertEquals("application-late", code(StudentFlow.next(GRADED, APPLY_POSTPONEMENT, closedInTime)));
        assertEquals("application-late", code(StudentFlow.next(REMOVED, APPLY_POSTPONEMENT, closedInTime)));
        var closedLate = new StudentFlow.Context(true, false, false, false, false, false, true, false, false, false);
        assertEquals("application-late", code(StudentFlow.next(WAITING, APPLY_POSTPONEMENT, closedLate)));
        assertEquals(
                new StudentFlow.To(POSTPONED),
                StudentFlow.next(
                        WAITING,
                        ALLOW_POSTPONEMENT,
                        new StudentFlow.Context(true, false, false, false, false, true, true, false, false, true)),
                "the chair decides after it");
    }
}
