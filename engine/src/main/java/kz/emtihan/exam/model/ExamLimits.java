package kz.emtihan.exam.model;

/**
 * What regulation.yaml allows for one kind of exam. For an intermediate attestation (5.20.3): at most
 * 30 questions, exactly 50 minutes, one attempt, and only a bank that passes validation.
 */
public record ExamLimits(
        String clause,
        int maxQuestions,
        int defaultQuestions,
        int minDurationMinutes,
        int maxDurationMinutes,
        int defaultDurationMinutes,
        int attempts,
        boolean requireValidBank) {}
