package kz.emtihan.grade.statistics.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import kz.emtihan.bank.model.Difficulty;
import kz.emtihan.bank.model.Option;
import kz.emtihan.bank.model.Question;
import org.junit.jupiter.api.Test;

/** Issue 12 (6), beyond Moodle: the measured class and the proposal (regulation.yaml statistics; 5.23.3). */
class ReclassificationTest {
    static final Reclassification RULES = new Reclassification(70, 30, 20);

    static QuestionStatistics stats(int attempts, double facility) {
        return new QuestionStatistics(
                "q",
                attempts,
                OptionalDouble.of(facility),
                OptionalDouble.empty(),
                OptionalDouble.empty(),
                OptionalDouble.empty());
    }

    @Test
    void theThresholdsBelongToTheOuterClasses() {
        assertEquals(Difficulty.EASY, RULES.measured(70));
        assertEquals(Difficulty.MEDIUM, RULES.measured(69.99));
        assertEquals(Difficulty.MEDIUM, RULES.measured(30.01));
        assertEquals(Difficulty.HARD, RULES.measured(30));
        assertEquals(Difficulty.EASY, RULES.measured(100));
        assertEquals(Difficulty.HARD, RULES.measured(0));
    }

    @Test
    void aProposalNeedsEnoughAttemptsAndADifferentClass() {
        Optional<Difficulty> medium = Optional.of(Difficulty.MEDIUM);
        assertEquals(Optional.empty(), RULES.propose(medium, stats(19, 90)), "19 attempts are too few");
        assertEquals(Optional.of(Difficulty.EASY), RULES.propose(medium, stats(20, 90)));
        assertEquals(Optional.empty(), RULES.propose(Optional.of(Difficulty.EASY), stats(20, 90)), "already easy");
        assertEquals(Optional.of(Difficulty.HARD), RULES.propose(Optional.empty(), stats(25, 10)), "unclassified");
    }

    @Test
    void badThresholdsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new Reclassification(30, 30, 20));
        assertThrows(IllegalArgumentException.class, () -> new Reclassification(70, 30, 1));
    }

    @Test
    void theReportProposesFromTheBankClassNowAndCountsOptionsInTheBankOrder() {
        // q "x": options a (correct), b, c; frozen as hard, in the bank now as medium.
        // Two attempts answered a, one b, one nothing: facility 2/4 = 50% → medium: no proposal (the bank says medium)
        // with minAttempts 2; y, frozen easy and still easy in the bank, was answered wrongly both times → hard
        Question x = question("x", Difficulty.HARD);
        Question y = question("y", Difficulty.EASY);
        List<ScoredAttempt> attempts = List.of(
                new ScoredAttempt(List.of(mark("x", 1, "a"), mark("y", 0, "b"))),
                new ScoredAttempt(List.of(mark("x", 1, "a"), mark("y", 0, "c"))),
                new ScoredAttempt(List.of(mark("x", 0, "b"))),
                new ScoredAttempt(List.of(mark("x", 0))));
        ExamReport report = ExamReport.of(
                List.of(x, y),
                attempts,
                2,
                Map.of("x", x.withDifficulty(Optional.of(Difficulty.MEDIUM)), "y", y),
                new Reclassification(70, 30, 2));
        ExamReport.Row rx = report.questions().get(0);
        assertEquals(Optional.of(Difficulty.HARD), rx.frozen());
        assertEquals(Optional.of(Difficulty.MEDIUM), rx.current());
        assertEquals(Optional.of(Difficulty.MEDIUM), rx.measured());
        assertEquals(Optional.empty(), rx.proposal());
        assertEquals(
                List.of(2, 1, 0),
                rx.options().options().stream()
                        .map(OptionFrequencies.Count::chosen)
                        .toList());
        assertEquals(
                List.of(true, false, false),
                rx.options().options().stream()
                        .map(OptionFrequencies.Count::correct)
                        .toList());
        assertEquals(1, rx.options().blank());
        ExamReport.Row ry = report.questions().get(1);
        assertEquals(Optional.of(Difficulty.HARD), ry.proposal());
        assertEquals(Set.of("y"), report.proposals().keySet());
    }

    @Test
    void aQuestionNoLongerInTheBankIsNeverProposed() {
        Question y = question("y", Difficulty.EASY);
        List<ScoredAttempt> attempts =
                List.of(new ScoredAttempt(List.of(mark("y", 0))), new ScoredAttempt(List.of(mark("y", 0))));
        ExamReport report = ExamReport.of(List.of(y), attempts, 1, Map.of(), new Reclassification(70, 30, 2));
        assertEquals(Optional.of(Difficulty.HARD), report.questions().get(0).measured());
        assertEquals(Optional.empty(), report.questions().get(0).proposal());
    }

    static ScoredAttempt.Mark mark(String q, double mark, String... chosen) {
        return new ScoredAttempt.Mark(q, mark, Set.of(chosen));
    }

    static Question question(String id, Difficulty d) {
        return Question.plain(
                id,
                "Question " + id,
                List.of(new Option("a", "A"), new Option("b", "B"), new Option("c", "C")),
                Set.of("a"),
                d,
                "");
    }
}
