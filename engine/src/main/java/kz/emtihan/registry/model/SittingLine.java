package kz.emtihan.registry.model;

import java.util.Map;
import java.util.Optional;

/**
 * One student's line of a sitting's export (6.15.6, 6.15.2-6.15.5): who, the ticket, each member's score (by member
 * id), the final result, the appeal's change, and where the student stands.
 *
 * @param appeal   the letters before and after an appeal that changed the grade ("B → A-"), or {@code kept} when the
 *                 appeal commission kept it; empty without a decided appeal
 * @param standing a code: the student's state in the sitting ({@code graded}, {@code postponed}, ...), or {@code I} /
 *                 {@code F} for an incomplete grade before / after its deadline (6.15.2)
 */
public record SittingLine(
        String studentId,
        String name,
        String group,
        Optional<Integer> ticket,
        Map<String, Integer> scores,
        Optional<Scored> result,
        Optional<String> appeal,
        String standing) {
    public SittingLine {
        scores = Map.copyOf(scores);
    }
}
