package kz.emtihan.grade.statistics.model;

import java.util.OptionalDouble;

/**
 * The whole test's statistics over the finished attempts, as Moodle's quiz statistics define them
 * (mod/quiz/report/statistics/classes/calculator.php). Marks are points (one per question); {@code maxPoints} is the
 * number of questions on a paper, so a percent is {@code 100 × points / maxPoints}.
 *
 * @param attempts how many finished attempts
 * @param positions how many questions a paper has (Moodle's {@code p}, the number of slots)
 * @param mean the mean total
 * @param median the middle total (the mean of the two middle ones for an even count)
 * @param sd the sample standard deviation (n - 1) of the totals, from two attempts
 * @param skewness Moodle's {@code k3 / k2^1.5}, from three attempts
 * @param kurtosis Moodle's {@code k4 / k2²}, from four attempts
 * @param cic the coefficient of internal consistency (Cronbach's alpha, in percent), position by position as Moodle
 *     does for a test of random questions, from three attempts and two positions
 * @param errorRatio {@code 100 × √(1 − cic/100)}
 * @param standardError {@code errorRatio × sd / 100}, in points
 */
public record TestStatistics(
        int attempts,
        int positions,
        double maxPoints,
        OptionalDouble mean,
        OptionalDouble median,
        OptionalDouble sd,
        OptionalDouble skewness,
        OptionalDouble kurtosis,
        OptionalDouble cic,
        OptionalDouble errorRatio,
        OptionalDouble standardError) {

    /** A value in points as a percent of the paper's maximum. */
    public OptionalDouble percent(OptionalDouble points) {
        return points.isPresent() && maxPoints > 0
                ? OptionalDouble.of(100 * points.getAsDouble() / maxPoints)
                : OptionalDouble.empty();
    }
}
