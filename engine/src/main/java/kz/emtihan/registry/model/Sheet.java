package kz.emtihan.registry.model;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * One export table (5.33): a name, the column headers in the reader's language and the rows. A cell is a text, a
 * number (Integer or Double) or null (empty); the formats (CSV, XLSX) write numbers as numbers.
 */
public record Sheet(String name, List<String> headers, List<List<Object>> rows) {
    public Sheet {
        headers = List.copyOf(headers);
        List<List<Object>> copied = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            List<Object> row = rows.get(i);
            if (row.size() != headers.size())
                throw new IllegalArgumentException("row " + i + " has " + row.size() + " cells for " + headers.size());
            for (Object v : row)
                if (v != null && !(v instanceof String) && !(v instanceof Integer) && !(v instanceof Double))
                    throw new IllegalArgumentException("a cell is text, a number or empty, not " + v.getClass());
            copied.add(java.util.Collections.unmodifiableList(new ArrayList<>(row)));
        }
        rows = List.copyOf(copied);
    }

    /**
     * A cell as text: a number without trailing zeros ("72.5", "80"), with a decimal comma when {@code decimalComma}
     * (a Kazakh or Russian spreadsheet reads "72,5" as a number); empty for none.
     */
    public static String text(Object v, boolean decimalComma) {
        if (v == null) return "";
        if (v instanceof Double d) {
            String s = BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
            return decimalComma ? s.replace('.', ',') : s;
        }
        return v.toString();
    }
}
