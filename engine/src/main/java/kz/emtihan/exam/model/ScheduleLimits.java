package kz.emtihan.exam.model;

import java.util.List;

/**
 * The schedule's numbers of regulation.yaml {@code schedule} (5.20.1-5.20.3), counted per discipline in one period of
 * the academic calendar.
 *
 * @param currentControlMax     5.20.1: at most this many current-control tasks (6)
 * @param currentControlPerWeek 5.20.1: at most this many a week (1)
 * @param midtermWeeks          5.20.2: the weeks the midterms open in, one each (6 and 14)
 * @param attestationsPerPeriod 5.20.3: intermediate-attestation tests (1); a retake is the same attestation
 */
public record ScheduleLimits(
        int currentControlMax, int currentControlPerWeek, List<Integer> midtermWeeks, int attestationsPerPeriod) {
    public ScheduleLimits {
        midtermWeeks = List.copyOf(midtermWeeks);
    }
}
