package kz.emtihan.sitting.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import kz.emtihan.TestEngine;
import kz.emtihan.config.ConfigLoader;
import kz.emtihan.grade.model.Grade;
import kz.emtihan.grade.model.GradeScale;
import org.junit.jupiter.api.Test;

class CommissionScoresTest {
    /** The credit system's scale as configured (5.28), not a copy of it. */
    static final GradeScale SCALE = ConfigLoader.load(Optional.of(TestEngine.configDir()), Map.of())
            .regulation()
            .scale();

    static final Commission COMMISSION = Commission.of("chair", Set.of("chair", "m-1", "m-2"), "secretary");

    static CommissionScores scored(int chair, int m1, int m2) {
        return CommissionScores.open(COMMISSION, 100)
                .score("chair", chair)
                .score("m-1", m1)
                .score("m-2", m2);
    }

    @Test
    void untilAllHaveScoredAMemberSeesOnlyTheirOwnScore() { // 6.15.6: every member scores, independently
        CommissionScores s =
                CommissionScores.open(COMMISSION, 100).score("m-1", 80).score("chair", 90);
        assertFalse(s.allScored());
        assertEquals(Map.of("m-1", 80), s.visibleTo("m-1"));
        assertEquals(Map.of("chair", 90), s.visibleTo("chair"), "the chair too");
        assertEquals(Map.of(), s.visibleTo("m-2"), "m-2 has not scored and sees nothing");
        assertEquals(Map.of(), s.visibleTo("secretary"));
        assertEquals(Set.of("chair", "m-1"), s.scoredMembers(), "who has scored is no secret");
        assertEquals(Set.of("m-2"), s.waitingFor());

        CommissionScores all = s.score("m-2", 70);
        assertTrue(all.allScored());
        Map<String, Integer> everything = Map.of("chair", 90, "m-1", 80, "m-2", 70);
        assertEquals(everything, all.visibleTo("m-2"));
        assertEquals(everything, all.visibleTo("secretary"));
    }

    @Test
    void aMemberMayChangeTheirScoreOnlyUntilAllHaveScored() {
        CommissionScores s =
                CommissionScores.open(COMMISSION, 100).score("m-1", 60).score("m-1", 65);
        assertEquals(Map.of("m-1", 65), s.visibleTo("m-1"));
        CommissionScores sealed = s.score("chair", 70).score("m-2", 75);
        assertThrows(IllegalStateException.class, () -> sealed.score("m-1", 95), "no change after seeing the others");
    }

    @Test
    void onlyMembersScoreAndOnlyOnTheScale() {
        CommissionScores s = CommissionScores.open(COMMISSION, 100);
        assertThrows(IllegalArgumentException.class, () -> s.score("secretary", 50));
        assertThrows(IllegalArgumentException.class, () -> s.score("stranger", 50));
        assertThrows(IllegalArgumentException.class, () -> s.score("m-1", -1));
        assertThrows(IllegalArgumentException.class, () -> s.score("m-1", 101));
        assertEquals(Map.of("m-1", 0), s.score("m-1", 0).visibleTo("m-1"));
        assertEquals(Map.of("m-1", 100), s.score("m-1", 100).visibleTo("m-1"));
    }

    @Test
    void theMeanMapsToALetterWithoutRoundingUpIntoTheNextBand() { // 6.15.6 + 5.28
        Grade g = scored(89, 90, 90).grade(Aggregation.MEAN, SCALE);
        assertEquals(89.67, g.percent());
        assertEquals("B+", g.letter(), "89.67 is not 90");
        assertEquals("A-", scored(90, 90, 91).grade(Aggregation.MEAN, SCALE).letter());
        assertEquals(new BigDecimal("80.67"), scored(60, 90, 92).aggregate(Aggregation.MEAN));
    }

    @Test
    void theMedianIgnoresOneOutlyingScore() {
        CommissionScores s = scored(60, 90, 92);
        assertEquals(new BigDecimal("90.00"), s.aggregate(Aggregation.MEDIAN));
        assertEquals("A-", s.grade(Aggregation.MEDIAN, SCALE).letter());
        assertEquals("B", s.grade(Aggregation.MEAN, SCALE).letter());
    }

    @Test
    void aggregationRoundsHalfUpToTwoDecimals() {
        assertEquals(
                new BigDecimal("89.63"),
                Aggregation.MEAN.of(List.of(89, 89, 89, 90, 90, 90, 90, 90)),
                "717/8 = 89.625");
        assertEquals(
                new BigDecimal("89.50"),
                Aggregation.MEDIAN.of(List.of(95, 89, 90, 70)),
                "even count: mean of 89 and 90");
        assertEquals(new BigDecimal("24.33"), Aggregation.MEAN.of(List.of(24, 24, 25)));
        assertThrows(IllegalArgumentException.class, () -> Aggregation.MEAN.of(List.of()));
        assertEquals(Optional.of(Aggregation.MEDIAN), Aggregation.fromCode("median"));
        assertEquals(Optional.empty(), Aggregation.fromCode("mode"));
    }

    @Test
    void aScaleOtherThanAHundredIsAPercentOfItsMaximum() {
        CommissionScores s = CommissionScores.open(COMMISSION, 50)
                .score("chair", 45)
                .score("m-1", 47)
                .score("m-2", 46);
        Grade g = s.grade(Aggregation.MEAN, SCALE);
        assertEquals(92.0, g.percent());
        assertEquals("A-", g.letter());
        assertEquals(50, g.maxPoints());
    }

    @Test
    void noResultAndNoConfirmationUntilEveryMemberHasScored() {
        CommissionScores partial =
                CommissionScores.open(COMMISSION, 100).score("chair", 80).score("m-1", 80);
        assertThrows(IllegalStateException.class, () -> partial.aggregate(Aggregation.MEAN));
        assertThrows(IllegalStateException.class, () -> partial.grade(Aggregation.MEAN, SCALE));
        assertThrows(IllegalStateException.class, () -> partial.confirm("chair"));
    }

    @Test
    void onlyTheChairConfirmsAndOnlyOnce() { // 6.15.6
        CommissionScores all = scored(80, 85, 90);
        assertThrows(IllegalArgumentException.class, () -> all.confirm("m-1"));
        assertThrows(IllegalArgumentException.class, () -> all.confirm("secretary"));
        CommissionScores confirmed = all.confirm("chair");
        assertTrue(confirmed.confirmed());
        assertEquals(Optional.of("chair"), confirmed.confirmedBy());
        assertThrows(IllegalStateException.class, () -> confirmed.confirm("chair"));
    }

    @Test
    void aCommissionHasItsChairAmongTheMembersAndTheSecretaryOutside() { // 6.15
        assertThrows(IllegalArgumentException.class, () -> Commission.of("chair", Set.of("m-1", "m-2"), "secretary"));
        assertThrows(IllegalArgumentException.class, () -> Commission.of("chair", Set.of("chair", "m-1"), "m-1"));
        assertThrows(
                IllegalArgumentException.class, () -> new Commission("chair", List.of("chair", "m-1", "m-1"), "s"));
        assertEquals(List.of("chair", "m-1", "m-2"), COMMISSION.members());
    }
}
