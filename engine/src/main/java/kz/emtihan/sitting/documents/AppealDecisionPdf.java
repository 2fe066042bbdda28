package kz.emtihan.sitting.documents;

import java.io.IOException;
import kz.emtihan.pdf.Messages;
import kz.emtihan.pdf.PageFlow;
import org.apache.pdfbox.pdmodel.common.PDRectangle;

/** Lays out the appeal commission's decision (6.15.4, 6.15.5). */
final class AppealDecisionPdf {
    private AppealDecisionPdf() {}

    static byte[] render(AppealDecisionDocument d) throws IOException {
        Messages m = Messages.of(SittingDocuments.BUNDLE, d.language());
        String title = m.get("appeal.title");
        try (PageFlow flow = new PageFlow(PDRectangle.A4)) {
            flow.centered(title, flow.bold, 15);
            flow.centered(d.sittingTitle(), flow.bold, 11);
            flow.space(8);
            flow.field(m.get("label.student"), d.student());
            flow.field(m.get("appeal.filedAt"), m.dateTime(d.filedAt(), d.zone()));
            flow.field(m.get("appeal.reason"), d.reason());
            flow.field(m.get("appeal.meetingAt"), m.dateTime(d.meetingAt(), d.zone()));
            flow.field(m.get("label.decision"), m.get("appeal." + d.decision()));
            flow.field(m.get("appeal.gradeBefore"), d.gradeBefore());
            flow.field(m.get("appeal.gradeAfter"), d.gradeAfter());
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
