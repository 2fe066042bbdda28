package kz.emtihan.bank.imports;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One GIFT question read the way Moodle's GIFT importer reads it: optional {@code ::title::}, an optional
 * {@code [format]} marker, text, one answer block. The type follows Moodle's order: no block is a description,
 * an empty block an essay, {@code #} numerical, any {@code ~} multiple choice, {@code =} with {@code ->}
 * matching, T/TRUE/F/FALSE true/false, anything else short answer. Only multiple choice is imported.
 */
final class GiftQuestion {
    private static final Pattern WEIGHT = Pattern.compile("%\\s*(-?\\d+(?:\\.\\d+)?)\\s*%");
    private static final Pattern TAG = Pattern.compile("\\[tag:((?:\\\\]|[^\\]\\n])+)]");
    private static final Pattern FORMAT = Pattern.compile("\\[([a-z]+)]", Pattern.CASE_INSENSITIVE);
    private static final Set<String> TRUE_FALSE = Set.of("T", "TRUE", "F", "FALSE");

    private GiftQuestion() {}

    /** Reads the question starting at line {@code start} of the block into the report. */
    static void read(GiftBlock block, int start, int position, CategoryPath category, ReportBuilder report)
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
            report.skip(position, line, ImportTexts.of("skip.only-multichoice", "type", "description"));
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
        int generalFeedback = GiftEscapes.findLast(answers, "####");
        if (generalFeedback >= 0) answers = answers.substring(0, generalFeedback);

        String type = type(answers.strip());
        if (!type.equals("multichoice")) {
            report.skip(position, line, ImportTexts.of("skip.only-multichoice", "type", type));
            return;
        }
        RichText text = withFormat(after.isBlank() ? before : before + "_____" + after, RichText.Format.MOODLE);
        List<RichText> options = new ArrayList<>();
        List<Double> weights = new ArrayList<>();
        int first = GiftEscapes.findAny(answers, "~=", 0);
        if (!answers.substring(0, first).isBlank()) {
            report.skip(
                    position,
                    line,
                    ImportTexts.of(
                            "skip.text-before-answer",
                            "text",
                            GiftEscapes.unescape(answers.substring(0, first)).strip()));
            return;
        }
        for (int at = first; at >= 0; ) {
            int next = GiftEscapes.findAny(answers, "~=", at + 1);
            String option = answers.substring(at + 1, next < 0 ? answers.length() : next)
                    .strip();
            double weight = answers.charAt(at) == '=' ? 100 : 0;
            Matcher weighted = WEIGHT.matcher(option);
            if (weighted.lookingAt()) {
                weight = Double.parseDouble(weighted.group(1));
                option = option.substring(weighted.end());
            }
            int feedback = GiftEscapes.find(option, "#", 0);
            if (feedback >= 0) option = option.substring(0, feedback);
            options.add(withFormat(option, text.format()));
            weights.add(weight);
            at = next;
        }
        ChoiceDraft.plain(position, line, name, text, options, weights, tags(block.comments()), category)
                .addTo(report);
    }

    /** Moodle's qtype name for an answer block (general feedback already removed). */
    private static String type(String answers) {
        if (answers.isEmpty()) return "essay";
        if (answers.startsWith("#")) return "numerical";
        if (GiftEscapes.find(answers, "~", 0) >= 0) return "multichoice";
        if (GiftEscapes.find(answers, "=", 0) >= 0 && GiftEscapes.find(answers, "->", 0) >= 0) return "match";
        int feedback = GiftEscapes.find(answers, "#", 0);
        String answer = (feedback >= 0 ? answers.substring(0, feedback) : answers).strip();
        return TRUE_FALSE.contains(answer) ? "truefalse" : "shortanswer";
    }

    /** Strips a leading {@code [html]}-style marker; without one the text keeps {@code fallback}. */
    private static RichText withFormat(String raw, RichText.Format fallback) {
        String text = raw.strip();
        Matcher marker = FORMAT.matcher(text);
        if (marker.lookingAt()) {
            Optional<RichText.Format> format = RichText.Format.ofGiftMarker(marker.group(1));
            if (format.isPresent())
                return new RichText(GiftEscapes.unescape(text.substring(marker.end())), format.get());
        }
        return new RichText(GiftEscapes.unescape(text), fallback);
    }

    private static List<String> tags(String comments) {
        List<String> tags = new ArrayList<>();
        Matcher tag = TAG.matcher(comments);
        while (tag.find()) tags.add(tag.group(1).replace("\\]", "]").strip());
        return tags;
    }
}
