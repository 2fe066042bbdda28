package kz.emtihan.config;

import java.time.Duration;
import java.util.Map;
import kz.emtihan.bank.model.BankRules;
import kz.emtihan.exam.model.ExamKind;
import kz.emtihan.exam.model.ExamLimits;
import kz.emtihan.grade.model.GradeScale;
import kz.emtihan.grade.model.RatingFormula;
import kz.emtihan.grade.model.ScoringRule;

/** Every number of regulation.md the engine uses, as read from regulation.yaml. */
public record Regulation(
        Map<ExamKind, ExamLimits> exams,
        BankRules bank,
        ScoringRule scoring,
        GradeScale scale,
        RatingFormula rating,
        Duration answerGrace,
        FinalAttestation finalAttestation,
        kz.emtihan.grade.statistics.model.Reclassification statistics,
        kz.emtihan.calendar.model.AcademicCalendar calendar,
        kz.emtihan.exam.model.ScheduleLimits schedule,
        kz.emtihan.exam.model.RetakeRule retake) {

    /** 6.15-6.15.6: the oral final attestation's numbers. */
    public record FinalAttestation(
            kz.emtihan.sitting.model.PhaseLimits phases,
            int maxScore,
            kz.emtihan.sitting.model.Aggregation aggregation,
            boolean ticketsWithReplacement,
            kz.emtihan.sitting.model.WorkCalendar calendar,
            java.time.MonthDay mastersDeadline,
            kz.emtihan.sitting.model.CommissionSize commissionSize) {}

    public Regulation {
        exams = Map.copyOf(exams);
    }

    public ExamLimits limits(ExamKind kind) {
        return exams.get(kind);
    }
}
