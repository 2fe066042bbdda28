package kz.emtihan.sitting.model;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * 6.15.6: "every member scores"; how the members' scores make one result (regulation.yaml would name it, as
 * {@code scoring.rule} names a ScoringRule). MEAN: the arithmetic mean. MEDIAN: the middle score, or the mean of the
 * two middle scores when the count is even. Either way the result is rounded half up to two decimals, never to whole
 * points, so rounding alone never lifts a result into the next letter band (the grade scale reads 94.99 as A-).
 */
public enum Aggregation {
    MEAN("mean"),
    MEDIAN("median");

    private static final BigDecimal TWO = BigDecimal.valueOf(2);
    private final String code;

    Aggregation(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static Optional<Aggregation> fromCode(String code) {
        for (Aggregation a : values()) if (a.code.equals(code)) return Optional.of(a);
        return Optional.empty();
    }

    /** The result of these scores, exact, rounded half up to two decimals. */
    public BigDecimal of(Collection<Integer> scores) {
        if (scores.isEmpty()) throw new IllegalArgumentException("no scores to aggregate");
        List<Integer> sorted = scores.stream().sorted().toList();
        BigDecimal result;
        if (this == MEAN) {
            BigDecimal sum = BigDecimal.valueOf(
                    sorted.stream().mapToLong(Integer::longValue).sum());
            result = sum.divide(BigDecimal.valueOf(sorted.size()), 2, RoundingMode.HALF_UP);
        } else {
            int mid = sorted.size() / 2;
            result = sorted.size() % 2 == 1
                    ? BigDecimal.valueOf(sorted.get(mid))
                    : BigDecimal.valueOf((long) sorted.get(mid - 1) + sorted.get(mid))
                            .divide(TWO);
        }
        return result.setScale(2, RoundingMode.HALF_UP);
    }
}
