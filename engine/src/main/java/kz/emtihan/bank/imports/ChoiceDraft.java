package kz.emtihan.bank.imports;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import kz.emtihan.bank.model.Authored;
import kz.emtihan.bank.model.QuestionDraft;

/**
 * A multiple-choice question as either parser read it, before the checks both formats share: text and options
 * made safe ({@link HtmlText}), an option is correct when its weight is above 0, difficulty from tags over
 * category (5.23.3). A draft that fails a check becomes one skip; a kept one may add notes ({@link ImportSkip#kept}).
 *
 * @param weights one per option, in percent as the file gives it (100, 50, 33.33333, 0, -50...)
 * @param embeddedFiles names of files the file carried for this question (Moodle XML {@code <file>}), ignored
 */
record ChoiceDraft(
        int position,
        int line,
        String name,
        RichText text,
        List<RichText> options,
        List<Double> weights,
        List<String> tags,
        List<String> embeddedFiles,
        CategoryPath category) {
    private static final int NAME_LENGTH = 60;

    ChoiceDraft {
        if (weights.size() != options.size()) throw new IllegalArgumentException("one weight per option");
    }

    void addTo(ReportBuilder report) {
        HtmlText.Safe safeText = HtmlText.of(text);
        if (safeText.blank()) {
            report.skip(position, line, ImportTexts.of(withoutMedia("skip.no-text", safeText)));
            return;
        }
        if (options.isEmpty()) {
            report.skip(position, line, ImportTexts.of("skip.no-answers"));
            return;
        }
        List<HtmlText.Safe> safeOptions = new ArrayList<>();
        for (int i = 0; i < options.size(); i++) {
            HtmlText.Safe option = HtmlText.of(options.get(i));
            if (option.blank()) {
                report.skip(position, line, ImportTexts.of(withoutMedia("skip.answer-no-text", option), "n", i + 1));
                return;
            }
            safeOptions.add(option);
        }
        long positive = weights.stream().filter(w -> w > 0).count(); // 7.6: one or more correct
        if (positive == 0) {
            report.skip(position, line, ImportTexts.of("skip.no-correct"));
            return;
        }
        boolean single = positive == 1;
        DifficultyWords.Decision difficulty = DifficultyWords.decide(tags, category.difficulty()); // 5.23.3
        List<QuestionDraft.DraftOption> drafted = new ArrayList<>();
        for (int i = 0; i < safeOptions.size(); i++) {
            double w = weights.get(i);
            double fraction = single ? (w > 0 ? 100 : 0) : w;
            drafted.add(new QuestionDraft.DraftOption(safeOptions.get(i).html(), fraction, "", false));
        }
        QuestionDraft draft = new QuestionDraft(
                Optional.empty(),
                safeText.html(),
                drafted,
                single,
                difficulty.difficulty(),
                category.topic(),
                true,
                new Authored(displayName(safeText.html()), "", tags, "", 0));
        report.add(new ImportedQuestion(position, line, draft, List.of()));
        addNotes(report, safeText, safeOptions);
        difficulty.note().ifPresent(note -> report.kept(position, line, note));
    }

    private void addNotes(ReportBuilder report, HtmlText.Safe safeText, List<HtmlText.Safe> safeOptions) {
        Set<String> files = new LinkedHashSet<>(safeText.files());
        Set<String> images = new LinkedHashSet<>(safeText.images());
        for (HtmlText.Safe option : safeOptions) {
            files.addAll(option.files());
            images.addAll(option.images());
        }
        files.addAll(embeddedFiles);
        for (String file : files) report.kept(position, line, ImportTexts.of("kept.file", "file", file));
        for (String image : images) report.kept(position, line, ImportTexts.of("kept.image", "image", image));
    }

    private String displayName(String safeHtml) {
        if (!name.isBlank()) return name.strip();
        String plain = HtmlText.plain(safeHtml);
        if (plain.length() <= NAME_LENGTH) return plain;
        int cut = NAME_LENGTH - 3;
        if (Character.isHighSurrogate(plain.charAt(cut - 1))) cut--;
        return plain.substring(0, cut) + "...";
    }

    /** The key, or its "-without-media" variant when the text is empty only once embedded files and images go. */
    private static String withoutMedia(String key, HtmlText.Safe safe) {
        return safe.files().isEmpty() && safe.images().isEmpty() ? key : key + "-without-media";
    }
}
