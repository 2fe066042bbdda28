package kz.emtihan.bank.model;

import java.util.Map;

/** 7.6 and 5.23.3 as configured: bank size, options per question, the difficulty mix (percent) and its tolerance. */
public record BankRules(
        int minQuestions, int optionsPerQuestion, Map<Difficulty, Integer> mixPercent, int mixTolerancePercent) {
    public BankRules {
        mixPercent = Map.copyOf(mixPercent);
    }
}
