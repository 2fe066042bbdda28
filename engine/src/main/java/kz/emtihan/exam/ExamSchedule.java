package kz.emtihan.exam;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kz.emtihan.auth.Caller;
import kz.emtihan.bank.BankStore;
import kz.emtihan.bank.model.Passport;
import kz.emtihan.calendar.model.AcademicCalendar;
import kz.emtihan.config.Regulation;
import kz.emtihan.exam.model.Exam;
import kz.emtihan.exam.model.ExamAccess;
import kz.emtihan.exam.model.ExamPlan;
import kz.emtihan.exam.model.Retake;
import kz.emtihan.exam.model.ScheduleRules;
import kz.emtihan.refusal.CommonRefusal;
import kz.emtihan.refusal.Problem;
import kz.emtihan.refusal.Refusal;

/**
 * Puts an exam on the schedule (5.16, 5.20.1-5.20.3) or links it as a retake (5.36-5.38): the pure rules of
 * {@link ScheduleRules} and {@link Retake} over the exams already scheduled, then one script that stores the exam only
 * if the schedule it was checked against has not changed meanwhile (else it is checked again).
 */
final class ExamSchedule {
    private static final int TRIES = 20;
    private final ExamStore store;
    private final BankStore banks;
    private final Regulation regulation;

    ExamSchedule(ExamStore store, BankStore banks, Regulation regulation) {
        this.store = store;
        this.banks = banks;
        this.regulation = regulation;
    }

    /** Stores {@code exam} (whose bank has {@code passport}) if the schedule allows it; its id, as stored. */
    /**
     * @param bankUsable the bank's own check (5.24-5.26), run once the calendar places the window (and a retake's link
     *     holds), so a window in the past or a retake years later is told as such rather than as a bank not reviewed
     *     for that year; before the counts of 5.20.1-5.20.3, so a bank back in draft is told as such
     */
    Future<String> create(
            Caller caller,
            Exam exam,
            Passport passport,
            Optional<String> retakeOf,
            Map<String, String> frozen,
            java.util.function.Consumer<Exam> bankUsable) {
        AcademicCalendar calendar = regulation.calendar();
        ScheduleRules.Placed placed = ScheduleRules.place(
                calendar, regulation.schedule(), exam.kind(), exam.opensAt(), exam.closesAt(), Instant.now());
        if (!placed.problems().isEmpty()) return refuse(ExamRefusal.SCHEDULE_RULE, placed.problems());
        String discipline = ScheduleRules.discipline(passport.discipline(), passport.programme(), passport.language());
        if (retakeOf.isPresent())
            return retake(caller, exam, discipline, retakeOf.get())
                    .map(linked -> {
                        bankUsable.accept(linked);
                        return linked;
                    })
                    .compose(linked -> store.create(
                                    linked,
                                    frozen,
                                    ExamKeys.retakes(linked.retakeOf().orElseThrow()),
                                    -1,
                                    placed.week())
                            .map(linked.id()));
        String index = ExamKeys.schedule(
                placed.period().orElseThrow().key(), exam.kind().code(), discipline);
        bankUsable.accept(exam);
        return scheduled(exam, placed, index, frozen, TRIES);
    }

    private Future<String> scheduled(
            Exam exam, ScheduleRules.Placed placed, String index, Map<String, String> frozen, int tries) {
        return store.index(index).compose(existing -> {
            List<ScheduleRules.Scheduled> same = new ArrayList<>();
            existing.forEach((id, week) -> same.add(new ScheduleRules.Scheduled(id, week)));
            List<ExamPlan.Problem> problems = ScheduleRules.count(
                    regulation.schedule(), exam.kind(), placed.period().orElseThrow(), placed.week(), same);
            if (!problems.isEmpty()) return refuse(ExamRefusal.SCHEDULE_RULE, problems);
            return store.create(exam, frozen, index, existing.size(), placed.week())
                    .compose(created -> {
                        if (created) return Future.succeededFuture(exam.id());
                        // another exam of this discipline entered the schedule meanwhile: check against it
                        if (tries <= 1)
                            return Future.failedFuture(Refusal.of(CommonRefusal.STORE_UNAVAILABLE)); // nothing written
                        return scheduled(exam, placed, index, frozen, tries - 1);
                    });
        });
    }

    /** 5.36-5.38: the exam linked to the first exam of the chain {@code retakeOf} belongs to, if the link holds. */
    private Future<Exam> retake(Caller caller, Exam exam, String discipline, String retakeOf) {
        return store.guarded(retakeOf).compose(found -> {
            if (found.isEmpty()) throw ExamJson.badField("retakeOf", ExamWords.field("exam-id"));
            ExamStore.Guarded named = found.get();
            // the teacher of the exam retaken (or an admin) schedules its retake
            if (!named.access().allows(caller.id(), caller.roles(), ExamAccess.Action.MANAGE))
                throw Refusal.of(CommonRefusal.FORBIDDEN);
            Future<Exam> first = named.exam().retakeOf().isPresent()
                    ? store.get(named.exam().retakeOf().get()).map(Optional::orElseThrow)
                    : Future.succeededFuture(named.exam());
            return first.compose(f -> banks.header(f.bankId()).compose(bank -> {
                Passport p = bank.orElseThrow().passport();
                boolean same = ScheduleRules.discipline(p.discipline(), p.programme(), p.language())
                        .equals(discipline);
                List<ExamPlan.Problem> problems =
                        Retake.check(regulation.calendar(), named.exam(), f, exam.kind(), exam.opensAt(), same);
                if (!problems.isEmpty()) return refuse(ExamRefusal.RETAKE_REFUSED, problems);
                return Future.succeededFuture(new Exam(
                        exam.id(),
                        exam.bankId(),
                        exam.title(),
                        exam.kind(),
                        exam.opensAt(),
                        exam.closesAt(),
                        exam.durationMinutes(),
                        exam.questionCount(),
                        exam.proctoring(),
                        exam.owner(),
                        Optional.of(f.id())));
            }));
        });
    }

    /** Where the exam falls in the calendar, for its views and the page: period, week, summer semester. */
    JsonObject placement(Exam exam) {
        return placementAt(exam.opensAt());
    }

    /** The period and week {@code at} falls in; empty in a vacation. */
    JsonObject placementAt(Instant at) {
        AcademicCalendar calendar = regulation.calendar();
        JsonObject o = new JsonObject();
        calendar.periodAt(at)
                .ifPresent(p -> o.put("period", p.key())
                        .put("academicYear", p.academicYear())
                        .put("name", p.name())
                        .put("summer", p.rule().summer())
                        .put("week", p.week(calendar.date(at)))
                        .put("teaching", p.teaching(calendar.date(at))));
        return o;
    }

    static <T> Future<T> refuse(ExamRefusal code, List<ExamPlan.Problem> problems) {
        ExamPlan.Problem first = problems.get(0);
        return Future.failedFuture(Refusal.of(code, first.rule(), first.text())
                .withProblems(problems.stream()
                        .map(p -> new Problem(Map.of("rule", p.rule()), p.text()))
                        .toList()));
    }
}
