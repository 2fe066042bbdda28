package kz.emtihan.refusal;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import kz.emtihan.text.Text;

/**
 * What is wrong with one record or field of a refused request: where it is ({@code field}, {@code index}, {@code
 * line}, ...) and a sentence saying what is wrong, rendered in the caller's language at the edge.
 */
public record Problem(Map<String, Object> at, Text text) {
    public Problem {
        at = Collections.unmodifiableMap(new LinkedHashMap<>(at));
    }

    public static Problem field(String field, Text text) {
        return new Problem(Map.of("field", field), text);
    }

    public static Problem index(int index, Text text) {
        return new Problem(Map.of("index", index), text);
    }

    public static Problem line(long line, Text text) {
        return new Problem(Map.of("line", line), text);
    }
}
