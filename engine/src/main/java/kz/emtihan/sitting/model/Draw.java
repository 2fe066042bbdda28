package kz.emtihan.sitting.model;

import java.time.Instant;
import java.util.Optional;

/**
 * One ticket draw as recorded (6.15.6): its number in the sitting, who drew, the word the student gave before it, the
 * ticket that came out and when (a document from before the time was kept has none).
 */
public record Draw(int drawNumber, String studentId, String word, int ticket, Optional<Instant> at) {}
