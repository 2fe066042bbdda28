package kz.emtihan.bank.imports;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The options of a GIFT multiple-choice question, read as Moodle's {@code qformat_gift} reads them, grading
 * exactly as authored (7.6 then says how a rule scores it).
 *
 * <p>{@code =} is an option worth 100%, {@code ~} one worth 0, {@code ~%50%} and {@code ~%-50%} options worth what
 * they say (negative weights kept). As in Moodle, the question is single-answer when any option is written with
 * {@code =}, and multiple-answer otherwise, so {@code {~wrong ~%50%half =full}} stays single-answer with its 50%
 * option. Text after an unescaped {@code #} is that option's feedback. Where this reader parts from Moodle it says
 * so in a note: {@code =%50%answer} is read as the 50% the author wrote and does not make the question
 * single-answer (Moodle would give it 100% with "%50%" in its text; {@code =%100%} is simply {@code =}), and text before the first {@code ~}/{@code =}
 * skips the question (Moodle would make it a wrong option). Like Moodle, an answer without text is left out (with
 * a note), and {@code ~=right} (a common way of marking the right one in a list of {@code ~}) is {@code =right}.
 */
final class GiftChoices {
    private static final Pattern WEIGHT = Pattern.compile("%\\s*(-?\\d+(?:\\.\\d*)?)\\s*%");

    private GiftChoices() {}

    static void read(GiftQuestion.Parts parts, String answers, ReportBuilder report) {
        int first = GiftEscapes.findAny(answers, "~=", 0);
        if (!answers.substring(0, first).isBlank()) {
            report.skip(
                    parts.position(),
                    parts.line(),
                    ImportTexts.of(
                            "skip.text-before-answer",
                            "text",
                            GiftEscapes.unescape(answers.substring(0, first)).strip()));
            return;
        }
        RichText.Format format = parts.text().format();
        List<RichText> options = new ArrayList<>();
        List<Double> weights = new ArrayList<>();
        List<RichText> feedback = new ArrayList<>();
        List<Integer> weightedEquals = new ArrayList<>();
        List<Integer> empty = new ArrayList<>();
        boolean single = false;
        int written = 0;
        for (int at = first; at >= 0; ) {
            int next = GiftEscapes.findAny(answers, "~=", at + 1);
            String option = answers.substring(at + 1, next < 0 ? answers.length() : next)
                    .strip();
            boolean equals = answers.charAt(at) == '=';
            if (!equals && option.isEmpty() && next >= 0 && answers.charAt(next) == '=') {
                at = next; // "~=right": the right one among the "~" options, as Moodle reads it
                continue;
            }
            written++;
            double weight = equals ? 100 : 0;
            Matcher weighted = WEIGHT.matcher(option);
            if (weighted.lookingAt()) {
                weight = Double.parseDouble(weighted.group(1));
                option = option.substring(weighted.end());
                if (equals && weight == 100) single = true; // "=%100%": what "=" means anyway
                else if (equals) weightedEquals.add(written);
            } else if (equals) {
                single = true; // Moodle: one "=" answer makes the question single-answer
            }
            int hash = GiftEscapes.find(option, "#", 0);
            String comment = hash >= 0 ? option.substring(hash + 1) : "";
            if (hash >= 0) option = option.substring(0, hash);
            at = next;
            if (GiftEscapes.unescape(option).isBlank()) { // Moodle leaves an answer without text out
                empty.add(written);
                continue;
            }
            options.add(GiftQuestion.withFormat(option, format));
            feedback.add(GiftQuestion.withFormat(comment, format));
            weights.add(weight);
        }
        ChoiceDraft draft = new ChoiceDraft(
                parts.position(),
                parts.line(),
                parts.name(),
                parts.idNumber(),
                parts.text(),
                options,
                weights,
                feedback,
                parts.generalFeedback(),
                Optional.of(single),
                true, // GIFT cannot say otherwise; Moodle's default shuffles
                parts.tags(),
                List.of(),
                parts.category());
        if (GiftQuestion.add(draft, report)) {
            for (int n : weightedEquals)
                report.kept(parts.position(), parts.line(), ImportTexts.of("kept.gift-weighted-equals", "n", n));
            for (int n : empty)
                report.kept(parts.position(), parts.line(), ImportTexts.of("kept.gift-empty-answer", "n", n));
        }
    }
}
