package kz.emtihan.proctor;

import io.vertx.core.Future;
import kz.emtihan.auth.Caller;
import kz.emtihan.exam.AttemptFacts;
import kz.emtihan.exam.Attempts;
import kz.emtihan.exam.Exams;
import kz.emtihan.exam.model.Exam;
import kz.emtihan.http.Rejection;

/**
 * Who may do what with an attempt's proctoring (issue 4, 7): its student sends photos, snapshots, events and
 * recordings while it runs; the exam's watchers (proctors, the exam's teacher, admins) see and act.
 */
final class ProctorAccess {
    private final Attempts attempts;
    private final Exams exams;

    ProctorAccess(Attempts attempts, Exams exams) {
        this.attempts = attempts;
        this.exams = exams;
    }

    /** The attempt, if the caller is its student. */
    Future<AttemptFacts> owner(Caller caller, String attemptId) {
        return attempts.facts(attemptId).map(a -> {
            if (!a.studentId().equals(caller.id())) throw Rejection.forbidden("attempt " + attemptId + " is not yours");
            return a;
        });
    }

    /** The attempt, if the caller is its student and it is still in progress. */
    Future<AttemptFacts> ownerWhileOpen(Caller caller, String attemptId) {
        return owner(caller, attemptId).map(a -> {
            if (a.status().finished())
                throw Rejection.conflict(
                        "attempt-closed", "the attempt is " + a.status().code());
            return a;
        });
    }

    /** The attempt, if the caller may watch its exam: a proctor, the exam's teacher, an admin. */
    Future<AttemptFacts> watcher(Caller caller, String attemptId) {
        if (!caller.hasAny(kz.emtihan.exam.model.ExamAccess.watchingRoles())) {
            return Future.failedFuture(
                    Rejection.forbidden("only the exam's proctors, its teacher and admins see proctoring"));
        }
        return attempts.facts(attemptId)
                .compose(a -> exams.watched(caller, a.examId()).map(e -> a));
    }

    /** The attempt if the caller watches it, or is its student and {@code ownerMay} (a reviewed attempt). */
    Future<AttemptFacts> watcherOrOwner(
            Caller caller, String attemptId, java.util.function.Function<AttemptFacts, Future<Boolean>> ownerMay) {
        return attempts.facts(attemptId).compose(a -> {
            if (a.studentId().equals(caller.id())) {
                return ownerMay.apply(a).map(ok -> {
                    if (!ok)
                        throw new Rejection(
                                403, "not-reviewed", "the flags of your attempt are shown once it is reviewed");
                    return a;
                });
            }
            return watcher(caller, attemptId);
        });
    }

    Future<Exam> exam(AttemptFacts a) {
        return exams.exam(a.examId());
    }

    Attempts attempts() {
        return attempts;
    }
}
