package kz.emtihan.sitting.documents;

import java.util.List;

/** Input checks for the document records; every failure names the field it refers to. */
final class Check {
    private Check() {}

    static String text(String field, String value) {
        if (value == null) throw new IllegalArgumentException(field + " must not be null");
        if (value.isBlank()) throw new IllegalArgumentException(field + " must not be blank");
        return value.strip();
    }

    static String optionalText(String value) {
        return value == null ? "" : value.strip();
    }

    static <T> T present(String field, T value) {
        if (value == null) throw new IllegalArgumentException(field + " must not be null");
        return value;
    }

    static <T> List<T> nonEmpty(String field, List<T> values) {
        present(field, values);
        if (values.isEmpty()) throw new IllegalArgumentException(field + " must not be empty");
        for (int i = 0; i < values.size(); i++) present(field + "[" + i + "]", values.get(i));
        return List.copyOf(values);
    }
}
