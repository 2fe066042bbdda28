package kz.emtihan.sitting.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.stream.IntStream;
import kz.emtihan.sitting.model.FailureDecision.Choice;
import kz.emtihan.sitting.model.FailureDecision.TicketOnRetry;
import org.junit.jupiter.api.Test;

class TechnicalFailureTest {
    static final ZoneId ALMATY = ZoneId.of("Asia/Almaty");
    static final Commission THREE = Commission.of("chair", Set.of("chair", "m-1", "m-2"), "secretary");
    static final Commission FOUR = Commission.of("chair", Set.of("chair", "m-1", "m-2", "m-3"), "secretary");
    static final Commission FIVE = Commission.of("chair", Set.of("chair", "m-1", "m-2", "m-3", "m-4"), "secretary");

    static Instant almaty(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(ALMATY).toInstant();
    }

    static TechnicalFailureAct actAt(Phase stage, OptionalInt ticket) {
        return TechnicalFailureAct.drawUp(
                THREE,
                "secretary",
                "sit-1",
                "s-1",
                almaty("2026-06-15T10:40"),
                stage,
                ticket,
                "the student's connection dropped and did not come back within five minutes");
    }

    static final TechnicalFailureAct DURING_ANSWER = actAt(Phase.ANSWER, OptionalInt.of(7));

    @Test
    void theTechnicalSecretaryDrawsUpTheActAndCopiesGoOutTheSameDay() { // 6.15.2
        assertEquals("secretary", DURING_ANSWER.drawnUpBy());
        assertEquals(almaty("2026-06-16T00:00"), DURING_ANSWER.copiesDueBy(ALMATY));
        assertThrows(
                IllegalArgumentException.class,
                () -> TechnicalFailureAct.drawUp(
                        THREE,
                        "m-1",
                        "sit-1",
                        "s-1",
                        almaty("2026-06-15T10:40"),
                        Phase.ANSWER,
                        OptionalInt.of(7),
                        "lost connection"));
    }

    @Test
    void anActNeedsADescriptionAnUnfinishedExamAndTheTicketOnceDrawn() { // 6.15.2
        assertThrows(
                IllegalArgumentException.class,
                () -> TechnicalFailureAct.drawUp(
                        THREE,
                        "secretary",
                        "sit-1",
                        "s-1",
                        almaty("2026-06-15T10:40"),
                        Phase.ANSWER,
                        OptionalInt.of(7),
                        " "));
        assertThrows(IllegalArgumentException.class, () -> actAt(Phase.DONE, OptionalInt.of(7)), "a finished exam");
        assertThrows(IllegalArgumentException.class, () -> actAt(Phase.PREPARATION, OptionalInt.empty()));
        assertEquals(Phase.WAITING, actAt(Phase.WAITING, OptionalInt.empty()).stageReached());
    }

    @Test
    void theMajorityDecides() { // 6.15.2: a collegial decision
        var d = FailureDecision.decide(
                DURING_ANSWER, THREE, Map.of("chair", Choice.REFUSE, "m-1", Choice.SAME_DAY, "m-2", Choice.SAME_DAY));
        assertEquals(Choice.SAME_DAY, d.choice());
        assertFalse(d.chairCastTheDecidingVote());
        assertEquals(
                Choice.REFUSE,
                FailureDecision.decide(
                                DURING_ANSWER,
                                THREE,
                                Map.of("chair", Choice.SAME_DAY, "m-1", Choice.REFUSE, "m-2", Choice.REFUSE))
                        .choice());
    }

    @Test
    void anotherTimeIsDecidedBeforeWhen() { // 2 same day, 1 another sitting, 2 refuse: 3 of 5 want another time
        var d = FailureDecision.decide(
                DURING_ANSWER,
                FIVE,
                Map.of(
                        "chair",
                        Choice.REFUSE,
                        "m-1",
                        Choice.REFUSE,
                        "m-2",
                        Choice.SAME_DAY,
                        "m-3",
                        Choice.SAME_DAY,
                        "m-4",
                        Choice.ANOTHER_SITTING));
        assertEquals(Choice.SAME_DAY, d.choice());
        assertFalse(d.chairCastTheDecidingVote());
    }

    @Test
    void aTieGoesTheChairsWay() { // 6.15.2: the chair's casting vote
        var refused = FailureDecision.decide(
                DURING_ANSWER,
                FOUR,
                Map.of(
                        "chair",
                        Choice.REFUSE,
                        "m-1",
                        Choice.REFUSE,
                        "m-2",
                        Choice.SAME_DAY,
                        "m-3",
                        Choice.ANOTHER_SITTING));
        assertEquals(Choice.REFUSE, refused.choice());
        assertTrue(refused.chairCastTheDecidingVote());
        assertEquals(TicketOnRetry.NONE, refused.ticket());

        var given = FailureDecision.decide(
                DURING_ANSWER,
                FOUR,
                Map.of(
                        "chair",
                        Choice.ANOTHER_SITTING,
                        "m-1",
                        Choice.REFUSE,
                        "m-2",
                        Choice.REFUSE,
                        "m-3",
                        Choice.SAME_DAY));
        assertEquals(
                Choice.ANOTHER_SITTING, given.choice(), "the chair's side wins the tie and the chair's day is chosen");
        assertTrue(given.chairCastTheDecidingVote());
    }

    @Test
    void aTieOnTheDayWhenTheChairRefusedMeansAnotherSitting() {
        var d = FailureDecision.decide(
                DURING_ANSWER,
                FIVE,
                Map.of(
                        "chair",
                        Choice.REFUSE,
                        "m-1",
                        Choice.SAME_DAY,
                        "m-2",
                        Choice.SAME_DAY,
                        "m-3",
                        Choice.ANOTHER_SITTING,
                        "m-4",
                        Choice.ANOTHER_SITTING));
        assertEquals(Choice.ANOTHER_SITTING, d.choice());
        assertFalse(d.chairCastTheDecidingVote());
    }

    @Test
    void everyMemberVotesAndNobodyElse() {
        assertThrows(
                IllegalStateException.class,
                () -> FailureDecision.decide(
                        DURING_ANSWER, THREE, Map.of("chair", Choice.SAME_DAY, "m-1", Choice.SAME_DAY)));
        assertThrows(
                IllegalArgumentException.class,
                () -> FailureDecision.decide(
                        DURING_ANSWER,
                        THREE,
                        Map.of(
                                "chair",
                                Choice.SAME_DAY,
                                "m-1",
                                Choice.SAME_DAY,
                                "m-2",
                                Choice.SAME_DAY,
                                "secretary",
                                Choice.REFUSE)));
    }

    @Test
    void aTicketWhoseQuestionsWereSeenIsRedrawnOtherwiseKept() {
        Map<String, Choice> sameDay = Map.of("chair", Choice.SAME_DAY, "m-1", Choice.SAME_DAY, "m-2", Choice.SAME_DAY);
        assertEquals(
                TicketOnRetry.DRAW,
                FailureDecision.decide(DURING_ANSWER, THREE, sameDay).ticket());
        assertEquals(
                TicketOnRetry.DRAW,
                FailureDecision.decide(actAt(Phase.PREPARATION, OptionalInt.of(7)), THREE, sameDay)
                        .ticket());
        assertEquals(
                TicketOnRetry.KEEP,
                FailureDecision.decide(actAt(Phase.WAITING, OptionalInt.of(7)), THREE, sameDay)
                        .ticket(),
                "drawn, not shown");
        assertEquals(
                TicketOnRetry.DRAW,
                FailureDecision.decide(actAt(Phase.WAITING, OptionalInt.empty()), THREE, sameDay)
                        .ticket(),
                "nothing drawn yet");
    }

    @Test
    void theRedrawnTicketIsNeverTheOneTheStudentSaw() { // 6.15.2 with 6.15.6
        List<Integer> tickets = IntStream.rangeClosed(1, 3).boxed().toList();
        byte[] seed = TicketDraw.newSeed();
        for (boolean withReplacement : new boolean[] {false, true}) {
            TicketPool pool = TicketPool.of("sit-1", tickets, withReplacement).draw(seed, "s-1", "");
            int seen = pool.ticketOf("s-1").getAsInt();
            TicketPool redrawn = pool.draw(seed, "s-1", "");
            assertFalse(redrawn.ticketOf("s-1").getAsInt() == seen);
            assertEquals(List.of(), redrawn.audit(TicketDraw.commitment(seed), seed));
        }
    }
}
