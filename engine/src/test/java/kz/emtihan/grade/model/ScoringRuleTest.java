package kz.emtihan.grade.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ScoringRuleTest {
    // {~wrong ~%50%half =full}: one choice, partial credit on a distractor
    static final Map<String, Double> HALF = Map.of("wrong", 0.0, "half", 50.0, "full", 100.0);
    // a multiple-answer question: 50 + 50, wrong options -50 and 0
    static final Map<String, Double> TWO = Map.of("a", 50.0, "b", 50.0, "c", -50.0, "d", 0.0);

    @Test
    void allOrNothingOnASingleAnswerQuestionGivesThePointForTheFullOptionOnly() { // 5.20.3
        ScoringRule r = ScoringRule.ALL_OR_NOTHING;
        assertEquals(1.0, r.points(true, HALF, Set.of("full"), Set.of("full")));
        assertEquals(0.0, r.points(true, HALF, Set.of("full"), Set.of("half")));
        assertEquals(0.0, r.points(true, HALF, Set.of("full"), Set.of("full", "half")), "a radio takes one");
        assertEquals(0.0, r.points(true, HALF, Set.of("full"), Set.of()));
    }

    @Test
    void allOrNothingOnAMultipleAnswerQuestionNeedsExactlyTheMarkedSet() {
        ScoringRule r = ScoringRule.ALL_OR_NOTHING;
        assertEquals(1.0, r.points(false, TWO, Set.of("a", "b"), Set.of("a", "b")));
        assertEquals(0.0, r.points(false, TWO, Set.of("a", "b"), Set.of("a")));
        assertEquals(0.0, r.points(false, TWO, Set.of("a", "b"), Set.of("a", "b", "d")));
    }

    @Test
    void fractionsGiveTheAuthorsPartialCreditOnASingleAnswerQuestion() {
        ScoringRule r = ScoringRule.FRACTIONS;
        assertEquals(1.0, r.points(true, HALF, Set.of("full"), Set.of("full")));
        assertEquals(0.5, r.points(true, HALF, Set.of("full"), Set.of("half")));
        assertEquals(0.0, r.points(true, HALF, Set.of("full"), Set.of("wrong")));
    }

    @Test
    void fractionsAddUpOnAMultipleAnswerQuestionFlooredAtZeroAndCappedAtOne() {
        ScoringRule r = ScoringRule.FRACTIONS;
        assertEquals(0.5, r.points(false, TWO, Set.of("a", "b"), Set.of("a")));
        assertEquals(0.0, r.points(false, TWO, Set.of("a", "b"), Set.of("a", "c")));
        assertEquals(0.0, r.points(false, TWO, Set.of("a", "b"), Set.of("c")), "never below 0");
        assertEquals(1.0, r.points(false, TWO, Set.of("a", "b"), Set.of("a", "b", "d")));
        Map<String, Double> over = Map.of("a", 100.0, "b", 100.0);
        assertEquals(1.0, r.points(false, over, Set.of("a", "b"), Set.of("a", "b")), "never above 1");
    }

    @Test
    void threeThirdsMakeAWholePoint() {
        Map<String, Double> thirds = Map.of("a", 33.33333, "b", 33.33333, "c", 33.33333, "d", -100.0);
        assertEquals(1.0, ScoringRule.FRACTIONS.points(false, thirds, Set.of("a", "b", "c"), Set.of("a", "b", "c")));
    }

    @Test
    void partialIsTheFormerNameOfFractions() {
        assertEquals(Optional.of(ScoringRule.FRACTIONS), ScoringRule.fromCode("partial"));
        assertEquals(Optional.of(ScoringRule.FRACTIONS), ScoringRule.fromCode("fractions"));
        assertEquals(Optional.empty(), ScoringRule.fromCode("lenient"));
    }
}
