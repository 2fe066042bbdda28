package kz.emtihan.lti.services;

import io.vertx.core.Future;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import kz.emtihan.lti.LtiDirectory;
import kz.emtihan.lti.services.model.FinalScore;
import kz.emtihan.lti.services.model.GradeTarget;
import kz.emtihan.sitting.SittingResults;
import kz.emtihan.sitting.Sittings;

/**
 * Issue 16 (3) for oral sittings: a confirmed result (6.15.6) and an appeal's decision (6.15.5) go to the line item of
 * every resource link of the sitting that takes grades, through the same durable queue, back-off and worker as a
 * test's (the queue keys a sitting's grade by {@link GradeTarget}, so it never meets an exam's). Points are out of the
 * sitting's maximum; the letter is the comment; a decision that keeps the grade has the same digest and sends nothing
 * new. The sitting tells this after it stored the result; {@link #sweep} catches up what a failed telling missed (a
 * Redis hiccup, a node that died in between): it queues every final result of every linked sitting again, which
 * changes nothing for a score already queued, sent or given up.
 */
final class SittingGrades implements SittingResults {
    private final LtiDirectory directory;
    private final GradeStore store;
    private final Sittings sittings;
    private final Clock clock;

    SittingGrades(LtiDirectory directory, GradeStore store, Sittings sittings, Clock clock) {
        this.directory = directory;
        this.store = store;
        this.sittings = sittings;
        this.clock = clock;
    }

    @Override
    public Future<Void> published(Final result) {
        return directory
                .linksOfSitting(result.sittingId())
                .compose(links -> links.stream().anyMatch(GradeSender::takesGrades)
                        ? queue(result).mapEmpty()
                        : Future.succeededFuture());
    }

    /** {@code queued} or {@code same}. */
    private Future<String> queue(Final r) {
        if (r.maxScore() <= 0) return Future.succeededFuture("same");
        return store.enqueue(
                new FinalScore(
                        GradeTarget.ofSitting(r.sittingId()).key(),
                        r.studentId(),
                        Math.max(0, Math.min(r.points(), r.maxScore())),
                        r.maxScore(),
                        r.letter(),
                        r.at(),
                        r.source()),
                clock.millis());
    }

    /** Queues every final result of every sitting a grading link opens; how many were new. */
    Future<Integer> sweep() {
        return directory.linkedSittings().compose(ids -> {
            Future<Integer> chain = Future.succeededFuture(0);
            for (String id : ids) chain = chain.compose(n -> sweep(id).map(m -> n + m));
            return chain;
        });
    }

    private Future<Integer> sweep(String sittingId) {
        return directory.linksOfSitting(sittingId).compose(links -> {
            if (links.stream().noneMatch(GradeSender::takesGrades)) return Future.succeededFuture(0);
            return sittings.finalResults(sittingId).compose(all -> {
                List<Future<String>> each = new ArrayList<>();
                for (Final f : all) each.add(queue(f));
                return Future.all(each).map(done -> (int)
                        each.stream().filter(f -> "queued".equals(f.result())).count());
            });
        });
    }
}
