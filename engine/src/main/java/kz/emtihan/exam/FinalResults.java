package kz.emtihan.exam;

import io.vertx.core.Future;
import java.time.Instant;
import kz.emtihan.exam.model.Exam;
import kz.emtihan.grade.model.Grade;

/**
 * Issue 16 (3): who is told when a student's result of an exam becomes final (a test submitted, timed out or
 * terminated), before the result is stored, so that what must follow it (the grade for an LMS's gradebook) is
 * written first and a node that dies in between leaves the attempt to be graded — and told — again. Told more than
 * once for one result (a repeated submit, the sweeper). On the submit path of 10,000 students: an exam with nothing
 * to tell must answer from memory, with no store round trip.
 */
public interface FinalResults {
    Future<Void> graded(Exam exam, String studentId, Grade grade, Instant at);

    FinalResults NONE = (exam, student, grade, at) -> Future.succeededFuture();

    /** The listener, plugged in once the context that listens is wired (it depends on the exam context). */
    final class Slot implements java.util.function.Supplier<FinalResults> {
        private volatile FinalResults listener = NONE;

        public void set(FinalResults listener) {
            this.listener = listener;
        }

        @Override
        public FinalResults get() {
            return listener;
        }
    }
}
