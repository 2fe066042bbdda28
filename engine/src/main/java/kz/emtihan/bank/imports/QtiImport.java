package kz.emtihan.bank.imports;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import kz.emtihan.bank.model.QuestionDraft;
import org.w3c.dom.Document;

/**
 * Reads IMS QTI 2.1/2.2 ({@code imsqti_v2p1}, camelCase names) and QTI 3.0 ({@code imsqtiasi_v3p0}, {@code qti-*}
 * names): one item's XML, or a content package ({@code .zip} with {@code imsmanifest.xml}, told by its bytes), whose
 * item resources are read in the manifest's order. Each item is one position; what {@link QtiItem} cannot read is
 * skipped with its reason. Pictures and sounds come from the package ({@link QtiBody}); difficulty and topic from the
 * manifest ({@link QtiManifest}). Pure: no I/O beyond the given bytes.
 */
public final class QtiImport {
    private QtiImport() {}

    /**
     * @throws ImportException when the file is neither a well-formed QTI item nor a readable package with a manifest
     */
    public static ImportReport parse(byte[] file) throws ImportException {
        Objects.requireNonNull(file, "file");
        ReportBuilder report = new ReportBuilder();
        if (QtiPackage.isZip(file)) {
            QtiPackage pack = QtiPackage.read(file);
            List<QtiManifest.Entry> entries = QtiManifest.items(pack);
            int position = 0;
            for (QtiManifest.Entry entry : entries) {
                position++;
                Optional<byte[]> bytes = pack.file(entry.path());
                if (bytes.isEmpty()) {
                    report.skip(position, 0, ImportTexts.of("skip.qti-missing-item", "file", entry.path()));
                    continue;
                }
                Document doc;
                try {
                    doc = QtiXml.parse(bytes.get());
                } catch (ImportException e) {
                    report.skip(
                            position,
                            0,
                            ImportTexts.of(
                                    "skip.qti-unreadable",
                                    "file",
                                    entry.path(),
                                    "fault",
                                    ImportTexts.at(e.line(), e.column(), e.fault())));
                    continue;
                }
                add(QtiItem.read(doc, entry.path(), pack, position, entry), position, report);
            }
        } else {
            Document doc = QtiXml.parse(file);
            if (!QtiXml.is(doc.getDocumentElement(), "assessmentItem"))
                throw new ImportException(
                        ImportTexts.of(
                                "fault.not-qti",
                                "root",
                                doc.getDocumentElement().getLocalName()),
                        0,
                        0);
            QtiManifest.Entry alone = new QtiManifest.Entry("item.xml", Optional.empty(), List.of(), "", List.of());
            add(QtiItem.read(doc, alone.path(), null, 1, alone), 1, report);
        }
        return report.build();
    }

    /** The item's outcome in the report: its position is its place among the manifest's items. */
    private static void add(QtiItem.Result result, int position, ReportBuilder report) {
        if (result.skipped().isPresent()) {
            report.skip(position, 0, result.skipped().get());
            return;
        }
        QtiItem.Read read = result.read().orElseThrow();
        ReportBuilder one = new ReportBuilder();
        read.draft().addTo(one);
        ImportReport done = one.build();
        for (ImportedQuestion q : done.questions()) report.add(withFixed(q, read.fixed()));
        for (ImportSkip s : done.skipped()) {
            if (s.kept()) report.kept(s.question(), s.line(), s.reason());
            else report.skip(s.question(), s.line(), s.reason());
        }
        if (done.questions().isEmpty()) return;
        for (String id : read.droppedFeedback())
            report.kept(position, 0, ImportTexts.of("kept.qti-feedback", "id", id));
    }

    /** ChoiceDraft does not take per-option {@code fixed}: the draft it made, with the item's flags. */
    static ImportedQuestion withFixed(ImportedQuestion q, List<Boolean> fixed) {
        QuestionDraft d = q.draft();
        List<QuestionDraft.DraftOption> options = new ArrayList<>();
        for (int i = 0; i < d.options().size(); i++) {
            QuestionDraft.DraftOption o = d.options().get(i);
            options.add(new QuestionDraft.DraftOption(
                    o.text(), o.fraction(), o.feedback(), i < fixed.size() && fixed.get(i)));
        }
        QuestionDraft fixedDraft = new QuestionDraft(
                d.id(), d.text(), options, d.single(), d.difficulty(), d.topic(), d.shuffle(), d.authored());
        return new ImportedQuestion(q.position(), q.line(), fixedDraft, q.files());
    }
}
