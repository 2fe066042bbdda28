package kz.emtihan.exam;

import io.vertx.core.Future;
import kz.emtihan.auth.Caller;
import kz.emtihan.exam.model.Attempt;
import kz.emtihan.exam.model.ExamAccess;
import kz.emtihan.refusal.CommonRefusal;
import kz.emtihan.refusal.Refusal;

/** Reading one attempt on behalf of a caller: whose it is, who may see it (ExamAccess), 404 for an unknown one. */
final class AttemptReads {
    private final Exams exams;
    private final AttemptStore store;

    AttemptReads(Exams exams, AttemptStore store) {
        this.exams = exams;
        this.store = store;
    }

    Future<Attempt> load(String attemptId) {
        return store.load(attemptId).map(a -> a.orElseThrow(() -> notFound(attemptId)));
    }

    /** Who owns the attempt, of which exam, and its times; 404 for an unknown attempt. */
    Future<AttemptFacts> facts(String attemptId) {
        return store.facts(attemptId).map(f -> f.orElseThrow(() -> notFound(attemptId)));
    }

    /** The attempt, if it is the caller's own (no exam facts needed) or the caller may watch its exam ({@link ExamAccess}). */
    Future<Attempt> readable(Caller caller, String attemptId) {
        return load(attemptId).compose(a -> {
            if (ExamAccess.ownAttempt(caller.id(), a.studentId())) return Future.succeededFuture(a);
            if (!caller.hasAny(ExamAccess.watchingRoles())) return Future.failedFuture(notYours());
            return exams.allowed(caller, a.examId(), ExamAccess.Action.WATCH).map(e -> a);
        });
    }

    /** The attempt, if it is the caller's own. */
    Future<Attempt> owned(Caller caller, String attemptId) {
        return load(attemptId).map(a -> {
            if (a.studentId().equals(caller.id())) return a;
            throw notYours();
        });
    }

    Exams exams() {
        return exams;
    }

    static Refusal notFound(String attemptId) {
        return Refusal.of(CommonRefusal.NOT_FOUND, ExamWords.attempt(), attemptId);
    }

    /** Another student's attempt. */
    static Refusal notYours() {
        return Refusal.of(CommonRefusal.FORBIDDEN);
    }
}
