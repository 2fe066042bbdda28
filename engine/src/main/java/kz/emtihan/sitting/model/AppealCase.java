package kz.emtihan.sitting.model;

import java.time.Instant;
import java.util.Optional;

/**
 * One student's appeal as the sitting records it (6.15.4-6.15.5): the reason, when it was filed and to whom, the
 * appeal commission's meeting and decision, and the grade before and after. Its deadlines are {@link Appeal}'s. A text
 * the document lacks (a record edited by hand) is empty.
 *
 * @param by       who took the last step on it (the meeting, then the decision)
 * @param decision {@code kept} or {@code changed}, once decided
 */
public record AppealCase(
        String id,
        String studentId,
        String reason,
        Instant filedAt,
        String to,
        Optional<Instant> meetingAt,
        Optional<Instant> decidedAt,
        String by,
        String decision,
        String comment,
        Optional<String> gradeBefore,
        Optional<String> gradeAfter) {

    /** The timing rules of this appeal, against the sitting's end (6.15.4-6.15.5). */
    public Appeal timing(Instant sittingEnded) {
        return new Appeal(sittingEnded, filedAt, meetingAt, decidedAt);
    }

    AppealCase met(Instant at, String who) {
        return new AppealCase(
                id,
                studentId,
                reason,
                filedAt,
                to,
                Optional.of(at),
                decidedAt,
                who,
                decision,
                comment,
                gradeBefore,
                gradeAfter);
    }

    AppealCase decided(
            Instant at, String who, String how, String why, Optional<String> before, Optional<String> after) {
        return new AppealCase(
                id, studentId, reason, filedAt, to, meetingAt, Optional.of(at), who, how, why, before, after);
    }
}
