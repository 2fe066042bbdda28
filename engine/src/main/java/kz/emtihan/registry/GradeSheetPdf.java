package kz.emtihan.registry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kz.emtihan.pdf.Messages;
import kz.emtihan.pdf.PageFlow;
import kz.emtihan.pdf.TableBlock;
import kz.emtihan.registry.model.LetterTotals;
import kz.emtihan.text.Language;
import org.apache.pdfbox.pdmodel.common.PDRectangle;

/**
 * The grade sheet (ведомость, 5.33) of an exam, for one group or all: the university, discipline, programme, kind of
 * control, date and teacher; a numbered table of the students with the admission rating, the exam's percent, the
 * final rating and its letter, GPA and traditional grade in words (6.10); the totals per letter; the signature lines
 * of the teacher, the head of department and the registrar. Labels from kz/emtihan/registry/gradesheet_*.properties.
 */
final class GradeSheetPdf {
    static final String BUNDLE = "kz.emtihan.registry.gradesheet";
    private static final String NONE = "—";

    private GradeSheetPdf() {}

    /** One student's line as printed: every value already in words or digits, NONE where there is nothing. */
    record Line(
            String name,
            String admission,
            String exam,
            String finalRating,
            Optional<String> letter,
            String gpa,
            String traditional) {}

    record Document(
            Language language,
            String discipline,
            String programme,
            String kind,
            LocalDate date,
            String teacher,
            Optional<String> group,
            int admissionPercent,
            int examPercent,
            List<Line> lines,
            LetterTotals totals) {}

    static byte[] render(Document d) {
        Messages m = Messages.of(BUNDLE, d.language());
        String title = m.get("title");
        try (PageFlow flow = new PageFlow(PDRectangle.A4)) {
            flow.centered(m.get("ministry"), flow.regular, 9);
            flow.centered(m.get("university"), flow.bold, 12);
            flow.space(6);
            flow.centered(title, flow.bold, 15);
            flow.space(8);
            flow.field(m.get("label.discipline"), d.discipline());
            flow.field(m.get("label.programme"), d.programme());
            flow.field(m.get("label.kind"), m.get("kind." + d.kind()));
            flow.field(m.get("label.date"), m.date(d.date()));
            flow.field(m.get("label.teacher"), d.teacher());
            flow.field(m.get("label.group"), d.group().orElse(m.get("group.all")));
            flow.space(4);
            flow.paragraph(m.format("formula", d.admissionPercent(), d.examPercent()), flow.regular, 9);
            flow.space(4);
            List<TableBlock.Column> columns = List.of(
                    new TableBlock.Column(m.get("col.number"), 22, true),
                    new TableBlock.Column(m.get("col.student"), 130, false),
                    new TableBlock.Column(m.get("col.admission"), 52, true),
                    new TableBlock.Column(m.get("col.exam"), 52, true),
                    new TableBlock.Column(m.get("col.final"), 52, true),
                    new TableBlock.Column(m.get("col.letter"), 44, true),
                    new TableBlock.Column(m.get("col.gpa"), 40, true),
                    new TableBlock.Column(m.get("col.traditional"), 112, false));
            List<List<String>> rows = new ArrayList<>();
            for (int i = 0; i < d.lines().size(); i++) {
                Line l = d.lines().get(i);
                rows.add(List.of(
                        Integer.toString(i + 1),
                        l.name(),
                        l.admission(),
                        l.exam(),
                        l.finalRating(),
                        l.letter().orElse(NONE),
                        l.gpa(),
                        l.traditional()));
            }
            if (rows.isEmpty()) flow.paragraph(m.get("empty"), flow.regular, PageFlow.BODY);
            else new TableBlock(flow, columns, 9).draw(rows);
            flow.space(8);
            flow.paragraph(m.get("totals"), flow.bold, PageFlow.BODY + 1);
            List<TableBlock.Column> letters = new ArrayList<>();
            List<String> counts = new ArrayList<>();
            for (Map.Entry<String, Integer> e : d.totals().byLetter().entrySet()) {
                letters.add(new TableBlock.Column(e.getKey(), 30, true));
                counts.add(Integer.toString(e.getValue()));
            }
            letters.add(new TableBlock.Column(m.get("totals.ungraded"), 60, true));
            counts.add(Integer.toString(d.totals().ungraded()));
            new TableBlock(flow, letters, 9).draw(List.of(counts));
            flow.space(4);
            flow.paragraph(m.format("totals.students", d.lines().size()), flow.regular, PageFlow.BODY);
            flow.signatures(
                    m.get("label.signatures"),
                    List.of(
                            new PageFlow.Signature(m.get("sign.teacher"), d.teacher()),
                            new PageFlow.Signature(m.get("sign.head"), ""),
                            new PageFlow.Signature(m.get("sign.registrar"), "")));
            return flow.finish(title + " — " + d.discipline(), d.discipline(), m);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
