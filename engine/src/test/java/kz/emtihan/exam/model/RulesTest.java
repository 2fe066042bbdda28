package kz.emtihan.exam.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RulesTest {
    static Instant utc(String hhmm) {
        return Instant.parse("2026-12-01T" + hhmm + ":00Z");
    }

    @Test
    void fiftyMinutesFromTheStart() { // 5.20.3
        assertEquals(utc("09:50"), Deadline.of(utc("09:00"), Duration.ofMinutes(50), utc("12:00")));
    }

    @Test
    void windowCloseCutsTheDuration() { // 5.20.3
        assertEquals(utc("10:00"), Deadline.of(utc("09:30"), Duration.ofMinutes(50), utc("10:00")));
    }

    @Test
    void saveDecisionTable() { // 5.20.3: time is enforced; resends are idempotent
        long deadline = 1_000;
        assertEquals(SaveDecision.STORE, SaveDecision.of(0, 1, true, 999, deadline, 0));
        assertEquals(SaveDecision.ALREADY_STORED, SaveDecision.of(3, 3, true, 500, deadline, 0));
        assertEquals(SaveDecision.ALREADY_STORED, SaveDecision.of(3, 2, true, 500, deadline, 0));
        assertEquals(SaveDecision.CLOSED, SaveDecision.of(0, 1, true, 1_000, deadline, 0));
        assertEquals(SaveDecision.CLOSED, SaveDecision.of(0, 1, false, 10, deadline, 0));
        assertEquals(SaveDecision.STORE, SaveDecision.of(0, 1, true, 1_000, deadline, 30_000), "within grace");
        assertEquals(SaveDecision.CLOSED, SaveDecision.of(0, 1, true, 31_000, deadline, 30_000));
    }

    static final ExamLimits ATTESTATION = new ExamLimits("5.20.3", 30, 30, 50, 50, 50, 1, true);

    static ExamPlan plan(Integer minutes, Integer questions) {
        return new ExamPlan(
                "b1",
                "Algebra",
                ExamKind.INTERMEDIATE_ATTESTATION,
                utc("09:00"),
                utc("12:00"),
                Optional.ofNullable(minutes),
                Optional.ofNullable(questions));
    }

    @Test
    void anAttestationDefaultsToFiftyMinutesAndThirtyQuestions() { // 5.20.3
        ExamPlan.Checked c = plan(null, null).check(ATTESTATION, 100, List.of());
        assertEquals(50, c.durationMinutes());
        assertEquals(30, c.questionCount());
        assertTrue(c.problems().isEmpty());
    }

    @Test
    void anAttestationRefusesSixtyMinutesAndThirtyOneQuestionsCitingTheClause() { // 5.20.3
        ExamPlan.Checked c = plan(60, 31).check(ATTESTATION, 100, List.of());
        assertEquals(2, c.problems().size());
        assertTrue(c.problems().stream().allMatch(p -> p.rule().equals("5.20.3")));
    }

    @Test
    void anAttestationNeedsAValidBankButCurrentControlDoesNot() { // 7.6
        assertEquals(
                1,
                plan(null, null)
                        .check(ATTESTATION, 100, List.of(kz.emtihan.text.Text.of("kz.emtihan.bank.words", "too-few")))
                        .problems()
                        .size());
        ExamLimits current = new ExamLimits("5.20.1", 60, 20, 1, 240, 30, 1, false);
        assertTrue(plan(20, 10)
                .check(current, 100, List.of(kz.emtihan.text.Text.of("kz.emtihan.bank.words", "too-few")))
                .problems()
                .isEmpty());
    }

    @Test
    void cannotDrawMoreQuestionsThanTheBankHasOrCloseBeforeOpening() {
        ExamPlan backwards = new ExamPlan(
                "b1",
                "t",
                ExamKind.INTERMEDIATE_ATTESTATION,
                utc("12:00"),
                utc("09:00"),
                Optional.empty(),
                Optional.empty());
        List<ExamPlan.Problem> p = backwards.check(ATTESTATION, 20, List.of()).problems();
        assertEquals(2, p.size());
    }
}
