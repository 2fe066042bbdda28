package kz.emtihan.text;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A sentence to be said to a person in their language: a key in a resource bundle and named arguments. An argument
 * may itself be a {@code Text} (rendered in the same language), so a refusal can say "the field 'title': {problem}".
 * The words are chosen only when the sentence is rendered ({@link Catalogue#render}), at the edge.
 */
public record Text(String bundle, String key, Map<String, Object> args) {
    public Text {
        Objects.requireNonNull(bundle);
        Objects.requireNonNull(key);
        args = Collections.unmodifiableMap(new LinkedHashMap<>(args));
    }

    /** @param namedArgs name, value, name, value ... */
    public static Text of(String bundle, String key, Object... namedArgs) {
        if (namedArgs.length % 2 != 0) throw new IllegalArgumentException("arguments come in name, value pairs");
        Map<String, Object> args = new LinkedHashMap<>();
        for (int i = 0; i < namedArgs.length; i += 2) args.put((String) namedArgs[i], namedArgs[i + 1]);
        return new Text(bundle, key, args);
    }
}
