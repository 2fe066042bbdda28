package kz.emtihan.lti.services;

import io.vertx.core.Future;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import kz.emtihan.exam.FinalResults;
import kz.emtihan.exam.model.Exam;
import kz.emtihan.grade.model.Grade;
import kz.emtihan.lti.LtiDirectory;
import kz.emtihan.lti.services.model.FinalScore;

/**
 * Issue 16 (3): queues a final result for the platforms when its exam has a resource link that takes grades. Which
 * exams have one is kept on this node (an answer is trusted for {@link #NO_LINK_MILLIS} when there is none, {@link
 * #LINK_MILLIS} when there is; one lookup per exam and node at a time), so a test of 10,000 students with no LMS
 * behind it costs the submit path and the deadline sweep a map read, not a store round trip. A link made on any node
 * is forgotten here before the request that made it answers ({@link kz.emtihan.lti.LinkNews}), so the next result
 * of the exam is queued at once, not up to {@link #NO_LINK_MILLIS} later.
 */
final class GradeTrigger implements FinalResults {
    static final long NO_LINK_MILLIS = 10_000;
    static final long LINK_MILLIS = 60_000;
    private final LtiDirectory directory;
    private final GradeStore store;
    private final Clock clock;
    private final ConcurrentHashMap<String, Known> known = new ConcurrentHashMap<>();
    private final kz.emtihan.lti.LinkWatch news;

    private record Known(Future<Boolean> linked, long until) {}

    GradeTrigger(LtiDirectory directory, GradeStore store, Clock clock) {
        this.directory = directory;
        this.store = store;
        this.clock = clock;
        this.news = directory.linkNews();
        // issue 16 (3): a link made on any node is forgotten here before its request answers (LinkNews)
        news.watch(this::forget, known::clear);
    }

    @Override
    public Future<Void> graded(Exam exam, String studentId, Grade grade, Instant at) {
        if (grade.maxPoints() <= 0) return Future.succeededFuture();
        return linked(exam.id())
                .compose(linked -> linked
                        ? queue(new FinalScore(
                                exam.id(),
                                studentId,
                                Math.max(0, Math.min(grade.points(), grade.maxPoints())),
                                grade.maxPoints(),
                                grade.letter(),
                                at,
                                "attempt"))
                        : Future.succeededFuture());
    }

    /** Queues the score (a re-grade to the same score changes nothing). */
    Future<Void> queue(FinalScore score) {
        return store.enqueue(score, clock.millis()).mapEmpty();
    }

    /** Whether the exam has a link that takes grades, from this node's memory when it is fresh. */
    Future<Boolean> linked(String examId) {
        long now = clock.millis();
        Known k = known.get(examId);
        if (k != null
                && news.live() // while the news of new links are not heard, memory is not trusted
                && now < k.until()
                && !(k.linked().isComplete() && k.linked().failed())) return k.linked();
        io.vertx.core.Promise<Boolean> asked = io.vertx.core.Promise.promise();
        Known mine = new Known(asked.future(), Long.MAX_VALUE);
        Known current = known.compute(examId, (id, old) -> old != null && old != k ? old : mine);
        if (current != mine) return current.linked(); // another caller asked first
        directory
                .linksOfExam(examId)
                .map(links -> {
                    boolean linked = links.stream().anyMatch(GradeSender::takesGrades);
                    long until = clock.millis() + (linked ? LINK_MILLIS : NO_LINK_MILLIS);
                    known.replace(examId, mine, new Known(Future.succeededFuture(linked), until));
                    return linked;
                })
                .onComplete(asked);
        return asked.future();
    }

    /** Forgets what this node knows of the exam's links (a sync or a resend has just read them). */
    void forget(String examId) {
        known.remove(examId);
    }
}
