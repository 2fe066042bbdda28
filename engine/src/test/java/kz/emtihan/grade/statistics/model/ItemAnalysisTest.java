package kz.emtihan.grade.statistics.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Issue 12 (6): Moodle's item statistics (question/classes/statistics/questions/calculator.php,
 * mod/quiz/report/statistics/classes/calculator.php) on small data sets worked out by hand below.
 */
class ItemAnalysisTest {
    static final double EPS = 1e-9;

    static ScoredAttempt attempt(Object... questionAndMark) {
        List<ScoredAttempt.Mark> marks = new ArrayList<>();
        for (int i = 0; i < questionAndMark.length; i += 2) {
            double mark = ((Number) questionAndMark[i + 1]).doubleValue();
            marks.add(new ScoredAttempt.Mark((String) questionAndMark[i], mark, Set.of()));
        }
        return new ScoredAttempt(marks);
    }

    /**
     * Five attempts, the same three questions in the same order:
     *
     * <pre>
     *        q1 q2 q3  total
     *   A1    1  1  1    3
     *   A2    1  1  0    2
     *   A3    1  0  1    2
     *   A4    0  1  0    1
     *   A5    0  0  0    0
     * </pre>
     */
    static final List<ScoredAttempt> FIVE = List.of(
            attempt("q1", 1, "q2", 1, "q3", 1),
            attempt("q1", 1, "q2", 1, "q3", 0),
            attempt("q1", 1, "q2", 0, "q3", 1),
            attempt("q1", 0, "q2", 1, "q3", 0),
            attempt("q1", 0, "q2", 0, "q3", 0));

    @Test
    void aQuestionThatOrdersTheStudentsPerfectlyHasFullEfficiency() {
        // q1 marks 1,1,1,0,0: mean 0.6, facility 60%. Rest of the test (total - q1) 2,1,1,1,0: mean 1.0.
        // mark deviations .4,.4,.4,-.6,-.6: Σ² = 3×.16 + 2×.36 = 1.2, variance 1.2/4 = 0.3, sd √0.3 = 0.5477 → 54.77%
        // rest deviations 1,0,0,0,-1: Σ² = 2, variance 0.5
        // Σ products = .4×1 + 0 + 0 + 0 + (-.6)(-1) = 1.0, covariance 0.25
        // discrimination = 100 × 0.25 / √(0.3 × 0.5) = 25 / √0.15 = 64.5497
        // sorted: marks 0,0,1,1,1 (dev -.6,-.6,.4,.4,.4), rest 0,1,1,1,2 (dev -1,0,0,0,1): Σ = .6 + .4 = 1.0,
        // covariance max 0.25, efficiency 100 × 0.25 / 0.25 = 100%
        QuestionStatistics q1 = ItemAnalysis.questions(FIVE).get("q1");
        assertEquals(5, q1.attempts());
        assertEquals(60, q1.facility().getAsDouble(), EPS);
        assertEquals(100 * Math.sqrt(0.3), q1.sd().getAsDouble(), EPS);
        assertEquals(25 / Math.sqrt(0.15), q1.discrimination().getAsDouble(), EPS);
        assertEquals(64.5497, q1.discrimination().getAsDouble(), 1e-4);
        assertEquals(100, q1.efficiency().getAsDouble(), EPS);
    }

    @Test
    void aQuestionUnrelatedToTheRestDiscriminatesNothing() {
        // q2 marks 1,1,0,1,0: mean 0.6. Rest 2,1,2,0,0: mean 1.0, deviations 1,0,1,-1,-1.
        // Σ products = .4×1 + .4×0 + (-.6)(1) + .4×(-1) + (-.6)(-1) = .4 - .6 - .4 + .6 = 0: discrimination 0,
        // efficiency 0
        QuestionStatistics q2 = ItemAnalysis.questions(FIVE).get("q2");
        assertEquals(60, q2.facility().getAsDouble(), EPS);
        assertEquals(0, q2.discrimination().getAsDouble(), EPS);
        assertEquals(0, q2.efficiency().getAsDouble(), EPS);
    }

    @Test
    void discriminationAndEfficiencyOfAnImperfectQuestion() {
        // q3 marks 1,0,1,0,0: mean 0.4, facility 40%; deviations .6,-.4,.6,-.4,-.4: Σ² = .72 + .48 = 1.2, variance 0.3
        // rest 2,2,1,1,0: mean 1.2, deviations .8,.8,-.2,-.2,-1.2: Σ² = .64+.64+.04+.04+1.44 = 2.8, variance 0.7
        // Σ products = .48 - .32 - .12 + .08 + .48 = 0.6, covariance 0.15
        // discrimination = 100 × 0.15 / √(0.3 × 0.7) = 15 / √0.21 = 32.7327
        // sorted marks 0,0,0,1,1 (dev -.4,-.4,-.4,.6,.6), sorted rest 0,1,1,2,2 (dev -1.2,-.2,-.2,.8,.8):
        // Σ = .48 + .08 + .08 + .48 + .48 = 1.6, covariance max 0.4, efficiency 100 × 0.15 / 0.4 = 37.5%
        QuestionStatistics q3 = ItemAnalysis.questions(FIVE).get("q3");
        assertEquals(40, q3.facility().getAsDouble(), EPS);
        assertEquals(100 * Math.sqrt(0.3), q3.sd().getAsDouble(), EPS);
        assertEquals(15 / Math.sqrt(0.21), q3.discrimination().getAsDouble(), EPS);
        assertEquals(32.7327, q3.discrimination().getAsDouble(), 1e-4);
        assertEquals(37.5, q3.efficiency().getAsDouble(), EPS);
    }

    @Test
    void theWholeTest() {
        // totals 3,2,2,1,0: mean 1.6, median 2; deviations 1.4,.4,.4,-.6,-1.6
        // Σd² = 1.96+.16+.16+.36+2.56 = 5.2: sd = √(5.2/4) = √1.3 = 1.1402
        // Σd³ = 2.744+.064+.064-.216-4.096 = -1.44; Σd⁴ = 3.8416+.0256+.0256+.1296+6.5536 = 10.576
        // m2 = 1.04, m3 = -0.288, m4 = 2.1152; k2 = 5×1.04/4 = 1.3; k3 = 25×(-0.288)/(4×3) = -0.6
        // skewness = -0.6 / 1.3^1.5 = -0.40479; k4 = 25×(6×2.1152 - 3×4×1.04²)/(4×3×2) = 25×(-0.288)/24 = -0.3
        // kurtosis = -0.3 / 1.69 = -0.177515
        // positions: each has variance 0.3 (above), Σ = 0.9; p = 3
        // cic = 100 × 3/2 × (1 - 0.9/1.3) = 150 × 4/13 = 46.1538
        // error ratio = 100 × √(1 - 6/13) = 100 × √(7/13) = 73.380; standard error = √(7/13) × √1.3 = √0.7 = 0.83666
        TestStatistics t = ItemAnalysis.test(FIVE, 3);
        assertEquals(5, t.attempts());
        assertEquals(1.6, t.mean().getAsDouble(), EPS);
        assertEquals(2, t.median().getAsDouble(), EPS);
        assertEquals(Math.sqrt(1.3), t.sd().getAsDouble(), EPS);
        assertEquals(-0.6 / Math.pow(1.3, 1.5), t.skewness().getAsDouble(), EPS);
        assertEquals(-0.3 / 1.69, t.kurtosis().getAsDouble(), EPS);
        assertEquals(600.0 / 13, t.cic().getAsDouble(), EPS);
        assertEquals(100 * Math.sqrt(7.0 / 13), t.errorRatio().getAsDouble(), EPS);
        assertEquals(Math.sqrt(0.7), t.standardError().getAsDouble(), EPS);
        // percents of the paper's 3 points: mean 1.6 → 53.33%
        assertEquals(160.0 / 3, t.percent(t.mean()).getAsDouble(), EPS);
    }

    @Test
    void anEvenNumberOfAttemptsHasTheMeanOfTheTwoMiddleTotalsAsMedian() {
        // totals 0, 1, 3, 3 → median (1 + 3) / 2 = 2
        List<ScoredAttempt> four = List.of(
                attempt("a", 0, "b", 0, "c", 0),
                attempt("a", 1, "b", 0, "c", 0),
                attempt("a", 1, "b", 1, "c", 1),
                attempt("a", 1, "b", 1, "c", 1));
        assertEquals(2, ItemAnalysis.test(four, 3).median().getAsDouble(), EPS);
    }

    @Test
    void tooFewAttemptsGiveFacilityOnly() {
        // Moodle: with one attempt the variance needs s - 1 = 0: sd, discrimination and efficiency are not defined
        QuestionStatistics q =
                ItemAnalysis.questions(List.of(attempt("q", 1, "r", 0))).get("q");
        assertEquals(1, q.attempts());
        assertEquals(100, q.facility().getAsDouble(), EPS);
        assertTrue(q.sd().isEmpty()
                && q.discrimination().isEmpty()
                && q.efficiency().isEmpty());
        TestStatistics t = ItemAnalysis.test(List.of(attempt("q", 1, "r", 0)), 2);
        assertEquals(1, t.mean().getAsDouble(), EPS);
        assertTrue(t.sd().isEmpty() && t.cic().isEmpty());
        assertTrue(ItemAnalysis.test(List.of(), 2).mean().isEmpty());
    }

    @Test
    void aQuestionEveryoneGotRightHasNoDiscrimination() {
        // q marks 1,1,1: variance 0 → Moodle shows no discrimination index and no efficiency (division by 0)
        List<ScoredAttempt> all = List.of(attempt("q", 1, "r", 1), attempt("q", 1, "r", 0), attempt("q", 1, "r", 0));
        QuestionStatistics q = ItemAnalysis.questions(all).get("q");
        assertEquals(100, q.facility().getAsDouble(), EPS);
        assertEquals(0, q.sd().getAsDouble(), EPS);
        assertTrue(q.discrimination().isEmpty());
        assertTrue(q.efficiency().isEmpty());
    }

    @Test
    void randomPapersCountEachQuestionOverTheAttemptsThatHadIt() {
        // four papers of two questions drawn from {a, b, c}, in the students' order:
        //   A1: a=1 b=1 (total 2)  A2: b=0 c=1 (1)  A3: c=0 a=1 (1)  A4: a=0 c=0 (0)
        // a: attempts A1, A3, A4: marks 1,1,0 → facility 66.67%; rest 1,0,0 (mean 1/3)
        //    mark dev 1/3,1/3,-2/3; rest dev 2/3,-1/3,-1/3; Σ products = 2/9 - 1/9 + 2/9 = 1/3, covariance 1/6
        //    variances: marks (1/9+1/9+4/9)/2 = 1/3, rest (4/9+1/9+1/9)/2 = 1/3 → discrimination 100 × (1/6)/(1/3) = 50
        //    sorted marks 0,1,1 (dev -2/3,1/3,1/3), rest 0,0,1 (dev -1/3,-1/3,2/3): Σ = 2/9 - 1/9 + 2/9 = 1/3 → 100%
        // b: attempts A1, A2: marks 1,0; c: attempts A2, A3, A4: marks 1,0,0 → 33.33%
        // positions: first 1,0,0,0 (variance (.5625 + 3×.0625)/3 = 0.25), second 1,1,1,0 (0.25); Σ 0.5
        // totals 2,1,1,0: mean 1, Σd² = 2, k2 = 2/3 → cic = 100 × 2 × (1 - 0.5/(2/3)) = 200 × 0.25 = 50
        List<ScoredAttempt> papers = List.of(
                attempt("a", 1, "b", 1), attempt("b", 0, "c", 1), attempt("c", 0, "a", 1), attempt("a", 0, "c", 0));
        Map<String, QuestionStatistics> q = ItemAnalysis.questions(papers);
        assertEquals(3, q.get("a").attempts());
        assertEquals(200.0 / 3, q.get("a").facility().getAsDouble(), EPS);
        assertEquals(50, q.get("a").discrimination().getAsDouble(), EPS);
        assertEquals(100, q.get("a").efficiency().getAsDouble(), EPS);
        assertEquals(2, q.get("b").attempts());
        assertEquals(50, q.get("b").facility().getAsDouble(), EPS);
        assertEquals(100.0 / 3, q.get("c").facility().getAsDouble(), EPS);
        assertEquals(50, ItemAnalysis.test(papers, 2).cic().getAsDouble(), EPS);
    }

    @Test
    void emptyStatisticsAreEmptyNotZero() {
        assertEquals(OptionalDouble.empty(), ItemAnalysis.test(List.of(), 30).cic());
    }
}
