package kz.emtihan.bank;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import kz.emtihan.bank.imports.ImportReport;
import kz.emtihan.bank.imports.ImportSkip;
import kz.emtihan.bank.imports.ImportedQuestion;
import kz.emtihan.bank.media.ImportMedia;
import kz.emtihan.bank.media.MediaLimits;
import kz.emtihan.bank.model.Difficulty;
import kz.emtihan.bank.model.MediaFile;
import kz.emtihan.bank.model.QuestionDraft;
import kz.emtihan.text.Text;

/**
 * What of a parsed file lands in the bank, decided off the event loop (a 5,000-question file parses HTML and hashes
 * its files here): each question's own checks (an unclassified one lands, 5.23.3), then its files (issue 12, 2:
 * {@link ImportMedia}). Pure: nothing is stored here.
 *
 * @param accepted the drafts to store, in file order, their files' references rewritten
 * @param files the files they show, each once
 * @param notes the parser's notes, then these steps' notes
 * @param refused the numbers of the questions these steps turned down
 */
record ImportLanding(
        List<QuestionDraft> accepted, List<MediaFile> files, List<ImportSkip> notes, Set<Integer> refused) {

    static ImportLanding of(ImportReport report, Optional<Difficulty> fallback, MediaLimits limits) {
        List<QuestionDraft> accepted = new ArrayList<>();
        List<MediaFile> files = new ArrayList<>();
        List<ImportSkip> notes = new ArrayList<>(report.skipped());
        Set<Integer> refused = new HashSet<>();
        ImportMedia media = new ImportMedia(limits);
        for (ImportedQuestion q : report.questions()) {
            QuestionDraft d = q.draft();
            if (d.difficulty().isEmpty() && fallback.isPresent()) d = withDifficulty(d, fallback);
            List<Text> problems = d.problems(false); // 5.23.3: an unclassified question lands
            if (!problems.isEmpty()) {
                refused.add(q.position());
                notes.add(ImportSkip.of(q.position(), q.line(), BankTexts.joined(problems)));
                continue;
            }
            ImportMedia.Taken taken = media.take(new ImportedQuestion(q.position(), q.line(), d, q.files()));
            notes.addAll(taken.notes());
            if (taken.question().isPresent()) {
                accepted.add(taken.question().get().draft());
                files.addAll(taken.files());
            } else {
                refused.add(q.position());
            }
        }
        return new ImportLanding(accepted, files, notes, refused);
    }

    int unclassified() {
        return (int) accepted.stream().filter(d -> d.difficulty().isEmpty()).count();
    }

    private static QuestionDraft withDifficulty(QuestionDraft d, Optional<Difficulty> difficulty) {
        return new QuestionDraft(
                d.id(), d.text(), d.options(), d.single(), difficulty, d.topic(), d.shuffle(), d.authored());
    }

    /** Reads a file of {@code format}; an unparseable file is refused with its line and column. */
    static kz.emtihan.bank.imports.ImportReport parse(String format, byte[] file, String language) {
        try {
            if (format.equals("qti"))
                return kz.emtihan.bank.imports.QtiImport.parse(file); // one item's XML, or a package told by its bytes
            return format.equals("gift")
                    ? kz.emtihan.bank.imports.GiftImport.read(
                            file, language) // encoding found, noted; true/false in the bank's language
                    : kz.emtihan.bank.imports.MoodleXmlImport.parse(file);
        } catch (kz.emtihan.bank.imports.ImportException e) {
            kz.emtihan.text.Text fault = kz.emtihan.bank.imports.ImportTexts.at(e.line(), e.column(), e.fault());
            throw kz.emtihan.refusal.Refusal.of(BankRefusal.UNPARSEABLE_FILE, fault)
                    .withProblems(java.util.List.of(
                            new kz.emtihan.refusal.Problem(lineAndColumn(e.line(), e.column()), e.fault())));
        }
    }

    private static java.util.Map<String, Object> lineAndColumn(int line, int column) {
        java.util.Map<String, Object> at = new java.util.LinkedHashMap<>();
        at.put("line", line);
        at.put("column", column);
        return at;
    }
}
