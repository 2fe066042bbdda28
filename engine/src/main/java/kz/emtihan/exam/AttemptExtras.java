package kz.emtihan.exam;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import kz.emtihan.exam.model.Exam;

/**
 * What another context adds to an attempt without the exam context knowing it: proctoring (5.17.2) holds an
 * attempt for an identity check and adds its state to the attempt view.
 */
public interface AttemptExtras {
  /** Whether a new attempt at this exam starts held (no answers, no questions shown) until released. */
  boolean holdAtStart(Exam exam);

  /** The attempt view with this context's part added; {@code held} says the attempt is held. */
  Future<JsonObject> decorate(JsonObject view, Exam exam, boolean held);

  /** The attempt is finished and graded (may be told more than once). */
  default void finished(String attemptId) {}

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
