package kz.emtihan.bank.imports;

import java.util.List;

/**
 * The outcome of reading one file that could be parsed: the questions that can go into a bank, in file order,
 * and everything skipped or dropped, in file order. Nothing in the file is left out of both lists silently,
 * except category markers, comments, Moodle's combined feedback and hints, and embedded files no text shows, which
 * carry no question content.
 */
public record ImportReport(List<ImportedQuestion> questions, List<ImportSkip> skipped) {
    public ImportReport {
        questions = List.copyOf(questions);
        skipped = List.copyOf(skipped);
    }
}
