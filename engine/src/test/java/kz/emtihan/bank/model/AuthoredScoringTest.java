package kz.emtihan.bank.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import kz.emtihan.grade.model.ScoringRule;
import kz.emtihan.text.Catalogue;
import kz.emtihan.text.Language;
import org.junit.jupiter.api.Test;

class AuthoredScoringTest {
    static Question question(boolean single, double... fractions) {
        List<Option> options = new ArrayList<>();
        Set<String> correct = new java.util.HashSet<>();
        for (int i = 0; i < fractions.length; i++) {
            options.add(new Option("o" + i, "option " + i, fractions[i], "", false));
            if (single ? fractions[i] >= 100 : fractions[i] > 0) correct.add("o" + i);
        }
        return new Question(
                "q", "text", options, correct, single, Optional.of(Difficulty.EASY), "", true, Authored.NONE);
    }

    static Optional<String> difference(Question q, ScoringRule rule) {
        return AuthoredScoring.difference(q, rule).map(t -> Catalogue.render(t, Language.EN));
    }

    @Test
    void aPlainQuestionReadsTheSameUnderBothRules() { // 7.6
        Question single = question(true, 100, 0, 0, 0, 0);
        Question multiple = question(false, 50, 50, -50, -50, -50);
        for (ScoringRule rule : ScoringRule.values()) {
            assertEquals(Optional.empty(), difference(single, rule), rule.code());
            assertEquals(Optional.empty(), difference(multiple, rule), rule.code());
        }
    }

    @Test
    void allOrNothingLosesTheHalfCreditOfASingleAnswerDistractor() {
        Question q = question(true, 0, 50, 100, 0, 0); // {~wrong ~%50%half =full}
        assertTrue(difference(q, ScoringRule.ALL_OR_NOTHING).orElseThrow().contains("50%"));
        assertEquals(Optional.empty(), difference(q, ScoringRule.FRACTIONS));
    }

    @Test
    void allOrNothingLosesUnequalWeightsAndPenaltyFreeWrongOptions() {
        assertTrue(difference(question(false, 70, 30, -100, -100, -100), ScoringRule.ALL_OR_NOTHING)
                .orElseThrow()
                .contains("70%"));
        assertTrue(difference(question(false, 50, 50, 0, 0, 0), ScoringRule.ALL_OR_NOTHING)
                .orElseThrow()
                .contains("costs nothing"));
    }

    @Test
    void fractionsThatNeverReachTheWholePointAreReported() {
        assertTrue(difference(question(false, 40, 40, -100, -100, -100), ScoringRule.FRACTIONS)
                .orElseThrow()
                .contains("80%"));
        assertTrue(difference(question(true, 90, 0, 0, 0, 0), ScoringRule.FRACTIONS)
                .orElseThrow()
                .contains("90%"));
    }
}
