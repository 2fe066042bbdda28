package kz.emtihan.bank.imports;

import java.util.ArrayList;
import java.util.List;
import kz.emtihan.text.Text;

/** Collects a parser's questions and skips in file order. Not thread-safe: one per parse. */
final class ReportBuilder {
    private final List<ImportedQuestion> questions = new ArrayList<>();
    private final List<ImportSkip> skipped = new ArrayList<>();

    void add(ImportedQuestion question) {
        questions.add(question);
    }

    /** The question at {@code position} is not imported. */
    void skip(int position, int line, Text reason) {
        skipped.add(ImportSkip.of(position, line, reason));
    }

    /** The question at {@code position} is imported, with something dropped or changed. */
    void kept(int position, int line, Text note) {
        skipped.add(ImportSkip.kept(position, line, note));
    }

    ImportReport build() {
        return new ImportReport(questions, skipped);
    }
}
