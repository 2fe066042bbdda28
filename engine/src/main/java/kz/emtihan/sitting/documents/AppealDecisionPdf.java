package kz.emtihan.sitting.documents;

import java.io.IOException;
import kz.emtihan.pdf.Messages;
import kz.emtihan.pdf.PageFlow;
import org.apache.pdfbox.pdmodel.common.PDRectangle;

/**
 * Lays out the appeal commission's decision (6.15.4, 6.15.5): the student, the result appealed, the reason, the
 * meeting, the decision with the new grade, the comment, the time of the decision, and the signatures of the chair (or
 * the deputy who decided) and the members.
 */
final class AppealDecisionPdf {
    private AppealDecisionPdf() {}

    static byte[] render(AppealDecisionDocument d) throws IOException {
        Messages m = Messages.of(SittingDocuments.BUNDLE, d.language());
        String title = m.get("appeal.title");
        try (PageFlow flow = new PageFlow(PDRectangle.A4)) {
            flow.centered(title, flow.bold, 15);
            flow.centered(d.sittingTitle(), flow.bold, 11);
            flow.space(8);
            flow.field(m.get("label.zone"), SittingDocuments.zone(m, d.zone(), d.decidedAt()));
            flow.field(m.get("label.student"), d.student());
            flow.field(m.get("appeal.gradeBefore"), d.gradeBefore());
            flow.field(m.get("appeal.filedAt"), m.dateTime(d.filedAt(), d.zone()));
            flow.field(m.get("appeal.reason"), d.reason());
            flow.field(m.get("appeal.meetingAt"), m.dateTime(d.meetingAt(), d.zone()));
            flow.field(m.get("label.decision"), m.get("appeal." + d.decision()));
            flow.field(m.get("appeal.gradeAfter"), d.gradeAfter());
            flow.field(m.get("appeal.comment"), d.comment().isEmpty() ? m.get("appeal.comment.none") : d.comment());
            flow.field(m.get("appeal.decidedAt"), m.dateTime(d.decidedAt(), d.zone()));
            if (d.appealCommission().stream().anyMatch(p -> p.role() == Person.Role.DEPUTY_CHAIR))
                flow.paragraph(m.get("appeal.deputy"), flow.regular, 9);
            flow.space(4);
            flow.paragraph(m.get("appeal.notice"), flow.regular, 9);
            flow.signatures(
                    m.get("label.signatures"),
                    d.appealCommission().stream()
                            .map(p -> new PageFlow.Signature(m.get("role." + p.role()), p.name()))
                            .toList());
            return flow.finish(title + " — " + d.student(), d.sittingTitle(), m);
        }
    }
}
