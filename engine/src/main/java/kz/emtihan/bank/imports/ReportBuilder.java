package kz.emtihan.bank.imports;

import java.util.ArrayList;
import java.util.List;

/** Collects a parser's questions and skips in file order. Not thread-safe: one per parse. */
final class ReportBuilder {
    private final List<ImportedQuestion> questions = new ArrayList<>();
    private final List<ImportSkip> skipped = new ArrayList<>();

    void add(ImportedQuestion question) {
        questions.add(question);
    }

    void skip(int position, int line, String reason) {
        skipped.add(ImportSkip.of(position, line, reason));
    }

    ImportReport build() {
        return new ImportReport(questions, skipped);
    }
}
