package kz.emtihan.http;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * An uploaded CSV file (Apache Commons CSV; comma or semicolon, as spreadsheet programs in the region
 * write either) as rows by column name, each with its line, so every bad record can be reported by position.
 */
public final class CsvRecords {
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
        try (CSVParser parser = CSVParser.parse(new StringReader(body), format)) {
            List<String> header = parser.getHeaderNames();
            List<String> missing =
                    required.stream().filter(c -> !header.contains(c)).toList();
            if (!missing.isEmpty()) {
                throw new Rejection(
                        400,
                        "bad-csv",
                        "line 1: the header lacks " + String.join(", ", missing) + " (expected columns: "
                                + String.join(",", required) + ")",
                        List.of(new JsonObject().put("line", 1).put("message", "missing columns " + missing)));
            }
            List<Row> rows = new ArrayList<>();
            for (CSVRecord r : parser) {
                Map<String, String> values = new LinkedHashMap<>();
                for (String h : header) values.put(h, r.isMapped(h) && r.isSet(h) ? r.get(h) : "");
                rows.add(new Row(parser.getCurrentLineNumber(), values));
            }
            if (rows.isEmpty()) throw Rejection.badRequest("bad-csv", "the file has a header but no rows");
            return rows;
        } catch (IOException | java.io.UncheckedIOException | IllegalStateException | IllegalArgumentException e) {
            if (e instanceof Rejection r) throw r;
            throw Rejection.badRequest("bad-csv", "the file is not valid CSV: " + e.getMessage());
        }
    }

    /** Turns the index-based problems of a JSON validation into line-based ones. */
    public static Rejection byLine(Rejection r, List<Row> rows) {
        List<JsonObject> problems = new ArrayList<>();
        for (JsonObject p : r.problems()) {
            JsonObject copy = p.copy();
            Integer index = p.getInteger("index");
            if (index != null && index < rows.size()) {
                copy.remove("index");
                copy.put("line", rows.get(index).line());
            }
            problems.add(copy);
        }
        return new Rejection(r.status(), r.code(), r.getMessage(), problems, r.details());
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
