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
public record Regulation(Map<ExamKind, ExamLimits> exams, BankRules bank, ScoringRule scoring,
                         GradeScale scale, RatingFormula rating, Duration answerGrace) {
  public Regulation {
    exams = Map.copyOf(exams);
  }

  public ExamLimits limits(ExamKind kind) {
    return exams.get(kind);
  }
}
