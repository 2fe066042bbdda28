package kz.emtihan.registry.model;

import java.util.Optional;

/**
 * One student's line of an exam's export (5.30, 5.33, 6.10): who (id, name, group), the admission rating and its
 * midterms, the attempt's status and grade, the final rating, and in a retake chain the exam whose result counts
 * (5.36-5.38).
 *
 * @param status        the attempt's status code ({@code not-started} without one)
 * @param countingExam  in a chain of retakes: the title of the exam whose result counts, if any counts; empty when the
 *                      exam has no retakes
 * @param counts        whether this exam's result is the one that counts (only in a chain)
 */
public record ExamLine(
        String studentId,
        String name,
        String group,
        Admission admission,
        String status,
        Optional<Scored> exam,
        Optional<FinalRating> finalRating,
        Optional<Boolean> counts,
        Optional<String> countingExam) {}
