package kz.emtihan.grade.statistics;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Optional;
import java.util.OptionalDouble;
import kz.emtihan.bank.model.Difficulty;
import kz.emtihan.bank.model.Option;
import kz.emtihan.config.Regulation;
import kz.emtihan.exam.model.Exam;
import kz.emtihan.grade.statistics.model.ExamReport;
import kz.emtihan.grade.statistics.model.OptionFrequencies;
import kz.emtihan.grade.statistics.model.QuestionStatistics;
import kz.emtihan.grade.statistics.model.Reclassification;
import kz.emtihan.grade.statistics.model.TestStatistics;
import org.jsoup.Jsoup;

/** The statistics as the API gives them (openapi.yaml {@code ExamStatistics}); numbers rounded to 0.01, null where none. */
final class StatisticsJson {
    private StatisticsJson() {}

    static JsonObject of(ExamStatistics.Computed c, Regulation regulation) {
        Exam exam = c.outcome().exam();
        Reclassification rules = regulation.statistics();
        JsonArray questions = new JsonArray();
        for (ExamReport.Row row : c.report().questions()) questions.add(question(row));
        return new JsonObject()
                .put("examId", exam.id())
                .put("bankId", exam.bankId())
                .put("title", exam.title())
                .put("scoringRule", regulation.scoring().code())
                .put("attempts", c.counted())
                .put("terminated", c.terminated())
                .put(
                        "thresholds",
                        new JsonObject()
                                .put("easyMinFacility", rules.easyMinFacility())
                                .put("hardMaxFacility", rules.hardMaxFacility())
                                .put("minAttempts", rules.minAttempts()))
                .put("test", test(c.report().test()))
                .put("questions", questions);
    }

    static JsonObject test(TestStatistics t) {
        return new JsonObject()
                .put("attempts", t.attempts())
                .put("questionsPerPaper", t.positions())
                .put("maxPoints", t.maxPoints())
                .put("mean", round(t.mean()))
                .put("meanPercent", round(t.percent(t.mean())))
                .put("median", round(t.median()))
                .put("medianPercent", round(t.percent(t.median())))
                .put("sd", round(t.sd()))
                .put("sdPercent", round(t.percent(t.sd())))
                .put("skewness", round(t.skewness()))
                .put("kurtosis", round(t.kurtosis()))
                .put("cic", round(t.cic()))
                .put("errorRatio", round(t.errorRatio()))
                .put("standardError", round(t.standardError()))
                .put("standardErrorPercent", round(t.percent(t.standardError())));
    }

    static JsonObject question(ExamReport.Row row) {
        QuestionStatistics s = row.statistics();
        OptionFrequencies f = row.options();
        JsonArray options = new JsonArray();
        int number = 0;
        for (OptionFrequencies.Count count : f.options()) {
            Option o = row.question().options().get(number++);
            options.add(new JsonObject()
                    .put("id", count.optionId())
                    .put("number", number)
                    .put("text", excerpt(o.text(), 80))
                    .put("correct", count.correct())
                    .put("fraction", count.fraction())
                    .put("chosen", count.chosen())
                    .put("percent", round(OptionalDouble.of(count.percent(f.attempts())))));
        }
        return new JsonObject()
                .put("id", row.question().id())
                .put("name", row.question().authored().name())
                .put("text", excerpt(row.question().text(), 160))
                .put("topic", row.question().topic())
                .put("single", row.question().single())
                .put("difficulty", code(row.frozen()))
                .put("currentDifficulty", code(row.current()))
                .put("inBank", row.inBank())
                .put("attempts", s.attempts())
                .put("facility", round(s.facility()))
                .put("sd", round(s.sd()))
                .put("discrimination", round(s.discrimination()))
                .put("efficiency", round(s.efficiency()))
                .put("options", options)
                .put("blank", f.blank())
                .put("measured", code(row.measured()))
                .put("proposal", row.proposal().map(Difficulty::code).orElse(null));
    }

    /** Question HTML as a line of plain text (pictures and formulas show in the bank, not here). */
    static String excerpt(String html, int max) {
        String text = Jsoup.parse(html == null ? "" : html).text().strip();
        return text.length() <= max ? text : text.substring(0, max - 1).strip() + "…";
    }

    static String code(Optional<Difficulty> d) {
        return d.map(Difficulty::code).orElse(null);
    }

    static Double round(OptionalDouble v) {
        return v.isPresent() ? Math.round(v.getAsDouble() * 100) / 100.0 : null;
    }
}
