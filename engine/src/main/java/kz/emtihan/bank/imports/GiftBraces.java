package kz.emtihan.bank.imports;

import java.util.ArrayList;
import java.util.List;
import kz.emtihan.text.Text;

/** Finds the answer blocks {@code {...}} of one GIFT question, and refuses braces that do not pair up. */
final class GiftBraces {
    private GiftBraces() {}

    /** Indexes into the question's raw text of one answer block's braces. */
    record Span(int open, int close) {}

    /**
     * @param raw the question's raw text, escapes still in place
     * @param firstLine the file line of the first character of {@code raw}
     * @throws ImportException at the brace's line and column when a {@code }} has no {@code {}, a {@code {} opens
     *     inside another block, or a {@code {} is never closed
     */
    static List<Span> find(String raw, int firstLine) throws ImportException {
        List<Span> spans = new ArrayList<>();
        int open = -1;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '{' && open >= 0) {
                throw at(raw, i, firstLine, ImportTexts.of("fault.brace-inside", "opened", line(raw, open, firstLine)));
            } else if (c == '{') {
                open = i;
            } else if (c == '}' && open < 0) {
                throw at(raw, i, firstLine, ImportTexts.of("fault.brace-unopened"));
            } else if (c == '}') {
                spans.add(new Span(open, i));
                open = -1;
            }
        }
        if (open >= 0) throw at(raw, open, firstLine, ImportTexts.of("fault.brace-unclosed"));
        return spans;
    }

    private static ImportException at(String raw, int index, int firstLine, Text fault) {
        int lineStart = raw.lastIndexOf('\n', index - 1) + 1;
        return new ImportException(fault, line(raw, index, firstLine), index - lineStart + 1);
    }

    private static int line(String raw, int index, int firstLine) {
        int line = firstLine;
        for (int i = 0; i < index; i++) if (raw.charAt(i) == '\n') line++;
        return line;
    }
}
