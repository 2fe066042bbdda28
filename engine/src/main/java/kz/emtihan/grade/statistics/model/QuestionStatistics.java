package kz.emtihan.grade.statistics.model;

import java.util.OptionalDouble;

/**
 * One question's statistics over the finished attempts that had it, as Moodle's quiz statistics define them
 * (question/classes/statistics/questions/calculator.php), every one in percent; empty where Moodle shows nothing
 * (fewer than two attempts, or a division by zero).
 *
 * @param attempts how many finished attempts had the question on their paper (Moodle's {@code s})
 * @param facility the mean mark as a percent of the question's one point
 * @param sd the sample standard deviation (n - 1) of the mark, as a percent of the one point
 * @param discrimination the correlation of the question's mark with the rest of the test (the attempt's total less
 *     this question), times 100
 * @param efficiency the covariance of the mark with the rest of the test as a percent of the largest covariance those
 *     two sets of marks could have (both sorted)
 */
public record QuestionStatistics(
        String questionId,
        int attempts,
        OptionalDouble facility,
        OptionalDouble sd,
        OptionalDouble discrimination,
        OptionalDouble efficiency) {}
