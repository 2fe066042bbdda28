package kz.emtihan.exam.model;

import java.text.Normalizer;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import kz.emtihan.calendar.model.AcademicCalendar;
import kz.emtihan.calendar.model.AcademicCalendar.Period;
import kz.emtihan.text.Text;

/**
 * The schedule rules of 5.16 and 5.20.1-5.20.3, counted in the academic calendar: where a window falls (its period and
 * the week it opens in), and what the exams of the same discipline and kind already scheduled in that period allow.
 * A window belongs to the week and the period it opens in: a task is posted that week (5.20.1) and may be due later,
 * but never in a vacation.
 */
public final class ScheduleRules {
    private static final String WORDS = "kz.emtihan.exam.words";

    private ScheduleRules() {}

    /** An exam of the same discipline and kind already scheduled in the period, by the week it opens in. */
    public record Scheduled(String examId, int week) {}

    /** The period and opening week of a window, or the problems that keep it off the calendar (each with its clause). */
    public record Placed(Optional<Period> period, int week, List<ExamPlan.Problem> problems) {}

    /**
     * The discipline an exam counts under: the bank passport's discipline, programme and language of instruction, each
     * trimmed, with runs of spaces made one, in lower case and Unicode NFC ("Algebra " and "algebra" are one
     * discipline; the same discipline in another programme or language is another one).
     */
    public static String discipline(String discipline, String programme, String language) {
        return norm(discipline) + "|" + norm(programme) + "|" + norm(language);
    }

    private static String norm(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFC)
                .strip()
                .replaceAll("\\s+", " ")
                .toLowerCase(Locale.ROOT);
    }

    /** 5.16, 5.20.1, 5.20.2: the window against the calendar and the clock. */
    public static Placed place(
            AcademicCalendar calendar,
            ScheduleLimits limits,
            ExamKind kind,
            Instant opensAt,
            Instant closesAt,
            Instant now) {
        List<ExamPlan.Problem> out = new ArrayList<>();
        // 5.16: control runs according to the academic calendar; a window already over is not a schedule
        if (!closesAt.isAfter(now))
            out.add(new ExamPlan.Problem("5.16", Text.of(WORDS, "schedule.past", "closesAt", closesAt.toString())));
        LocalDate opens = calendar.date(opensAt);
        LocalDate closes = calendar.date(closesAt);
        Optional<Period> period = calendar.periodOn(opens);
        if (period.isEmpty())
            out.add(new ExamPlan.Problem("5.16", Text.of(WORDS, "schedule.vacation", "day", opens.toString())));
        else if (calendar.periodOn(closes).isEmpty())
            out.add(new ExamPlan.Problem("5.16", Text.of(WORDS, "schedule.vacation", "day", closes.toString())));
        int week = period.map(p -> p.week(opens)).orElse(0);
        if (period.isPresent()) {
            Period p = period.get();
            if (kind == ExamKind.CURRENT_CONTROL && !p.teaching(opens)) {
                // 5.20.1: current control is posted week by week during teaching
                out.add(new ExamPlan.Problem(
                        "5.20.1",
                        Text.of(
                                WORDS,
                                "schedule.teaching-weeks",
                                "week",
                                week,
                                "period",
                                p.key(),
                                "weeks",
                                p.rule().teachingWeeks())));
            }
            if (kind == ExamKind.MIDTERM && !limits.midtermWeeks().contains(week)) {
                // 5.20.2: the first midterm in week 6, the second in week 14
                out.add(new ExamPlan.Problem(
                        "5.20.2",
                        Text.of(
                                WORDS,
                                "schedule.midterm-week",
                                "weeks",
                                weeks(limits.midtermWeeks()),
                                "week",
                                week,
                                "period",
                                p.key())));
            }
        }
        return new Placed(period, week, out);
    }

    /**
     * 5.20.1-5.20.3: the plan against the exams of the same discipline and kind already scheduled in its period. A
     * retake is the same attestation (5.36-5.38) and is not counted here.
     */
    public static List<ExamPlan.Problem> count(
            ScheduleLimits limits, ExamKind kind, Period period, int week, List<Scheduled> scheduled) {
        List<ExamPlan.Problem> out = new ArrayList<>();
        List<Scheduled> sameWeek =
                scheduled.stream().filter(s -> s.week() == week).toList();
        switch (kind) {
            case CURRENT_CONTROL -> {
                if (scheduled.size() >= limits.currentControlMax())
                    out.add(new ExamPlan.Problem(
                            "5.20.1",
                            Text.of(
                                    WORDS,
                                    "schedule.current-control-max",
                                    "max",
                                    limits.currentControlMax(),
                                    "period",
                                    period.key())));
                if (sameWeek.size() >= limits.currentControlPerWeek())
                    out.add(new ExamPlan.Problem(
                            "5.20.1",
                            Text.of(
                                    WORDS,
                                    "schedule.current-control-week",
                                    "week",
                                    week,
                                    "period",
                                    period.key(),
                                    "exam",
                                    sameWeek.get(0).examId())));
            }
            case MIDTERM -> {
                if (!sameWeek.isEmpty())
                    out.add(new ExamPlan.Problem(
                            "5.20.2",
                            Text.of(
                                    WORDS,
                                    "schedule.midterm-taken",
                                    "week",
                                    week,
                                    "period",
                                    period.key(),
                                    "exam",
                                    sameWeek.get(0).examId())));
            }
            case INTERMEDIATE_ATTESTATION -> {
                if (scheduled.size() >= limits.attestationsPerPeriod())
                    out.add(new ExamPlan.Problem(
                            "5.20.3",
                            Text.of(
                                    WORDS,
                                    "schedule.attestation-taken",
                                    "period",
                                    period.key(),
                                    "exam",
                                    scheduled.get(0).examId())));
            }
        }
        return out;
    }

    private static String weeks(List<Integer> weeks) {
        return String.join(", ", weeks.stream().map(String::valueOf).toList());
    }
}
