package kz.emtihan.grade;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** 5.33: results in a form the registry (AIS) can load: RFC 4180 CSV with a header row, via Apache Commons CSV. */
public final class ResultsCsv {
    static final String[] COLUMNS = {
        "studentId", "attemptId", "status", "points", "percent", "letter", "gpa", "traditional"
    };

    private ResultsCsv() {}

    public static String of(JsonArray rows) {
        StringWriter out = new StringWriter();
        try (CSVPrinter csv = new CSVPrinter(
                out, CSVFormat.RFC4180.builder().setHeader(COLUMNS).get())) {
            for (Object row : rows) {
                JsonObject r = (JsonObject) row;
                Object[] values = new Object[COLUMNS.length];
                for (int i = 0; i < COLUMNS.length; i++) {
                    Object v = r.getValue(COLUMNS[i]);
                    values[i] = v == null ? "" : v;
                }
                csv.printRecord(values);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
