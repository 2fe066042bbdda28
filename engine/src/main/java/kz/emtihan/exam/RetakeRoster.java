package kz.emtihan.exam;

import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kz.emtihan.exam.model.Exam;
import kz.emtihan.exam.model.RetakeRule;
import kz.emtihan.grade.model.CountingResult;
import kz.emtihan.refusal.Problem;
import kz.emtihan.refusal.Refusal;

/**
 * 5.36-5.38: a retake's roster holds only the students whose result on the chain so far allows a retake under
 * regulation.yaml {@code retake}: the result that counts ({@link CountingResult}, over the first exam and the retakes
 * that opened before this one) has a debt letter, or the student was on a roster of the chain with no result. Each
 * other student is refused with their position.
 */
final class RetakeRoster {
    private final ExamStore store;
    private final RetakeRule rule;

    RetakeRoster(ExamStore store, RetakeRule rule) {
        this.store = store;
        this.rule = rule;
    }

    /** Fails with {@link ExamRefusal#RETAKE_ROSTER} naming each student who may not retake; nothing is changed. */
    Future<Void> check(Exam retake, List<String> students) {
        String first = retake.retakeOf().orElseThrow();
        return store.index(ExamKeys.retakes(first))
                .compose(retakes -> {
                    List<Future<Optional<Exam>>> exams = new ArrayList<>();
                    exams.add(store.get(first));
                    for (String id : retakes.keySet()) if (!id.equals(retake.id())) exams.add(store.get(id));
                    return Future.all(exams);
                })
                .compose(all -> {
                    List<Exam> before = all.<Optional<Exam>>list().stream()
                            .flatMap(Optional::stream)
                            .filter(e -> e.opensAt().isBefore(retake.opensAt()))
                            .toList();
                    return Future.all(before.stream()
                                    .map(e -> store.standings(e.id()))
                                    .toList())
                            .map(done -> {
                                List<Problem> problems = new ArrayList<>();
                                for (int i = 0; i < students.size(); i++) {
                                    List<Map<String, ExamStore.Standing>> standings = done.list();
                                    problems.addAll(problem(i, students.get(i), first, before, standings).stream()
                                            .toList());
                                }
                                if (!problems.isEmpty())
                                    throw Refusal.of(ExamRefusal.RETAKE_ROSTER, problems.size())
                                            .withProblems(problems);
                                return null;
                            });
                });
    }

    private Optional<Problem> problem(
            int index,
            String student,
            String first,
            List<Exam> chain,
            List<Map<String, ExamStore.Standing>> standings) {
        List<CountingResult.Sitting<String>> sittings = new ArrayList<>();
        boolean met = false;
        for (int e = 0; e < chain.size(); e++) {
            ExamStore.Standing s = standings.get(e).get(student);
            if (s == null) continue;
            met = true;
            if (s.letter().isEmpty() && s.status().isPresent())
                // an attempt with no grade yet (in progress, or being graded): its result is not known
                return Optional.of(Problem.index(
                        index,
                        ExamWords.problem(
                                "retake.pending",
                                "student",
                                student,
                                "exam",
                                chain.get(e).id())));
            sittings.add(
                    new CountingResult.Sitting<>(chain.get(e).id(), chain.get(e).opensAt(), s.letter()));
        }
        if (!met)
            return Optional.of(
                    Problem.index(index, ExamWords.problem("retake.not-on-roster", "student", student, "exam", first)));
        Optional<String> letter = CountingResult.counting(sittings).flatMap(CountingResult.Sitting::result);
        if (rule.allows(letter)) return Optional.empty();
        return Optional.of(Problem.index(
                index,
                letter.isPresent()
                        ? ExamWords.problem("retake.passed", "student", student, "letter", letter.get())
                        : ExamWords.problem("retake.absent", "student", student)));
    }
}
