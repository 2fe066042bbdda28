package kz.emtihan.upload;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kz.emtihan.refusal.Problem;
import kz.emtihan.refusal.Refusal;
import kz.emtihan.text.Text;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * An uploaded CSV file (Apache Commons CSV; comma or semicolon, as spreadsheet programs in the region
 * write either) as rows by column name, each with its line, so every bad record can be reported by position.
 */
public final class CsvRecords {
    static final String TEXTS = "kz.emtihan.upload.texts";

    /** One data row: its line in the file and its values by header name. */
    public record Row(long line, Map<String, String> values) {
        public String get(String column) {
            return values.getOrDefault(column, "").strip();
        }
    }

    private CsvRecords() {}

    /** @param required header names that must be present */
    public static List<Row> parse(String text, List<String> required) {
        String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
        char delimiter = firstLine(body).contains(";") && !firstLine(body).contains(",") ? ';' : ',';
        CSVFormat format = CSVFormat.RFC4180
                .builder()
                .setDelimiter(delimiter)
                .setHeader()
                .setSkipHeaderRecord(true)
                .setIgnoreEmptyLines(true)
                .setTrim(true)
                .get();
        long line = 1;
        try (CSVParser parser = CSVParser.parse(new StringReader(body), format)) {
            List<String> header = parser.getHeaderNames();
            List<String> missing =
                    required.stream().filter(c -> !header.contains(c)).toList();
            if (!missing.isEmpty()) {
                Text problem = Text.of(
                        TEXTS,
                        "csv.missing-columns",
                        "missing",
                        String.join(", ", missing),
                        "expected",
                        String.join(",", required));
                throw Refusal.of(UploadRefusal.BAD_CSV, problem).withProblems(List.of(Problem.line(1, problem)));
            }
            List<Row> rows = new ArrayList<>();
            for (CSVRecord r : parser) {
                Map<String, String> values = new LinkedHashMap<>();
                for (String h : header) values.put(h, r.isMapped(h) && r.isSet(h) ? r.get(h) : "");
                line = parser.getCurrentLineNumber();
                rows.add(new Row(line, values));
            }
            if (rows.isEmpty()) throw Refusal.of(UploadRefusal.BAD_CSV, Text.of(TEXTS, "csv.no-rows"));
            return rows;
        } catch (IOException | UncheckedIOException | IllegalStateException | IllegalArgumentException e) {
            throw Refusal.of(UploadRefusal.BAD_CSV, Text.of(TEXTS, "csv.malformed", "line", line + 1));
        }
    }

    /** Turns the index-based problems of a JSON validation into line-based ones; anything else is left as it is. */
    public static Throwable byLine(Throwable failure, List<Row> rows) {
        if (!(failure instanceof Refusal r)) return failure;
        List<Problem> problems = new ArrayList<>();
        for (Problem p : r.problems()) {
            Map<String, Object> at = new LinkedHashMap<>(p.at());
            if (at.get("index") instanceof Integer index && index < rows.size()) {
                at.remove("index");
                at.put("line", rows.get(index).line());
            }
            problems.add(new Problem(at, p.text()));
        }
        return r.withProblems(problems);
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
