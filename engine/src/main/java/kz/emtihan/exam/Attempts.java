package kz.emtihan.exam;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.function.Supplier;
import kz.emtihan.auth.Caller;

/**
 * Attempts as the other contexts and the routes see them (5.20.3, 7.6). Each job is its own unit, wired by
 * {@link ExamModule}: {@link AttemptStart}, {@link AttemptViews}, {@link AttemptSaves}, {@link AttemptSubmission},
 * {@link AttemptGrading}, {@link AttemptSweep}, {@link AttemptHolds}; this class only hands each call to its unit.
 */
public final class Attempts {
    private final AttemptReads reads;
    private final AttemptStart starts;
    private final AttemptViews views;
    private final AttemptSaves saves;
    private final AttemptSubmission submission;
    private final AttemptSweep sweep;
    private final AttemptHolds holds;
    private final ExtrasSlot extras;

    /** The extras another context sets once at wiring, read by the units when they run. */
    static final class ExtrasSlot implements Supplier<AttemptExtras> {
        private volatile AttemptExtras extras = AttemptExtras.NONE;

        @Override
        public AttemptExtras get() {
            return extras;
        }
    }

    Attempts(
            ExtrasSlot extras,
            AttemptReads reads,
            AttemptStart starts,
            AttemptViews views,
            AttemptSaves saves,
            AttemptSubmission submission,
            AttemptSweep sweep,
            AttemptHolds holds) {
        this.extras = extras;
        this.reads = reads;
        this.starts = starts;
        this.views = views;
        this.saves = saves;
        this.submission = submission;
        this.sweep = sweep;
        this.holds = holds;
    }

    /** Lets another context (proctoring) hold attempts and add to their view; set once at wiring. */
    public void extras(AttemptExtras e) {
        extras.extras = e;
    }

    /** The attempt view and whether this call created it (201) or resumed it (200). */
    public record Started(boolean created, JsonObject attempt) {}

    public Future<Started> start(Caller student, String examId) {
        return starts.start(student, examId);
    }

    /** The attempt, if the caller owns it or may watch its exam: its teacher, its assigned proctors, admins. */
    public Future<JsonObject> get(Caller caller, String attemptId) {
        return views.get(caller, attemptId);
    }

    /** Who owns the attempt, of which exam, and its times; 404 for an unknown attempt. */
    public Future<AttemptFacts> facts(String attemptId) {
        return reads.facts(attemptId);
    }

    /** Acknowledged only once Redis has it; a stale seq is answered with the stored seq and changes nothing. */
    public Future<JsonObject> save(Caller caller, String attemptId, String questionId, JsonObject body) {
        return saves.save(caller, attemptId, questionId, body);
    }

    /** Merges the client's copy, finalises once, grades and signs; a repeated submit returns the same result. */
    public Future<JsonObject> submit(Caller caller, String attemptId, JsonObject body) {
        return submission.submit(caller, attemptId, body);
    }

    /** Ends the attempt for a violation (6.14) and grades it as zero. */
    public Future<JsonObject> terminate(String attemptId, String actor, String reason) {
        return submission.terminate(attemptId, actor, reason);
    }

    /** The identity step's hold and the clock's start (5.17.2, issue 10, 4). */
    public AttemptHolds holds() {
        return holds;
    }

    /**
     * Times out every attempt past deadline + grace, {@code batch} per read and {@code lanes} at a time, and grades what
     * is left ungraded; how many this call timed out (issue 14, 9).
     */
    public Future<Integer> finaliseDue(int batch, int lanes) {
        return sweep.finaliseDue(batch, lanes);
    }
}
