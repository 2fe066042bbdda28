package kz.emtihan.exam.model;

import java.util.Optional;
import java.util.Set;

/**
 * Who may retake (5.36-5.38), from regulation.yaml {@code retake}: the letters of a result that leave academic debt,
 * and whether a student on the roster with no result (never sat, or I) may retake.
 */
public record RetakeRule(Set<String> letters, boolean absent) {
    public RetakeRule {
        letters = Set.copyOf(letters);
    }

    /** A student's standing on the exam retaken: the letter that counts so far, or none (absent, I). */
    public boolean allows(Optional<String> letter) {
        if (letter.isEmpty() || letter.get().equals("I")) return absent;
        return letters.contains(letter.get());
    }
}
