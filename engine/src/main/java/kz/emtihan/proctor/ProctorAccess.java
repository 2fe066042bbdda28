package kz.emtihan.proctor;

import io.vertx.core.Future;
import kz.emtihan.auth.Caller;
import kz.emtihan.exam.AttemptFacts;
import kz.emtihan.exam.Attempts;
import kz.emtihan.exam.ExamRefusal;
import kz.emtihan.exam.Exams;
import kz.emtihan.exam.model.Exam;
import kz.emtihan.refusal.CommonRefusal;
import kz.emtihan.refusal.Kind;
import kz.emtihan.refusal.Refusal;

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
            if (!a.studentId().equals(caller.id())) throw Refusal.of(CommonRefusal.FORBIDDEN);
            return a;
        });
    }

    /** The attempt, if the caller is its student and it is still in progress. */
    Future<AttemptFacts> ownerWhileOpen(Caller caller, String attemptId) {
        return owner(caller, attemptId).map(a -> {
            if (a.status().finished()) throw Refusal.of(ExamRefusal.ATTEMPT_CLOSED);
            return a;
        });
    }

    /** The attempt, if the caller may watch its exam: a proctor, the exam's teacher, an admin. */
    Future<AttemptFacts> watcher(Caller caller, String attemptId) {
        if (!caller.hasAny(kz.emtihan.exam.model.ExamAccess.watchingRoles())) {
            return Future.failedFuture(Refusal.of(CommonRefusal.FORBIDDEN));
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
                    if (!ok) throw Refusal.of(ProctorRefusal.NOT_REVIEWED);
                    return a;
                });
            }
            return watcher(caller, attemptId);
        });
    }

    /** True when {@code err} says the attempt does not exist (deleted under a scan). */
    static boolean gone(Throwable err) {
        return err instanceof Refusal r && r.kind() == Kind.NOT_FOUND;
    }

    Future<Exam> exam(AttemptFacts a) {
        return exams.exam(a.examId());
    }

    Attempts attempts() {
        return attempts;
    }
}
