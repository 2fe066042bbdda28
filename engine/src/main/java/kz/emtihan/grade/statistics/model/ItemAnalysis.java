package kz.emtihan.grade.statistics.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Item analysis after an exam (issue 12, 6), with the definitions of Moodle's quiz statistics report: per question its
 * facility, standard deviation, discrimination index and discriminative efficiency; per test the mean, median,
 * standard deviation, skewness, kurtosis and coefficient of internal consistency. Pure arithmetic over the finished
 * attempts; every question is worth one point (5.20.3).
 *
 * <p>Each student's paper is a random draw from the exam's pool (7.6, 5.23.3), as a Moodle quiz made of random
 * slots: a question's statistics are over the attempts that had it, and the rest of the test is the attempt's total
 * less that question's mark. Internal consistency is computed over paper positions, as Moodle computes it over slots.
 */
public final class ItemAnalysis {
    private static final double TINY = 1e-12;

    private ItemAnalysis() {}

    /** Per question, in order of first appearance over the attempts. */
    public static Map<String, QuestionStatistics> questions(List<ScoredAttempt> attempts) {
        Map<String, List<double[]>> pairs = new LinkedHashMap<>(); // question -> [mark, rest of the test]
        for (ScoredAttempt a : attempts) {
            double total = a.total();
            for (ScoredAttempt.Mark m : a.marks()) {
                pairs.computeIfAbsent(m.questionId(), q -> new ArrayList<>())
                        .add(new double[] {m.mark(), total - m.mark()});
            }
        }
        Map<String, QuestionStatistics> out = new LinkedHashMap<>();
        pairs.forEach((q, p) -> out.put(q, question(q, p)));
        return out;
    }

    static QuestionStatistics question(String questionId, List<double[]> pairs) {
        int s = pairs.size();
        double[] marks = new double[s];
        double[] rest = new double[s];
        for (int i = 0; i < s; i++) {
            marks[i] = pairs.get(i)[0];
            rest[i] = pairs.get(i)[1];
        }
        OptionalDouble facility = s == 0 ? OptionalDouble.empty() : OptionalDouble.of(100 * mean(marks));
        if (s < 2) {
            return new QuestionStatistics(
                    questionId, s, facility, OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.empty());
        }
        double markMean = mean(marks);
        double restMean = mean(rest);
        double markVariance = covariance(marks, markMean, marks, markMean);
        double restVariance = covariance(rest, restMean, rest, restMean);
        double covariance = covariance(marks, markMean, rest, restMean);
        // the largest covariance these two sets of marks allow: both sorted, best against best
        double[] sortedMarks = marks.clone();
        double[] sortedRest = rest.clone();
        Arrays.sort(sortedMarks);
        Arrays.sort(sortedRest);
        double covarianceMax = covariance(sortedMarks, markMean, sortedRest, restMean);
        // a variance or covariance that is zero but for rounding (every mark the same) is zero, as in Moodle's exact
        // sums
        if (markVariance < TINY) markVariance = 0;
        if (restVariance < TINY) restVariance = 0;
        if (Math.abs(covarianceMax) < TINY) covarianceMax = 0;
        double product = markVariance * restVariance;
        return new QuestionStatistics(
                questionId,
                s,
                facility,
                OptionalDouble.of(100 * Math.sqrt(markVariance)),
                product > 0 ? OptionalDouble.of(100 * covariance / Math.sqrt(product)) : OptionalDouble.empty(),
                covarianceMax != 0 ? OptionalDouble.of(100 * covariance / covarianceMax) : OptionalDouble.empty());
    }

    /** The whole test; {@code positions} is the number of questions on a paper (each worth one point). */
    public static TestStatistics test(List<ScoredAttempt> attempts, int positions) {
        int n = attempts.size();
        double[] totals = new double[n];
        for (int i = 0; i < n; i++) totals[i] = attempts.get(i).total();
        OptionalDouble none = OptionalDouble.empty();
        if (n == 0) return new TestStatistics(0, positions, positions, none, none, none, none, none, none, none, none);
        double mean = mean(totals);
        double[] sorted = totals.clone();
        Arrays.sort(sorted);
        double median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
        OptionalDouble sd = none, skewness = none, kurtosis = none, cic = none, errorRatio = none, error = none;
        if (n > 1) {
            double power2 = 0, power3 = 0, power4 = 0;
            for (double t : totals) {
                double d = t - mean;
                power2 += d * d;
                power3 += d * d * d;
                power4 += d * d * d * d;
            }
            sd = OptionalDouble.of(Math.sqrt(power2 / (n - 1)));
            if (n > 2) {
                double m2 = power2 / n, m3 = power3 / n, m4 = power4 / n;
                double k2 = n * m2 / (n - 1);
                double k3 = n * (double) n * m3 / ((n - 1) * (double) (n - 2));
                if (k2 > TINY) {
                    skewness = OptionalDouble.of(k3 / Math.pow(k2, 1.5));
                    if (n > 3) {
                        double k4 = n
                                * (double) n
                                * ((n + 1) * m4 - 3 * (n - 1) * m2 * m2)
                                / ((n - 1) * (double) (n - 2) * (n - 3));
                        kurtosis = OptionalDouble.of(k4 / (k2 * k2));
                    }
                    if (positions > 1) {
                        double alpha = (100.0 * positions / (positions - 1))
                                * (1 - sumOfPositionVariances(attempts, positions) / k2);
                        cic = OptionalDouble.of(alpha);
                        errorRatio = OptionalDouble.of(100 * Math.sqrt(1 - alpha / 100));
                        error = OptionalDouble.of(errorRatio.getAsDouble() * sd.getAsDouble() / 100);
                    }
                }
            }
        }
        return new TestStatistics(
                n,
                positions,
                positions,
                OptionalDouble.of(mean),
                OptionalDouble.of(median),
                sd,
                skewness,
                kurtosis,
                cic,
                errorRatio,
                error);
    }

    /** Σ over paper positions of the sample variance of the mark at that position (a position with one mark adds 0). */
    static double sumOfPositionVariances(List<ScoredAttempt> attempts, int positions) {
        double sum = 0;
        for (int p = 0; p < positions; p++) {
            List<Double> marks = new ArrayList<>();
            for (ScoredAttempt a : attempts) {
                if (p < a.marks().size()) marks.add(a.marks().get(p).mark());
            }
            if (marks.size() < 2) continue;
            double[] m = marks.stream().mapToDouble(Double::doubleValue).toArray();
            double mean = mean(m);
            sum += covariance(m, mean, m, mean);
        }
        return sum;
    }

    static double mean(double[] xs) {
        double sum = 0;
        for (double x : xs) sum += x;
        return sum / xs.length;
    }

    /** The sample covariance (n - 1) of paired values with the given means. */
    static double covariance(double[] xs, double xMean, double[] ys, double yMean) {
        double sum = 0;
        for (int i = 0; i < xs.length; i++) sum += (xs[i] - xMean) * (ys[i] - yMean);
        return sum / (xs.length - 1);
    }
}
