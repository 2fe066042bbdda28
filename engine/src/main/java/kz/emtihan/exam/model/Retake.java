package kz.emtihan.exam.model;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import kz.emtihan.calendar.model.AcademicCalendar;
import kz.emtihan.calendar.model.AcademicCalendar.Period;
import kz.emtihan.text.Text;

/**
 * 5.36-5.38: a retake is the same intermediate attestation taken again by the students with academic debt, linked to
 * the first exam of its chain. It opens after the window of the exam it retakes closed, in that exam's period (the
 * session), the period right after it, or the summer semester of that academic year.
 */
public final class Retake {
    private static final String WORDS = "kz.emtihan.exam.words";

    private Retake() {}

    /**
     * The problems of a retake plan, each citing 5.36-5.38.
     *
     * @param retaken         the exam named in {@code retakeOf}
     * @param first           the first exam of its chain ({@code retaken} itself unless that is a retake)
     * @param sameDiscipline  the retake's bank is of the first exam's discipline
     */
    public static List<ExamPlan.Problem> check(
            AcademicCalendar calendar,
            Exam retaken,
            Exam first,
            ExamKind kind,
            Instant opensAt,
            boolean sameDiscipline) {
        List<ExamPlan.Problem> out = new ArrayList<>();
        if (first.kind() != ExamKind.INTERMEDIATE_ATTESTATION || kind != ExamKind.INTERMEDIATE_ATTESTATION)
            out.add(problem("retake.kind"));
        if (!sameDiscipline) out.add(problem("retake.discipline", "exam", first.id()));
        if (opensAt.isBefore(retaken.closesAt()))
            out.add(problem(
                    "retake.before",
                    "exam",
                    retaken.id(),
                    "closesAt",
                    retaken.closesAt().toString()));
        Optional<Period> original = calendar.periodAt(first.opensAt());
        Optional<Period> at = calendar.periodAt(opensAt);
        if (original.isPresent() && at.isPresent()) {
            List<Period> allowed = allowedPeriods(calendar, original.get());
            if (allowed.stream().noneMatch(p -> p.key().equals(at.get().key())))
                out.add(problem(
                        "retake.period",
                        "period",
                        at.get().key(),
                        "allowed",
                        String.join(", ", allowed.stream().map(Period::key).toList())));
        }
        return out;
    }

    /** The periods a retake of an exam of {@code original} may open in: it, the next one, the summer of its year. */
    public static List<Period> allowedPeriods(AcademicCalendar calendar, Period original) {
        List<Period> out = new ArrayList<>(List.of(original));
        Period p = original;
        for (int i = 0; i < calendar.periods().size(); i++) {
            Optional<Period> next = next(calendar, p);
            if (next.isEmpty()) break;
            p = next.get();
            if (i == 0) out.add(p);
            else if (p.rule().summer() && p.academicYear().equals(original.academicYear())) out.add(p);
            if (!p.academicYear().equals(original.academicYear())) break;
        }
        return out.stream().distinct().toList();
    }

    /** The first period after {@code p}, past any vacation (within a year). */
    private static Optional<Period> next(AcademicCalendar calendar, Period p) {
        java.time.LocalDate day = p.ends().plusDays(1);
        for (int i = 0; i < 366; i++, day = day.plusDays(1)) {
            Optional<Period> found = calendar.periodOn(day);
            if (found.isPresent()) return found;
        }
        return Optional.empty();
    }

    private static ExamPlan.Problem problem(String key, Object... args) {
        return new ExamPlan.Problem("5.36", Text.of(WORDS, key, args));
    }
}
