package kz.emtihan.exam;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.List;
import kz.emtihan.exam.model.Exam;

/**
 * What another context adds to an attempt without the exam context knowing it: proctoring (5.17.2) holds an
 * attempt for its identity step (no questions, no answers, the clock not started) and adds its state to the
 * attempt view, and watches the attempt's evidence from its start and from its clock's start.
 */
public interface AttemptExtras {
    /** Whether a new attempt at this exam starts held (no questions served, no answers, clock not started) until released. */
    boolean holdAtStart(Exam exam);

    /** The attempt view with this context's part added; {@code held} says the attempt is held. */
    Future<JsonObject> decorate(JsonObject view, Exam exam, boolean held);

    /** Redis sorted sets to which a new attempt is added (score: the store's now) in the same step that starts it. */
    default List<String> watchFromStart(Exam exam) {
        return List.of();
    }

    /** How long after the start the sets of {@link #watchFromStart} count the new attempt as seen (the page's start-up). */
    default long watchGraceMillis() {
        return 0;
    }

    /** Redis sorted sets to which the attempt is added in the same step that starts its clock. */
    default List<String> watchFromClock(Exam exam) {
        return List.of();
    }

    /** The attempt of this exam is finished and graded (may be told more than once). */
    default void finished(Exam exam, String attemptId) {}

    AttemptExtras NONE = new AttemptExtras() {
        @Override
        public boolean holdAtStart(Exam exam) {
            return false;
        }

        @Override
        public Future<JsonObject> decorate(JsonObject view, Exam exam, boolean held) {
            return Future.succeededFuture(view);
        }
    };
}
