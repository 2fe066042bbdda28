package kz.emtihan.sitting;

import io.vertx.core.Future;
import java.time.Instant;

/**
 * Issue 16 (3): who is told when a student's result of a sitting becomes final: the chair confirms it (6.15.6) or an
 * appeal is decided (6.15.5; the grade changed, or kept: the listener sends an unchanged score once only). Told after
 * the result is stored; a listener that could not take it catches up from {@link Sittings#finalResults}, which lists
 * every final result as it stands (the same shape as kz.emtihan.exam.FinalResults, without a dependency on who
 * listens).
 */
public interface SittingResults {
    /**
     * One student's final result of a sitting: points out of the sitting's maximum, the letter, the time, and
     * {@code source} "sitting" (confirmed) or "appeal" (an appeal's decision gave it).
     */
    record Final(
            String sittingId,
            String title,
            String studentId,
            double points,
            int maxScore,
            String letter,
            Instant at,
            String source) {}

    Future<Void> published(Final result);

    SittingResults NONE = result -> Future.succeededFuture();

    /** The listener, plugged in once the context that listens is wired. */
    final class Slot implements java.util.function.Supplier<SittingResults> {
        private volatile SittingResults listener = NONE;

        public void set(SittingResults listener) {
            this.listener = listener;
        }

        @Override
        public SittingResults get() {
            return listener;
        }
    }
}
