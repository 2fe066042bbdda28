package kz.emtihan.exam;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import kz.emtihan.bank.model.Question;
import kz.emtihan.exam.model.Exam;

/** An exam with its frozen questions; immutable, so every engine node may cache it for good. */
record ExamSnapshot(Exam exam, List<Question> pool, Map<String, Question> byId) {
    static ExamSnapshot of(Exam exam, List<Question> pool) {
        return new ExamSnapshot(
                exam,
                List.copyOf(pool),
                pool.stream().collect(Collectors.toUnmodifiableMap(Question::id, Function.identity())));
    }
}
