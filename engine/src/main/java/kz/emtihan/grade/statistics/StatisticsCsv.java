package kz.emtihan.grade.statistics;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import kz.emtihan.grade.statistics.model.ExamReport;
import kz.emtihan.grade.statistics.model.OptionFrequencies;
import kz.emtihan.grade.statistics.model.QuestionStatistics;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The item statistics as RFC 4180 CSV (Apache Commons CSV, as ResultsCsv), one row per question of the exam's pool:
 * percents with a dot and two decimals, empty where there is no value; {@code correctOptions} lists the correct
 * options' numbers in the bank's order separated by {@code ;}, {@code optionN} is how many attempts chose option N.
 */
final class StatisticsCsv {
    static final List<String> COLUMNS = List.of(
            "questionId",
            "name",
            "topic",
            "difficulty",
            "currentDifficulty",
            "attempts",
            "facility",
            "sd",
            "discrimination",
            "efficiency",
            "measured",
            "proposal",
            "correctOptions",
            "blank");

    private StatisticsCsv() {}

    static String of(ExamReport report) {
        int most = 0;
        for (ExamReport.Row r : report.questions())
            most = Math.max(most, r.options().options().size());
        List<String> header = new ArrayList<>(COLUMNS);
        for (int i = 1; i <= most; i++) header.add("option" + i);
        header.add("text");
        StringWriter out = new StringWriter();
        try (CSVPrinter csv = new CSVPrinter(
                out,
                CSVFormat.RFC4180
                        .builder()
                        .setHeader(header.toArray(String[]::new))
                        .get())) {
            for (ExamReport.Row r : report.questions()) csv.printRecord(row(r, most));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static List<Object> row(ExamReport.Row r, int most) {
        QuestionStatistics s = r.statistics();
        List<String> correct = new ArrayList<>();
        List<OptionFrequencies.Count> counts = r.options().options();
        for (int i = 0; i < counts.size(); i++) if (counts.get(i).correct()) correct.add(Integer.toString(i + 1));
        List<Object> row = new ArrayList<>(List.of(
                r.question().id(),
                r.question().authored().name(),
                r.question().topic(),
                text(r.frozen()),
                text(r.current()),
                s.attempts(),
                number(s.facility()),
                number(s.sd()),
                number(s.discrimination()),
                number(s.efficiency()),
                text(r.measured()),
                text(r.proposal()),
                String.join(";", correct),
                r.options().blank()));
        for (int i = 0; i < most; i++)
            row.add(i < counts.size() ? Integer.toString(counts.get(i).chosen()) : "");
        row.add(StatisticsJson.excerpt(r.question().text(), 500));
        return row;
    }

    private static String text(java.util.Optional<kz.emtihan.bank.model.Difficulty> d) {
        return d.map(kz.emtihan.bank.model.Difficulty::code).orElse("");
    }

    private static String number(OptionalDouble v) {
        return v.isPresent() ? String.format(java.util.Locale.ROOT, "%.2f", v.getAsDouble()) : "";
    }
}
