package kz.emtihan.grade.statistics.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Issue 12 (6): the statistics against an independent computation, done as a spreadsheet would (column sums and the
 * textbook raw-score formulas: PEARSON, VAR.S, CORREL; none of ItemAnalysis's code), on 40 random papers of 5
 * questions drawn from a pool of 12, with half marks as the fractions rule gives them.
 */
class ItemAnalysisSpreadsheetTest {
    static final int POOL = 12, PAPER = 5, ATTEMPTS = 40;

    @Test
    void everyStatisticAgreesWithTheSpreadsheet() {
        Random random = new Random(20261206);
        List<ScoredAttempt> attempts = new ArrayList<>();
        double[][] byPosition = new double[PAPER][ATTEMPTS];
        for (int a = 0; a < ATTEMPTS; a++) {
            List<Integer> pool = new ArrayList<>();
            for (int q = 0; q < POOL; q++) pool.add(q);
            Collections.shuffle(pool, random);
            double ability = random.nextDouble();
            List<ScoredAttempt.Mark> marks = new ArrayList<>();
            for (int p = 0; p < PAPER; p++) {
                int q = pool.get(p);
                double difficulty = q / (double) POOL;
                double r = random.nextDouble();
                double mark = r < ability - difficulty + 0.3 ? 1 : r < ability - difficulty + 0.5 ? 0.5 : 0;
                marks.add(new ScoredAttempt.Mark("q" + q, mark, Set.of()));
                byPosition[p][a] = mark;
            }
            attempts.add(new ScoredAttempt(marks));
        }
        Map<String, QuestionStatistics> stats = ItemAnalysis.questions(attempts);
        for (int q = 0; q < POOL; q++) {
            // the question's column: its mark and the rest of the test, one row per attempt that had it
            List<double[]> rows = new ArrayList<>();
            for (ScoredAttempt a : attempts) {
                double total = 0, mark = -1;
                for (ScoredAttempt.Mark m : a.marks()) {
                    total += m.mark();
                    if (m.questionId().equals("q" + q)) mark = m.mark();
                }
                if (mark >= 0) rows.add(new double[] {mark, total - mark});
            }
            double[] x = rows.stream().mapToDouble(r -> r[0]).toArray();
            double[] y = rows.stream().mapToDouble(r -> r[1]).toArray();
            QuestionStatistics s = stats.get("q" + q);
            assertEquals(x.length, s.attempts());
            assertEquals(100 * sum(x) / x.length, s.facility().getAsDouble(), 1e-9, "facility of q" + q);
            assertEquals(100 * Math.sqrt(varS(x)), s.sd().getAsDouble(), 1e-9, "sd of q" + q);
            assertEquals(100 * pearson(x, y), s.discrimination().getAsDouble(), 1e-9, "discrimination of q" + q);
            double[] xs = x.clone(), ys = y.clone();
            Arrays.sort(xs);
            Arrays.sort(ys);
            // efficiency = COVARIANCE.S(x, y) / COVARIANCE.S(sorted x, sorted y)
            assertEquals(100 * covS(x, y) / covS(xs, ys), s.efficiency().getAsDouble(), 1e-9, "efficiency of q" + q);
        }
        double[] totals = attempts.stream().mapToDouble(ScoredAttempt::total).toArray();
        double sumOfPositionVariances = 0;
        for (double[] column : byPosition) sumOfPositionVariances += varS(column);
        // Cronbach's alpha = k/(k-1) × (1 - Σ VAR.S(item) / VAR.S(total)), items being the paper positions
        double alpha = PAPER / (PAPER - 1.0) * (1 - sumOfPositionVariances / varS(totals));
        TestStatistics t = ItemAnalysis.test(attempts, PAPER);
        assertEquals(sum(totals) / ATTEMPTS, t.mean().getAsDouble(), 1e-9);
        assertEquals(Math.sqrt(varS(totals)), t.sd().getAsDouble(), 1e-9);
        assertEquals(100 * alpha, t.cic().getAsDouble(), 1e-9);
        double[] sorted = totals.clone();
        Arrays.sort(sorted);
        assertEquals((sorted[19] + sorted[20]) / 2, t.median().getAsDouble(), 1e-9);
    }

    static double sum(double[] xs) {
        double s = 0;
        for (double x : xs) s += x;
        return s;
    }

    /** VAR.S by the raw-score formula: (nΣx² − (Σx)²) / (n(n − 1)). */
    static double varS(double[] xs) {
        double n = xs.length, sx = 0, sxx = 0;
        for (double x : xs) {
            sx += x;
            sxx += x * x;
        }
        return (n * sxx - sx * sx) / (n * (n - 1));
    }

    /** COVARIANCE.S by the raw-score formula: (nΣxy − ΣxΣy) / (n(n − 1)). */
    static double covS(double[] xs, double[] ys) {
        double n = xs.length, sx = 0, sy = 0, sxy = 0;
        for (int i = 0; i < xs.length; i++) {
            sx += xs[i];
            sy += ys[i];
            sxy += xs[i] * ys[i];
        }
        return (n * sxy - sx * sy) / (n * (n - 1));
    }

    /** PEARSON: (nΣxy − ΣxΣy) / √((nΣx² − (Σx)²)(nΣy² − (Σy)²)). */
    static double pearson(double[] xs, double[] ys) {
        double n = xs.length, sx = 0, sy = 0, sxx = 0, syy = 0, sxy = 0;
        for (int i = 0; i < xs.length; i++) {
            sx += xs[i];
            sy += ys[i];
            sxx += xs[i] * xs[i];
            syy += ys[i] * ys[i];
            sxy += xs[i] * ys[i];
        }
        return (n * sxy - sx * sy) / Math.sqrt((n * sxx - sx * sx) * (n * syy - sy * sy));
    }
}
