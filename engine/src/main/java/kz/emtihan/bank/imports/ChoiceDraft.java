package kz.emtihan.bank.imports;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import kz.emtihan.bank.model.Authored;
import kz.emtihan.bank.model.QuestionDraft;

/**
 * A multiple-choice question as any parser read it, before the checks every format shares: text, options and
 * feedback made safe ({@link HtmlText}), each option's fraction kept as written, difficulty from tags over
 * category (5.23.3). A draft that fails a check becomes one skip; a kept one may add notes ({@link ImportSkip#kept}).
 * The checks ({@link DraftChecks}): every picture, sound or video is one of {@code files} (never an address), every
 * formula renders, there is text and a correct answer, and a question that says it is single-answer has an answer
 * worth 100% (Moodle refuses it otherwise). Only the files the question shows are kept.
 *
 * <p>Which options are correct follows from the fractions ({@link QuestionDraft#correct()}): on a single-answer
 * question the ones worth 100%, on a multiple-answer one those worth more than 0.
 *
 * @param weights one per option, in percent as the file gives it (100, 50, 33.33333, 0, -50...)
 * @param optionFeedback one per option (or empty): what the author wrote for a student who picks it
 * @param single one choice (Moodle {@code <single>}, QTI {@code maxChoices="1"}); empty when the format does not
 *     say, and then a question with one option worth 100% and no other positive one is single-answer
 * @param files the files the file carried for this question, referred to as {@code @@PLUGINFILE@@/<name>}
 */
record ChoiceDraft(
        int position,
        int line,
        String name,
        String idNumber,
        RichText text,
        List<RichText> options,
        List<Double> weights,
        List<RichText> optionFeedback,
        RichText generalFeedback,
        Optional<Boolean> single,
        boolean shuffle,
        List<String> tags,
        List<EmbeddedFile> files,
        CategoryPath category) {
    private static final int NAME_LENGTH = 60;

    ChoiceDraft {
        if (weights.size() != options.size()) throw new IllegalArgumentException("one weight per option");
        if (!optionFeedback.isEmpty() && optionFeedback.size() != options.size())
            throw new IllegalArgumentException("one feedback per option, or none");
        options = List.copyOf(options);
        weights = List.copyOf(weights);
        optionFeedback = List.copyOf(optionFeedback);
        tags = List.copyOf(tags);
        files = List.copyOf(files);
    }

    /** The draft of a format that knows only text, options and weights (the first GIFT reader). */
    static ChoiceDraft plain(
            int position,
            int line,
            String name,
            RichText text,
            List<RichText> options,
            List<Double> weights,
            List<String> tags,
            CategoryPath category) {
        return new ChoiceDraft(
                position,
                line,
                name,
                "",
                text,
                options,
                weights,
                List.of(),
                new RichText("", text.format()),
                Optional.empty(),
                true,
                tags,
                List.of(),
                category);
    }

    void addTo(ReportBuilder report) {
        HtmlText.Safe safeText = HtmlText.of(text);
        List<HtmlText.Safe> safeOptions = options.stream().map(HtmlText::of).toList();
        List<HtmlText.Safe> safeFeedback =
                optionFeedback.stream().map(HtmlText::of).toList();
        HtmlText.Safe safeGeneral = HtmlText.of(generalFeedback);
        List<DraftChecks.Part> parts = new ArrayList<>();
        parts.add(DraftChecks.Part.text(safeText));
        for (int i = 0; i < safeOptions.size(); i++) {
            parts.add(DraftChecks.Part.answer(i + 1, safeOptions.get(i)));
            if (!safeFeedback.isEmpty()) parts.add(DraftChecks.Part.answerFeedback(i + 1, safeFeedback.get(i)));
        }
        parts.add(DraftChecks.Part.generalFeedback(safeGeneral));
        Set<String> carried = new LinkedHashSet<>();
        for (EmbeddedFile file : files) carried.add(file.name());
        Optional<kz.emtihan.text.Text> problem = DraftChecks.problem(parts, carried);
        if (problem.isPresent()) {
            report.skip(position, line, problem.get());
            return;
        }
        if (safeText.blank()) {
            report.skip(position, line, ImportTexts.of(withoutMedia("skip.no-text", safeText)));
            return;
        }
        if (options.isEmpty()) {
            report.skip(position, line, ImportTexts.of("skip.no-answers"));
            return;
        }
        for (int i = 0; i < safeOptions.size(); i++) {
            if (safeOptions.get(i).blank()) {
                report.skip(
                        position,
                        line,
                        ImportTexts.of(withoutMedia("skip.answer-no-text", safeOptions.get(i)), "n", i + 1));
                return;
            }
        }
        boolean full = weights.stream().anyMatch(w -> w >= 99.999);
        if (single.orElse(false) && !full) { // Moodle refuses a single-answer question without a 100% answer
            report.skip(position, line, ImportTexts.of("skip.single-no-full"));
            return;
        }
        boolean isSingle = single.orElseGet(
                () -> full && weights.stream().filter(w -> w > 0).count() == 1);
        DifficultyWords.Decision difficulty = DifficultyWords.decide(tags, category.difficulty()); // 5.23.3
        List<QuestionDraft.DraftOption> drafted = new ArrayList<>();
        for (int i = 0; i < safeOptions.size(); i++) {
            String feedback = safeFeedback.isEmpty() ? "" : safeFeedback.get(i).html();
            drafted.add(new QuestionDraft.DraftOption(safeOptions.get(i).html(), weights.get(i), feedback, false));
        }
        QuestionDraft draft = new QuestionDraft(
                Optional.empty(),
                safeText.html(),
                drafted,
                isSingle,
                difficulty.difficulty(),
                category.topic(),
                shuffle,
                new Authored(displayName(safeText), idNumber.strip(), tags, safeGeneral.html(), 0));
        if (draft.correct().isEmpty()) { // 7.6: one or more correct
            report.skip(position, line, ImportTexts.of("skip.no-correct"));
            return;
        }
        report.add(new ImportedQuestion(position, line, draft, used(parts)));
        addNotes(report, parts);
        difficulty.note().ifPresent(note -> report.kept(position, line, note));
    }

    /** The carried files the question shows, in the order the file gave them; the others are not kept. */
    private List<EmbeddedFile> used(List<DraftChecks.Part> parts) {
        Set<String> shown = new LinkedHashSet<>();
        for (DraftChecks.Part part : parts) shown.addAll(part.safe().media());
        List<EmbeddedFile> out = new ArrayList<>();
        Set<String> added = new LinkedHashSet<>();
        for (EmbeddedFile file : files) {
            if (shown.contains(file.name()) && added.add(file.name())) out.add(file);
        }
        return out;
    }

    /** Embedded files the text referred to other than as a picture, sound or video (a link to a PDF): removed. */
    private void addNotes(ReportBuilder report, List<DraftChecks.Part> parts) {
        Set<String> links = new LinkedHashSet<>();
        for (DraftChecks.Part part : parts) links.addAll(part.safe().links());
        for (String file : links) report.kept(position, line, ImportTexts.of("kept.file", "file", file));
    }

    /** The author's name, else the start of the text, else (a question that is only a picture) its file name. */
    private String displayName(HtmlText.Safe safeText) {
        if (!name.isBlank()) return name.strip();
        String plain = HtmlText.plain(safeText.html());
        if (plain.isEmpty() && !safeText.media().isEmpty())
            return safeText.media().get(0);
        if (plain.length() <= NAME_LENGTH) return plain;
        int cut = NAME_LENGTH - 3;
        if (Character.isHighSurrogate(plain.charAt(cut - 1))) cut--;
        return plain.substring(0, cut) + "...";
    }

    /** The key, or its "-without-media" variant when the text is empty only once links to files are removed. */
    private static String withoutMedia(String key, HtmlText.Safe safe) {
        return safe.lostMedia() ? key + "-without-media" : key;
    }
}
