package kz.emtihan.sitting.documents;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import kz.emtihan.pdf.Messages;
import kz.emtihan.pdf.PageFlow;
import kz.emtihan.pdf.TableBlock;
import org.apache.pdfbox.pdmodel.common.PDRectangle;

/**
 * Lays out the protocol of a sitting (6.15, 6.15.1, 6.15.6): the commission, the table of tickets, every member's
 * score, the commission's grade and, in its own column, an appeal's change; then how each student's exam went
 * ({@link ProtocolCoursePdf}). Every code is printed through the bundle.
 */
final class ProtocolPdf {
    static final String NONE = "—";
    /** From this many scoring members on, the score columns need A4 landscape to stay legible. */
    private static final int LANDSCAPE_FROM = 3;

    private ProtocolPdf() {}

    static byte[] render(ProtocolDocument d) throws IOException {
        Messages m = Messages.of(SittingDocuments.BUNDLE, d.language());
        List<Person> scorers = d.scorers();
        PDRectangle size = scorers.size() >= LANDSCAPE_FROM
                ? new PDRectangle(PDRectangle.A4.getHeight(), PDRectangle.A4.getWidth())
                : PDRectangle.A4;
        String title = m.get("protocol.title");
        try (PageFlow flow = new PageFlow(size)) {
            flow.centered(title, flow.bold, 15);
            flow.centered(d.sittingTitle(), flow.bold, 11);
            flow.space(8);
            flow.field(m.get("label.form"), m.get("kind." + d.kind()));
            flow.field(m.get("label.date"), m.date(d.date()));
            ProtocolCoursePdf.Clock moved = new ProtocolCoursePdf.Clock(d.date(), d.zone());
            for (ProtocolDocument.Reschedule r : d.reschedules()) // 6.15.6: each move, who and why
            flow.field(
                        m.get("label.rescheduled"),
                        m.format(
                                "protocol.rescheduled",
                                m.date(r.from()),
                                m.date(r.to()),
                                r.by(),
                                moved.at(r.at()),
                                r.reason()));
            flow.field(
                    m.get("label.zone"),
                    SittingDocuments.zone(
                            m, d.zone(), d.date().atStartOfDay(d.zone()).toInstant()));
            flow.field(m.get("label.mode"), m.get("protocol.mode"));
            flow.space(4);
            flow.paragraph(m.get("label.commission"), flow.bold, PageFlow.BODY + 1);
            for (Person.Role role : Person.Role.values()) {
                List<String> names = d.commission().stream()
                        .filter(p -> p.role() == role)
                        .map(Person::name)
                        .toList();
                if (names.isEmpty()) continue;
                String label = m.get((names.size() > 1 ? "roles." : "role.") + role);
                flow.field(label, String.join(", ", names));
            }
            flow.space(6);
            flow.paragraph(m.get("protocol.scores"), flow.regular, 9);
            flow.space(2);
            new TableBlock(flow, columns(m, scorers, d.defence()), 9).draw(rows(d, scorers, m));
            flow.space(8);
            ProtocolCoursePdf.render(flow, m, d);
            flow.space(6);
            flow.paragraph(m.get("protocol.announced"), flow.regular, 9);
            flow.signatures(
                    m.get("label.signatures"),
                    d.commission().stream()
                            .map(p -> new PageFlow.Signature(m.get("role." + p.role()), p.name()))
                            .toList());
            return flow.finish(title + " — " + d.sittingTitle(), d.sittingTitle(), m);
        }
    }

    /** 6.15.1: a thesis defence has no ticket column. */
    private static List<TableBlock.Column> columns(Messages m, List<Person> scorers, boolean defence) {
        List<TableBlock.Column> columns = new ArrayList<>();
        columns.add(new TableBlock.Column(m.get("col.number"), 24, true));
        columns.add(new TableBlock.Column(m.get("col.student"), 130, false));
        if (!defence) columns.add(new TableBlock.Column(m.get("col.ticket"), 38, true));
        for (Person p : scorers) columns.add(new TableBlock.Column(p.name(), 56, true));
        columns.add(new TableBlock.Column(m.get("col.final"), 48, true));
        columns.add(new TableBlock.Column(m.get("col.letter"), 48, true));
        columns.add(new TableBlock.Column(m.get("col.appeal"), 80, true));
        columns.add(new TableBlock.Column(m.get("col.note"), 90, false));
        return columns;
    }

    private static List<List<String>> rows(ProtocolDocument d, List<Person> scorers, Messages m) {
        List<List<String>> rows = new ArrayList<>();
        ProtocolCoursePdf.Clock clock = new ProtocolCoursePdf.Clock(d.date(), d.zone());
        for (int i = 0; i < d.rows().size(); i++) {
            ProtocolRow r = d.rows().get(i);
            List<String> cells = new ArrayList<>();
            cells.add(Integer.toString(i + 1));
            cells.add(r.student());
            if (!d.defence())
                cells.add(r.ticketNumber() == null ? NONE : r.ticketNumber().toString());
            for (Person p : scorers) {
                Integer score = r.scores().get(p.name());
                cells.add(score == null ? NONE : score.toString());
            }
            cells.add(r.finalScore());
            cells.add(r.letter());
            cells.add(r.course()
                    .appeal()
                    .flatMap(a -> a.decision()
                            .map(how -> how.equals(AppealDecisionDocument.CHANGED)
                                    ? a.grade().orElse(NONE) + ", " + clock.date(a.decided())
                                    : m.get("protocol.appeal.kept") + ", " + clock.date(a.decided())))
                    .orElse(r.course().appeal().isPresent() ? m.get("protocol.appeal.pending") : NONE));
            cells.add(r.note());
            rows.add(cells);
        }
        return rows;
    }
}
