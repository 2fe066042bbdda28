package kz.emtihan.registry.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kz.emtihan.grade.model.GradeBand;
import kz.emtihan.grade.model.GradeScale;
import kz.emtihan.grade.model.RatingFormula;
import org.junit.jupiter.api.Test;

/** The registry's pure rules (5.30, 5.36-5.38, 6.10). */
class RegistryRulesTest {
    static final GradeScale SCALE = new GradeScale(List.of(
            new GradeBand(95, "A", 4.0, "excellent"),
            new GradeBand(90, "A-", 3.67, "excellent"),
            new GradeBand(85, "B+", 3.33, "good"),
            new GradeBand(80, "B", 3.0, "good"),
            new GradeBand(75, "B-", 2.67, "good"),
            new GradeBand(70, "C+", 2.33, "satisfactory"),
            new GradeBand(65, "C", 2.0, "satisfactory"),
            new GradeBand(60, "C-", 1.67, "satisfactory"),
            new GradeBand(55, "D+", 1.33, "satisfactory"),
            new GradeBand(50, "D", 1.0, "satisfactory"),
            new GradeBand(25, "FX", 0.5, "unsatisfactory"),
            new GradeBand(0, "F", 0.0, "unsatisfactory")));
    static final RatingFormula SIXTY_FORTY = new RatingFormula(60, 40, 50);

    @Test
    void theAdmissionRatingIsTheMeanOfTheTwoMidtermsFromTheRosterFirst() {
        // 6.10: (70 + 75) / 2 = 72.5; the roster's midterms win over everything else
        Admission a = Admission.decide(
                Optional.of(List.of(70.0, 75.0)), Optional.of(10.0), List.of(Optional.of(1.0), Optional.of(2.0)));
        assertEquals(Optional.of(72.5), a.rating());
        assertEquals(List.of(70.0, 75.0), a.midterms());
        assertEquals(Admission.Source.ROSTER_MIDTERMS, a.source());
        assertEquals(72.55, RatingFormula.admissionRating(72.6, 72.5), 1e-9);
    }

    @Test
    void thenTheRostersAdmissionRatingThenTheEnginesTwoMidtermExams() {
        Admission rating =
                Admission.decide(Optional.empty(), Optional.of(64.0), List.of(Optional.of(1.0), Optional.of(2.0)));
        assertEquals(Optional.of(64.0), rating.rating());
        assertEquals(List.of(), rating.midterms());
        assertEquals(Admission.Source.ROSTER_RATING, rating.source());
        // a midterm not taken counts 0
        Admission exams =
                Admission.decide(Optional.empty(), Optional.empty(), List.of(Optional.of(90.0), Optional.empty()));
        assertEquals(Optional.of(45.0), exams.rating());
        assertEquals(List.of(90.0, 0.0), exams.midterms());
        assertEquals(Admission.Source.MIDTERM_EXAMS, exams.source());
        // fewer than two midterm exams in the period: no rating
        assertEquals(Admission.NONE, Admission.decide(Optional.empty(), Optional.empty(), List.of(Optional.of(90.0))));
        assertThrows(
                IllegalArgumentException.class,
                () -> new Admission(List.of(1.0), Optional.empty(), Admission.Source.NONE));
    }

    @Test
    void theFinalRatingIsSixtyPercentAdmissionAndFortyPercentExamOnTheScale() {
        // 6.10: 0.6 × 72.5 + 0.4 × 80 = 43.5 + 32 = 75.5 → B- (75-79), GPA 2.67, good
        FinalRating f = FinalRating.of(SIXTY_FORTY, SCALE, Optional.of(72.5), Optional.of(80.0))
                .orElseThrow();
        assertEquals(75.5, f.rating(), 1e-9);
        assertEquals("B-", f.band().letter());
        assertEquals(2.67, f.band().gpa(), 1e-9);
        assertEquals("good", f.band().traditional());
        // 0.6 × 100 + 0.4 × 94.99 = 97.996 → 98.0 (two decimals) → A
        assertEquals(
                "A",
                FinalRating.of(SIXTY_FORTY, SCALE, Optional.of(100.0), Optional.of(94.99))
                        .orElseThrow()
                        .band()
                        .letter());
        assertTrue(FinalRating.of(SIXTY_FORTY, SCALE, Optional.empty(), Optional.of(80.0))
                .isEmpty());
        assertTrue(FinalRating.of(SIXTY_FORTY, SCALE, Optional.of(80.0), Optional.empty())
                .isEmpty());
    }

    @Test
    void theLatestGradedResultOfARetakeChainCounts() {
        Instant t = Instant.parse("2026-12-01T09:00:00Z");
        Map<String, RetakeChain.Link> exams = Map.of(
                "e1", new RetakeChain.Link("e1", t, Optional.empty()),
                "e2", new RetakeChain.Link("e2", t.plusSeconds(86_400 * 30), Optional.of("e1")),
                "e3", new RetakeChain.Link("e3", t.plusSeconds(86_400 * 200), Optional.of("e2")),
                "other", new RetakeChain.Link("other", t.plusSeconds(10), Optional.empty()));
        List<RetakeChain.Link> chain = RetakeChain.of("e2", exams);
        assertEquals(
                List.of("e1", "e2", "e3"),
                chain.stream().map(RetakeChain.Link::examId).toList());
        assertEquals(
                List.of("other"),
                RetakeChain.of("other", exams).stream()
                        .map(RetakeChain.Link::examId)
                        .toList());
        // a loop edited by hand does not hang
        Map<String, RetakeChain.Link> loop = Map.of(
                "a",
                new RetakeChain.Link("a", t, Optional.of("b")),
                "b",
                new RetakeChain.Link("b", t, Optional.of("a")));
        assertEquals(2, RetakeChain.of("a", loop).size());
    }

    @Test
    void cellsAndTotals() {
        assertEquals("72.5", Sheet.text(72.5, false));
        assertEquals("72,5", Sheet.text(72.5, true));
        assertEquals("80", Sheet.text(80.0, true));
        assertEquals("", Sheet.text(null, true));
        assertThrows(IllegalArgumentException.class, () -> new Sheet("x", List.of("a"), List.of(List.of("1", "2"))));
        LetterTotals totals = LetterTotals.of(
                List.of(Optional.of("B-"), Optional.of("B-"), Optional.of("A"), Optional.empty()), SCALE);
        assertEquals(2, totals.byLetter().get("B-"));
        assertEquals(1, totals.byLetter().get("A"));
        assertEquals(0, totals.byLetter().get("F"));
        assertEquals(1, totals.ungraded());
        assertEquals("A", totals.byLetter().keySet().iterator().next());
    }
}
