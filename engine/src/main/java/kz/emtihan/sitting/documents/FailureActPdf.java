package kz.emtihan.sitting.documents;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import kz.emtihan.pdf.Messages;
import kz.emtihan.pdf.PageFlow;
import kz.emtihan.pdf.TableBlock;
import kz.emtihan.sitting.model.FailureDecision;
import org.apache.pdfbox.pdmodel.common.PDRectangle;

/**
 * Lays out the electronic act of technical failure (6.15.2): the student, the time, the stage, the ticket with its
 * questions, each vote as cast, the decision with the ticket at the new time and the new time, and the signatures of
 * the secretary, the chair and the members. Every code is printed through the bundle.
 */
final class FailureActPdf {
    private FailureActPdf() {}

    static byte[] render(FailureActDocument d) throws IOException {
        Messages m = Messages.of(SittingDocuments.BUNDLE, d.language());
        String title = m.format("act.number", d.number());
        try (PageFlow flow = new PageFlow(PDRectangle.A4)) {
            flow.centered(title, flow.bold, 15);
            flow.centered(d.sittingTitle(), flow.bold, 11);
            flow.space(8);
            flow.field(m.get("label.date"), m.date(d.date()));
            flow.field(m.get("label.zone"), SittingDocuments.zone(m, d.zone(), d.at()));
            flow.field(m.get("label.student"), d.student());
            flow.field(m.get("act.at"), m.dateTime(d.at(), d.zone()));
            flow.field(m.get("act.stage"), m.get("stage." + d.stageReached().name()));
            flow.field(
                    m.get("act.ticket"),
                    d.ticket()
                            .map(t -> m.format("act.ticket.number", t.number()))
                            .orElse(m.get("act.ticket.none")));
            if (d.ticket().isPresent() && !d.ticket().get().questions().isEmpty()) {
                List<String> questions = d.ticket().get().questions();
                flow.paragraph(m.get("act.questions"), flow.regular, PageFlow.BODY);
                for (int i = 0; i < questions.size(); i++)
                    flow.paragraph("    " + (i + 1) + ". " + questions.get(i), flow.regular, PageFlow.BODY);
            }
            flow.field(m.get("act.description"), d.description());
            flow.field(m.get("act.secretary"), d.secretary());
            flow.space(6);
            flow.paragraph(m.get("act.votes"), flow.bold, PageFlow.BODY + 1);
            flow.space(2);
            votes(flow, m, d);
            flow.space(8);
            decision(flow, m, d);
            flow.space(4);
            flow.paragraph(m.get("act.copy"), flow.regular, 9);
            flow.signatures(m.get("label.signatures"), signatures(m, d));
            return flow.finish(title + " — " + d.student(), d.sittingTitle(), m);
        }
    }

    private static void votes(PageFlow flow, Messages m, FailureActDocument d) throws IOException {
        if (d.votes().isEmpty()) {
            flow.paragraph(m.get("act.noVotes"), flow.regular, PageFlow.BODY);
            return;
        }
        List<TableBlock.Column> columns = List.of(
                new TableBlock.Column(m.get("col.number"), 30, true),
                new TableBlock.Column(m.get("col.member"), 220, false),
                new TableBlock.Column(m.get("col.vote"), 220, false));
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < d.votes().size(); i++) {
            Vote v = d.votes().get(i);
            rows.add(List.of(
                    Integer.toString(i + 1),
                    v.member(),
                    m.get("vote." + v.choice().name())));
        }
        new TableBlock(flow, columns, PageFlow.BODY).draw(rows);
    }

    private static void decision(PageFlow flow, Messages m, FailureActDocument d) throws IOException {
        if (d.decision().isEmpty()) {
            flow.field(m.get("label.decision"), m.get("act.pending"));
            return;
        }
        FailureDecision decision = d.decision().get();
        flow.field(
                m.get("label.decision"), m.get("decision." + decision.choice().name()));
        if (decision.chairCastTheDecidingVote()) flow.paragraph(m.get("act.chairDecided"), flow.regular, 9);
        if (decision.choice() == FailureDecision.Choice.REFUSE) {
            flow.field(m.get("act.newTime"), m.get("act.newTime.none"));
            return;
        }
        flow.field(m.get("act.retry"), m.get("retry." + decision.ticket().name()));
        flow.field(
                m.get("act.newTime"),
                d.newTime().map(t -> m.dateTime(t, d.zone())).orElse(m.get("act.newTime.pending")));
    }

    /** 6.15.2: the technical secretary who drew the act up, then the chair and the members who decided. */
    private static List<PageFlow.Signature> signatures(Messages m, FailureActDocument d) {
        List<PageFlow.Signature> signatures = new ArrayList<>();
        for (Person.Role role : List.of(Person.Role.SECRETARY, Person.Role.CHAIR, Person.Role.MEMBER)) {
            for (Person p : d.commission())
                if (p.role() == role) signatures.add(new PageFlow.Signature(m.get("role." + role), p.name()));
        }
        return signatures;
    }
}
