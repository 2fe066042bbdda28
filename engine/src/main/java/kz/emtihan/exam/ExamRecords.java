package kz.emtihan.exam;

import io.vertx.core.Future;
import io.vertx.redis.client.Redis;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import kz.emtihan.auth.Caller;
import kz.emtihan.exam.model.Exam;
import kz.emtihan.exam.model.ExamAccess;

/**
 * What the registry (issue 13, 5: 5.30, 5.33, 6.10) reads of exams: every exam, a roster with its ratings, each
 * student's result. The reads are plain; the registry asks {@link #allowed} (ExamAccess RESULTS) for the exam it
 * exports before it reads, and reads other exams (a discipline's midterms, a retake chain) only to compute that
 * exam's rows.
 */
public final class ExamRecords {
    private final Exams exams;
    private final AttemptStore attempts;

    private ExamRecords(Exams exams, AttemptStore attempts) {
        this.exams = exams;
        this.attempts = attempts;
    }

    /** Over the exam module's services and the same store. */
    public static ExamRecords of(ExamModule module, Redis redis) {
        return new ExamRecords(module.exams(), new AttemptStore(redis));
    }

    /** The exam, if the caller may read its results: its teacher, proctors assigned to it, registrars, admins. */
    public Future<Exam> allowed(Caller caller, String examId) {
        return exams.allowed(caller, examId, ExamAccess.Action.RESULTS);
    }

    /** The exams whose results the caller may read (the same rule), by opening. */
    public Future<List<Exam>> readable(Caller caller) {
        return exams.store()
                .all()
                .compose(ids ->
                        Future.all(ids.stream().map(exams.store()::guarded).toList()))
                .map(all -> all.<Optional<ExamStore.Guarded>>list().stream()
                        .flatMap(Optional::stream)
                        .filter(g -> g.access().allows(caller.id(), caller.roles(), ExamAccess.Action.RESULTS))
                        .map(ExamStore.Guarded::exam)
                        .sorted(Comparator.comparing(Exam::opensAt).thenComparing(Exam::id))
                        .toList());
    }

    /** Every exam, by opening. */
    public Future<List<Exam>> all() {
        return exams.store()
                .all()
                .compose(ids -> Future.all(ids.stream().map(exams.store()::get).toList()))
                .map(all -> all.<Optional<Exam>>list().stream()
                        .flatMap(Optional::stream)
                        .sorted(Comparator.comparing(Exam::opensAt).thenComparing(Exam::id))
                        .toList());
    }

    /** The roster (by id), the admission ratings it gave (5.30) and the midterm ratings they came from (6.10). */
    public record Roster(Set<String> students, Map<String, Double> admission, Map<String, List<Double>> midterms) {
        public Roster {
            students = java.util.Collections.unmodifiableSet(new TreeSet<>(students));
            admission = Map.copyOf(admission);
            midterms = Map.copyOf(midterms);
        }
    }

    public Future<Roster> roster(String examId) {
        ExamStore store = exams.store();
        return Future.all(store.roster(examId), store.admission(examId), store.midterms(examId))
                .map(done -> new Roster(done.resultAt(0), done.resultAt(1), done.resultAt(2)));
    }

    /** A graded attempt's grade (5.28), as the attempt stored it. */
    public record Scored(double points, double percent, String letter, double gpa, String traditional) {}

    /** A student's attempt: its status code and, once graded, its grade. */
    public record Result(String attemptId, String status, Optional<Scored> grade) {}

    /** Each student with an attempt at the exam, by id. */
    public Future<Map<String, Result>> results(String examId) {
        return exams.store().attemptsOf(examId).compose(attemptOf -> {
            List<String> students = new ArrayList<>(new LinkedHashSet<>(new TreeSet<>(attemptOf.keySet())));
            List<Future<Map<String, String>>> reads = new ArrayList<>();
            for (String s : students) reads.add(attempts.fields(attemptOf.get(s)));
            return Future.all(reads).map(all -> {
                Map<String, Result> out = new TreeMap<>();
                for (int i = 0; i < students.size(); i++) {
                    Map<String, String> f = all.resultAt(i);
                    Optional<Scored> grade = f.containsKey("letter")
                            ? Optional.of(new Scored(
                                    Double.parseDouble(f.get("points")),
                                    Double.parseDouble(f.get("percent")),
                                    f.get("letter"),
                                    Double.parseDouble(f.get("gpa")),
                                    f.get("traditional")))
                            : Optional.empty();
                    out.put(
                            students.get(i),
                            new Result(attemptOf.get(students.get(i)), f.getOrDefault("status", "unknown"), grade));
                }
                return out;
            });
        });
    }
}
