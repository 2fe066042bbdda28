package kz.emtihan.exam;

import java.time.Instant;
import java.util.Optional;
import kz.emtihan.exam.model.AttemptStatus;

/** What other contexts need to know of an attempt: whose it is, of which exam, and where it stands in time. */
public record AttemptFacts(
        String id,
        String examId,
        String studentId,
        AttemptStatus status,
        Instant startedAt,
        Instant deadline,
        Optional<Instant> finishedAt,
        boolean held) {

    /** When the attempt ended, or its deadline while it runs. */
    public Instant endOrDeadline() {
        return finishedAt.orElse(deadline);
    }
}
