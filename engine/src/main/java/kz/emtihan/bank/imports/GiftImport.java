package kz.emtihan.bank.imports;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Reads Moodle's GIFT text format (https://docs.moodle.org/en/GIFT_format) the way Moodle's importer ({@code
 * qformat_gift}) does.
 *
 * <p>Guarantees: multiple-choice questions are imported with every option's weight as written ({@link
 * GiftChoices}: {@code =} 100%, {@code ~} 0, {@code ~%50%}, {@code ~%-50%}), single-answer when an option is
 * written with {@code =}, with option feedback {@code #...} and general feedback {@code ####...}; true/false
 * questions become two-option single-answer questions ({@link GiftTrueFalse}); every other type (short answer,
 * matching, numerical, essay, description) becomes one {@link ImportSkip} naming it. Blank lines separate
 * questions; {@code //} lines are comments, whose {@code [id:...]} is the idnumber and {@code [tag:...]} the tags;
 * {@code ::title::} names a question; every {@code $CATEGORY:} line sets the topic and difficulty of the
 * questions after it ({@link CategoryPath}) and is never question text; a difficulty tag wins over the category
 * (5.23.3). {@code [html]} text is sanitised, {@code [plain]} and {@code [markdown]} text is escaped ({@link
 * HtmlText}). Escapes {@code \~ \= \# \{ \} \: \n \\} are honoured. Pure and thread-safe.
 */
public final class GiftImport {
    private GiftImport() {}

    /**
     * Reads a GIFT file as uploaded: finds its encoding ({@link TextEncoding}; a note in the report names any
     * encoding other than UTF-8, as a note on the whole file, question 0), then parses it.
     *
     * @param passportLanguage the bank passport's language of instruction: the language of true/false options
     * @throws ImportException when the bytes are text in no encoding this reader knows, or the file cannot be parsed
     */
    public static ImportReport read(byte[] file, String passportLanguage) throws ImportException {
        TextEncoding.Decoded decoded = TextEncoding.decode(file);
        ImportReport report = parse(decoded.text(), GiftTrueFalse.Words.of(passportLanguage, decoded.text()));
        if (decoded.note().isEmpty()) return report;
        List<ImportSkip> notes = new ArrayList<>();
        notes.add(ImportSkip.kept(0, 0, decoded.note().get()));
        notes.addAll(report.skipped());
        return new ImportReport(report.questions(), notes);
    }

    /**
     * Parses text already decoded; true/false options are in the language of the file's text.
     *
     * @param text the whole file (a leading byte-order mark is ignored)
     * @throws ImportException at the line and column of a {@code {} never closed, a {@code }} without
     *     {@code {}, or a {@code {} inside another answer block; nothing from such a file should be imported
     */
    public static ImportReport parse(String text) throws ImportException {
        Objects.requireNonNull(text, "text");
        return parse(text, GiftTrueFalse.Words.of("", text));
    }

    static ImportReport parse(String text, GiftTrueFalse.Words words) throws ImportException {
        String content = text.startsWith("\uFEFF") ? text.substring(1) : text;
        ReportBuilder report = new ReportBuilder();
        CategoryPath category = CategoryPath.NONE;
        int position = 0;
        for (GiftBlock block : GiftBlock.split(content)) {
            String path = block.category();
            if (path != null) {
                category = CategoryPath.parse(GiftEscapes.unescape(path));
                continue;
            }
            int start = block.firstContent(0);
            if (start < 0) continue;
            position++;
            GiftQuestion.read(block, start, position, category, words, report);
        }
        return report.build();
    }
}
