package kz.emtihan.exam;

import io.vertx.core.json.JsonArray;
import java.util.ArrayList;
import java.util.List;
import kz.emtihan.grade.model.RatingFormula;

/** The ratings a roster entry may carry (5.30, 6.10): read and checked, each 0-100. */
final class RosterRatings {
    private RosterRatings() {}

    /** A rating 0-100, or null when the value is not one. */
    static Double rating(Object v) {
        return v instanceof Number n && n.doubleValue() >= 0 && n.doubleValue() <= 100 ? n.doubleValue() : null;
    }

    /** Exactly two midterm ratings (5.20.2: two midterms a period), each 0-100; null otherwise. */
    static List<Double> midterms(Object v) {
        if (!(v instanceof JsonArray a) || a.size() != 2) return null;
        List<Double> two = new ArrayList<>();
        for (Object o : a) {
            Double r = rating(o);
            if (r == null) return null;
            two.add(r);
        }
        return List.copyOf(two);
    }

    /** 6.10: the admission rating is the mean of the two midterm ratings. */
    static double mean(List<Double> two) {
        return RatingFormula.admissionRating(two.get(0), two.get(1));
    }
}
