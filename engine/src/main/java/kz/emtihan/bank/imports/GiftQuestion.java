package kz.emtihan.bank.imports;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One GIFT question read the way Moodle's GIFT importer ({@code qformat_gift::readquestion}) reads it: optional
 * {@code ::title::}, an optional {@code [format]} marker, text, one answer block, its general feedback after the
 * last {@code ####}, and the {@code [id:...]} and {@code [tag:...]} of its {@code //} comment lines. The type
 * follows Moodle's order: no block is a description, an empty block an essay, {@code #} numerical, any {@code ~}
 * multiple choice ({@link GiftChoices}), {@code =} with {@code ->} matching, T/TRUE/F/FALSE true/false ({@link
 * GiftTrueFalse}), anything else short answer. Multiple choice and true/false are imported; the rest are skipped
 * naming their type.
 */
final class GiftQuestion {
    private static final Pattern ID = Pattern.compile("\\[id:((?:\\\\]|[^\\]\\p{Cntrl}])+)]");
    private static final Pattern TAG = Pattern.compile("\\[tag:((?:\\\\]|[^\\]<>`\\p{Cntrl}])+)]");
    private static final Pattern FORMAT = Pattern.compile("\\[([a-z]+)]", Pattern.CASE_INSENSITIVE);
    private static final Set<String> TRUE_FALSE = Set.of("T", "TRUE", "F", "FALSE");

    private GiftQuestion() {}

    /**
     * What every imported type shares: where the question is, its name, idnumber, tags, text (the answer block
     * replaced by "_____" when text follows it), general feedback and category.
     */
    record Parts(
            int position,
            int line,
            String name,
            String idNumber,
            List<String> tags,
            RichText text,
            RichText generalFeedback,
            CategoryPath category) {}

    /** Reads the question starting at line {@code start} of the block into the report. */
    static void read(
            GiftBlock block,
            int start,
            int position,
            CategoryPath category,
            GiftTrueFalse.Words words,
            ReportBuilder report)
            throws ImportException {
        String raw = block.body(start);
        int line = block.lineNumber(start);
        List<GiftBraces.Span> spans = GiftBraces.find(raw, line);

        int from = raw.length() - raw.stripLeading().length();
        String name = "";
        if (raw.startsWith("::", from)) {
            int end = GiftEscapes.find(raw, "::", from + 2);
            if (end >= 0)
                name = GiftEscapes.unescape(raw.substring(from + 2, end)).strip();
            from = end >= 0 ? end + 2 : from + 2;
        }
        if (spans.isEmpty()) {
            report.skip(position, line, ImportTexts.of("skip.gift-type", "type", "description"));
            return;
        }
        if (spans.size() > 1) {
            report.skip(position, line, ImportTexts.of("skip.answer-blocks", "count", spans.size()));
            return;
        }
        GiftBraces.Span span = spans.get(0);
        if (span.open() < from) {
            report.skip(position, line, ImportTexts.of("skip.answer-in-title"));
            return;
        }
        String before = raw.substring(from, span.open());
        String after = raw.substring(span.close() + 1);
        String answers = raw.substring(span.open() + 1, span.close());
        String general = "";
        int generalFeedback = GiftEscapes.findLast(answers, "####");
        if (generalFeedback >= 0) {
            general = answers.substring(generalFeedback + 4);
            answers = answers.substring(0, generalFeedback);
        }
        answers = answers.strip();

        String type = type(answers);
        if (!type.equals("multichoice") && !type.equals("truefalse")) {
            report.skip(position, line, ImportTexts.of("skip.gift-type", "type", type));
            return;
        }
        RichText text = withFormat(after.isBlank() ? before : before + "_____" + after, RichText.Format.MOODLE);
        String comments = block.comments();
        Parts parts = new Parts(
                position,
                line,
                name,
                idNumber(comments),
                tags(comments),
                text,
                withFormat(general, text.format()),
                category);
        if (type.equals("truefalse")) GiftTrueFalse.read(parts, answers, words, report);
        else GiftChoices.read(parts, answers, report);
    }

    /** Adds the draft to the report, or its skip; true when the question was imported. */
    static boolean add(ChoiceDraft draft, ReportBuilder report) {
        ReportBuilder own = new ReportBuilder();
        draft.addTo(own);
        ImportReport read = own.build();
        read.questions().forEach(report::add);
        for (ImportSkip note : read.skipped()) {
            if (note.kept()) report.kept(note.question(), note.line(), note.reason());
            else report.skip(note.question(), note.line(), note.reason());
        }
        return !read.questions().isEmpty();
    }

    /** Moodle's qtype name for an answer block (general feedback already removed, stripped). */
    private static String type(String answers) {
        if (answers.isEmpty()) return "essay";
        if (answers.startsWith("#")) return "numerical";
        if (GiftEscapes.find(answers, "~", 0) >= 0) return "multichoice";
        if (GiftEscapes.find(answers, "=", 0) >= 0 && GiftEscapes.find(answers, "->", 0) >= 0) return "match";
        int feedback = GiftEscapes.find(answers, "#", 0);
        String answer = (feedback >= 0 ? answers.substring(0, feedback) : answers).strip();
        return TRUE_FALSE.contains(answer) ? "truefalse" : "shortanswer";
    }

    /**
     * Strips a leading {@code [html]}-style marker; without one the text keeps {@code fallback}. As Moodle does, every
     * line of the file is trimmed (indentation is not text); {@code \n} escapes are line breaks kept as written.
     */
    static RichText withFormat(String raw, RichText.Format fallback) {
        String text =
                raw.lines().map(String::strip).collect(Collectors.joining("\n")).strip();
        Matcher marker = FORMAT.matcher(text);
        if (marker.lookingAt()) {
            Optional<RichText.Format> format = RichText.Format.ofGiftMarker(marker.group(1));
            if (format.isPresent())
                return new RichText(
                        GiftEscapes.unescape(text.substring(marker.end())).strip(), format.get());
        }
        return new RichText(GiftEscapes.unescape(text), fallback);
    }

    /** Moodle: the first {@code [id:...]} of the comments, {@code \]} standing for "]". */
    private static String idNumber(String comments) {
        Matcher id = ID.matcher(comments);
        return id.find() ? id.group(1).replace("\\]", "]").strip() : "";
    }

    private static List<String> tags(String comments) {
        List<String> tags = new ArrayList<>();
        Matcher tag = TAG.matcher(comments);
        while (tag.find()) tags.add(tag.group(1).replace("\\]", "]").strip());
        return tags;
    }
}
