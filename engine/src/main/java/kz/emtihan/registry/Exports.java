package kz.emtihan.registry;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import kz.emtihan.registry.model.Sheet;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * The registry's files (5.33: results in a form the AIS loads): CSV in UTF-8 with a byte order mark (so Excel reads
 * the Cyrillic right) with {@code ,} and a decimal point, or with {@code ;} and a decimal comma (what a Kazakh or
 * Russian Excel opens in columns), through Apache Commons CSV; and XLSX through fastexcel.
 */
public final class Exports {
    private Exports() {}

    /** The formats of an export, as {@code ?format=} names them. */
    public enum Format {
        CSV("csv", "text/csv; charset=utf-8", "csv"),
        CSV_SEMICOLON("csv-semicolon", "text/csv; charset=utf-8", "csv"),
        XLSX("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx");

        private final String code;
        private final String contentType;
        private final String extension;

        Format(String code, String contentType, String extension) {
            this.code = code;
            this.contentType = contentType;
            this.extension = extension;
        }

        public String code() {
            return code;
        }

        public String contentType() {
            return contentType;
        }

        public String extension() {
            return extension;
        }

        public static java.util.Optional<Format> of(String code) {
            for (Format f : values()) if (f.code.equals(code)) return java.util.Optional.of(f);
            return java.util.Optional.empty();
        }

        public static String codes() {
            return String.join(
                    ", ", java.util.Arrays.stream(values()).map(Format::code).toList());
        }
    }

    public static byte[] write(Sheet sheet, Format format) {
        return switch (format) {
            case CSV -> csv(sheet, ',', false);
            case CSV_SEMICOLON -> csv(sheet, ';', true);
            case XLSX -> xlsx(sheet);
        };
    }

    static byte[] csv(Sheet sheet, char delimiter, boolean decimalComma) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStreamWriter out = new OutputStreamWriter(bytes, StandardCharsets.UTF_8);
                CSVPrinter csv = new CSVPrinter(
                        out, CSVFormat.RFC4180.builder().setDelimiter(delimiter).get())) {
            out.write('\uFEFF');
            csv.printRecord(sheet.headers());
            for (List<Object> row : sheet.rows())
                csv.printRecord(
                        row.stream().map(v -> Sheet.text(v, decimalComma)).toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** One worksheet: the headers in bold, numbers as numbers, texts as texts. */
    static byte[] xlsx(Sheet sheet) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            Workbook wb = new Workbook(bytes, "Emtihan", "1.0");
            Worksheet ws = wb.newWorksheet(safeName(sheet.name()));
            for (int c = 0; c < sheet.headers().size(); c++) {
                ws.value(0, c, sheet.headers().get(c));
                ws.style(0, c).bold().set();
            }
            for (int r = 0; r < sheet.rows().size(); r++) {
                List<Object> row = sheet.rows().get(r);
                for (int c = 0; c < row.size(); c++) {
                    Object v = row.get(c);
                    if (v instanceof Number n) ws.value(r + 1, c, n);
                    else if (v instanceof String s) ws.value(r + 1, c, s);
                }
            }
            wb.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** A worksheet name: at most 31 characters, none of : \ / ? * [ ]. */
    static String safeName(String name) {
        String s = name.replaceAll("[:\\\\/?*\\[\\]]", " ").strip();
        if (s.isEmpty()) s = "Sheet";
        return s.length() > 31 ? s.substring(0, 31) : s;
    }
}
