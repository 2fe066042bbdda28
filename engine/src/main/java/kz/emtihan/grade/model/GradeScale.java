package kz.emtihan.grade.model;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * 5.28-5.29: percent to letter, GPA points and traditional grade. Bands are read from regulation.yaml;
 * a percent belongs to the highest band whose minimum it reaches (94.99 is still A-).
 */
public record GradeScale(List<GradeBand> bands) {
    public GradeScale {
        bands = bands.stream()
                .sorted(Comparator.comparingInt(GradeBand::minPercent).reversed())
                .toList();
        if (bands.isEmpty() || bands.get(bands.size() - 1).minPercent() != 0) {
            throw new IllegalArgumentException("the grade scale must have a band starting at 0");
        }
        for (int i = 1; i < bands.size(); i++) {
            if (bands.get(i).minPercent() == bands.get(i - 1).minPercent()) {
                throw new IllegalArgumentException(
                        "two grade bands start at " + bands.get(i).minPercent());
            }
        }
    }

    public GradeBand bandOf(double percent) {
        if (percent < 0 || percent > 100 || Double.isNaN(percent)) {
            throw new IllegalArgumentException("percent out of 0..100: " + percent);
        }
        for (GradeBand b : bands) if (percent >= b.minPercent()) return b;
        throw new AssertionError("a band starts at 0");
    }

    /** Points of a test to a grade; percent is rounded to two decimals before the band is chosen. */
    public Grade grade(double points, int maxPoints) {
        double percent = maxPoints == 0 ? 0 : Math.round(points * 10000.0 / maxPoints) / 100.0;
        GradeBand b = bandOf(percent);
        return new Grade(points, maxPoints, percent, b.letter(), b.gpa(), b.traditional());
    }

    /** The band of this letter, if the scale has one. */
    public Optional<GradeBand> band(String letter) {
        return bands.stream().filter(b -> b.letter().equals(letter)).findFirst();
    }

    /**
     * The percent nearest to {@code percent} that the band covers: its minimum when {@code percent} is below it, just
     * under the next band's minimum (two decimals) when above it, {@code percent} itself inside it. An appeal that
     * changes a letter (6.15.5) moves the points there, so points, percent, letter and GPA agree.
     */
    public double nearestIn(GradeBand band, double percent) {
        int i = bands.indexOf(band);
        if (i < 0) throw new IllegalArgumentException("not a band of this scale: " + band);
        double top = i == 0 ? 100 : bands.get(i - 1).minPercent() - 0.01;
        return Math.min(top, Math.max(band.minPercent(), percent));
    }
}
