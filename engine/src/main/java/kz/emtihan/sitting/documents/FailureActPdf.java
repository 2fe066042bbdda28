package kz.emtihan.sitting.documents;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import kz.emtihan.pdf.Messages;
import kz.emtihan.pdf.PageFlow;
import kz.emtihan.pdf.TableBlock;
import org.apache.pdfbox.pdmodel.common.PDRectangle;

/** Lays out the electronic act of technical failure (6.15.2). */
final class FailureActPdf {
    private FailureActPdf() {}

    static byte[] render(FailureActDocument d) throws IOException {
        Messages m = Messages.of(SittingDocuments.BUNDLE, d.language());
        String title = m.get("act.title");
        try (PageFlow flow = new PageFlow(PDRectangle.A4)) {
            flow.centered(title, flow.bold, 15);
            flow.centered(d.sittingTitle(), flow.bold, 11);
            flow.space(8);
            flow.field(m.get("label.date"), m.date(d.date()));
            flow.field(m.get("label.student"), d.student());
            flow.field(m.get("act.at"), m.dateTime(d.at(), d.zone()));
            flow.field(m.get("act.stage"), d.stageReached());
            flow.field(m.get("act.description"), d.description());
            flow.field(m.get("act.secretary"), d.secretary());
            flow.space(6);
            flow.paragraph(m.get("act.votes"), flow.bold, PageFlow.BODY + 1);
            flow.space(2);
            List<TableBlock.Column> columns = List.of(
                    new TableBlock.Column(m.get("col.number"), 30, true),
                    new TableBlock.Column(m.get("col.member"), 300, false),
                    new TableBlock.Column(m.get("col.vote"), 120, true));
            List<List<String>> rows = new ArrayList<>();
            for (int i = 0; i < d.votes().size(); i++) {
                Vote v = d.votes().get(i);
                rows.add(List.of(Integer.toString(i + 1), v.member(), m.get("vote." + v.choice())));
            }
            if (rows.isEmpty()) flow.paragraph(m.get("act.noVotes"), flow.regular, PageFlow.BODY);
            else new TableBlock(flow, columns, PageFlow.BODY).draw(rows);
            flow.space(8);
            flow.field(m.get("label.decision"), d.decision());
            flow.field(m.get("act.ticketKept"), m.get(d.ticketKept() ? "yes" : "no"));
            flow.field(m.get("act.newTime"), d.newTime().orElse(m.get("act.newTime.none")));
            flow.space(4);
            flow.paragraph(m.get("act.copy"), flow.regular, 9);
            List<PageFlow.Signature> signatures = new ArrayList<>();
            signatures.add(new PageFlow.Signature(m.get("role.SECRETARY"), d.secretary()));
            for (Vote v : d.votes()) signatures.add(new PageFlow.Signature(m.get("role.MEMBER"), v.member()));
            flow.signatures(m.get("label.signatures"), signatures);
            return flow.finish(title + " — " + d.student(), d.sittingTitle(), m);
        }
    }
}
