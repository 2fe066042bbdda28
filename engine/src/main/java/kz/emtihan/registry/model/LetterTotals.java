package kz.emtihan.registry.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kz.emtihan.grade.model.GradeBand;
import kz.emtihan.grade.model.GradeScale;

/** 5.33: the totals under a grade sheet: how many students got each letter of the scale, and how many have none. */
public record LetterTotals(Map<String, Integer> byLetter, int ungraded) {
    public LetterTotals {
        byLetter = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(byLetter));
    }

    /** Every letter of the scale from the highest, with its count (0 too); a letter not on the scale is counted apart. */
    public static LetterTotals of(List<Optional<String>> letters, GradeScale scale) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (GradeBand b : scale.bands()) counts.put(b.letter(), 0);
        int none = 0;
        for (Optional<String> l : letters) {
            if (l.isEmpty()) none++;
            else counts.merge(l.get(), 1, Integer::sum);
        }
        return new LetterTotals(counts, none);
    }
}
