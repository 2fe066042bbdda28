package kz.emtihan.bank.imports;

import java.util.Objects;

/**
 * Reads Moodle's GIFT text format (https://docs.moodle.org/en/GIFT_format) the way Moodle's importer does.
 *
 * <p>Guarantees: multiple-choice questions ({@code =} right, {@code ~} wrong, {@code ~%50%} weighted; an option is
 * correct when its weight is above 0, 7.6) are imported; every other type (true/false, short answer, matching,
 * numerical, essay, description) becomes one {@link ImportSkip} naming it. Blank lines separate questions;
 * {@code //} lines are comments; {@code ::title::} names a question; {@code $CATEGORY:} sets the topic and
 * difficulty of the questions after it ({@link CategoryPath}); {@code // [tag:hard]} in a question's comments
 * sets its difficulty and wins over the category (5.23.3). {@code [html]} text is sanitised, {@code [plain]} and
 * {@code [markdown]} text is escaped ({@link HtmlText}). Escapes {@code \~ \= \# \{ \} \: \n \\} are honoured;
 * answer feedback {@code #...} and general feedback {@code ####...} are dropped. Pure and thread-safe.
 */
public final class GiftImport {
    private static final String CATEGORY = "$CATEGORY:";

    private GiftImport() {}

    /**
     * @param text the whole file (a leading byte-order mark is ignored)
     * @throws ImportException at the line and column of a {@code {} never closed, a {@code }} without
     *     {@code {}, or a {@code {} inside another answer block; nothing from such a file should be imported
     */
    public static ImportReport parse(String text) throws ImportException {
        Objects.requireNonNull(text, "text");
        String content = text.startsWith("\uFEFF") ? text.substring(1) : text;
        ReportBuilder report = new ReportBuilder();
        CategoryPath category = CategoryPath.NONE;
        int position = 0;
        for (GiftBlock block : GiftBlock.split(content)) {
            int start = block.firstContent(0);
            if (start < 0) continue;
            String first = block.lines().get(start).strip();
            if (first.startsWith(CATEGORY)) {
                category = CategoryPath.parse(GiftEscapes.unescape(first.substring(CATEGORY.length())));
                start = block.firstContent(start + 1);
                if (start < 0) continue;
            }
            position++;
            GiftQuestion.read(block, start, position, category, report);
        }
        return report.build();
    }
}
