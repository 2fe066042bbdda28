package kz.emtihan.exam.model;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/** One student's sitting of one exam, as stored. Times are the store's clock. */
public record Attempt(
        String id,
        String examId,
        String studentId,
        AttemptStatus status,
        Instant startedAt,
        Instant deadline,
        long seed,
        Paper paper,
        Optional<Instant> finishedAt,
        Map<String, StoredAnswer> answers) {

    /** The last stored answer to a question: its sequence number, when the store took it, the options chosen. */
    public record StoredAnswer(long seq, Instant savedAt, java.util.List<String> choices) {}

    public Attempt {
        answers = Map.copyOf(answers);
    }
}
