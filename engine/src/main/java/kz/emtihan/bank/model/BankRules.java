package kz.emtihan.bank.model;

import java.util.Map;
import kz.emtihan.grade.model.ScoringRule;

/**
 * 7.6 and 5.23.3 as configured: bank size, options per question, the difficulty mix (percent) and its tolerance,
 * and how an attestation scores a question (validation reports questions that rule reads otherwise than their
 * author wrote them).
 */
public record BankRules(
        int minQuestions,
        int optionsPerQuestion,
        Map<Difficulty, Integer> mixPercent,
        int mixTolerancePercent,
        ScoringRule scoring) {
    public BankRules {
        mixPercent = Map.copyOf(mixPercent);
    }
}
