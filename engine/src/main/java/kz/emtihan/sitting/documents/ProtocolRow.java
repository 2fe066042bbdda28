package kz.emtihan.sitting.documents;

import java.util.HashMap;
import java.util.Map;

/**
 * One student's line in the protocol of an oral final attestation (6.15.6).
 *
 * @param student      the student's full name
 * @param ticketNumber the ticket drawn by the random number generator, or {@code null} if none was drawn
 *                     (a thesis defence, or a sitting stopped before the draw)
 * @param scores       each commission member's score, 0..100, keyed by the member's name; a member who has
 *                     not scored (the student did not finish) is simply absent
 * @param finalScore   the commission's final score as it is to be printed ("87", or "—" when there is none)
 * @param letter       the commission's letter grade ("A-", "FX", "I"...); an appeal's grade is in {@code course}
 * @param note         free text a person wrote; may be null; never a code
 * @param course       how the exam went: times, draws, acts, postponements, the appeal
 */
public record ProtocolRow(
        String student,
        Integer ticketNumber,
        Map<String, Integer> scores,
        String finalScore,
        String letter,
        String note,
        ProtocolCourse course) {

    /** A row with nothing known beyond it. */
    public ProtocolRow(
            String student,
            Integer ticketNumber,
            Map<String, Integer> scores,
            String finalScore,
            String letter,
            String note) {
        this(student, ticketNumber, scores, finalScore, letter, note, ProtocolCourse.none());
    }

    public ProtocolRow {
        student = Check.text("student", student);
        if (ticketNumber != null && ticketNumber < 1) {
            throw new IllegalArgumentException("ticketNumber must be positive, was " + ticketNumber);
        }
        Check.present("scores", scores);
        Map<String, Integer> checked = new HashMap<>();
        for (Map.Entry<String, Integer> e : scores.entrySet()) {
            String member = Check.text("scores key", e.getKey());
            Integer score = Check.present("scores[" + member + "]", e.getValue());
            if (score < 0 || score > 100) {
                throw new IllegalArgumentException("scores[" + member + "] must be within 0..100, was " + score);
            }
            checked.put(member, score);
        }
        scores = Map.copyOf(checked);
        finalScore = Check.text("finalScore", finalScore);
        letter = Check.text("letter", letter);
        note = Check.optionalText(note);
        Check.present("course", course);
    }
}
