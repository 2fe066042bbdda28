package kz.emtihan.exam;

import io.vertx.core.Future;
import io.vertx.redis.client.Redis;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kz.emtihan.auth.Caller;
import kz.emtihan.bank.model.Question;
import kz.emtihan.exam.model.Attempt;
import kz.emtihan.exam.model.Exam;
import kz.emtihan.exam.model.ExamAccess;

/**
 * What an exam produced, for readers outside the exam context (item statistics, issue 12, 6): the exam, its frozen
 * pool (ExamSnapshot) and every finished attempt with its paper and answers. Only for a caller {@link ExamAccess} lets
 * manage the exam: its teacher and admins; the check comes before anything is read.
 */
public final class ExamOutcomes {
    private final Exams exams;
    private final AttemptStore store;

    private ExamOutcomes(Exams exams, AttemptStore store) {
        this.exams = exams;
        this.store = store;
    }

    /** Over the exam module's services and the same store. */
    public static ExamOutcomes of(ExamModule module, Redis redis) {
        return new ExamOutcomes(module.exams(), new AttemptStore(redis));
    }

    /** The exam, its pool in the bank's frozen form, its finished attempts (by attempt id). */
    public record Outcome(Exam exam, List<Question> pool, List<Attempt> finished) {
        public Outcome {
            pool = List.copyOf(pool);
            finished = List.copyOf(finished);
        }
    }

    public Future<Outcome> of(Caller caller, String examId) {
        return exams.allowed(caller, examId, ExamAccess.Action.MANAGE)
                .compose(e -> Future.all(exams.snapshot(examId), exams.store().attemptsOf(examId)))
                .compose(done -> {
                    ExamSnapshot snap = done.resultAt(0);
                    Map<String, String> attemptOf = done.resultAt(1);
                    List<Future<Optional<Attempt>>> loads = new ArrayList<>();
                    for (String id : attemptOf.values()) loads.add(store.load(id));
                    return Future.all(loads).map(all -> {
                        List<Attempt> finished = all.<Optional<Attempt>>list().stream()
                                .flatMap(Optional::stream)
                                .filter(a -> a.status().finished())
                                .sorted(Comparator.comparing(Attempt::id))
                                .toList();
                        return new Outcome(snap.exam(), snap.pool(), finished);
                    });
                });
    }
}
