package kz.emtihan.bank.documents;

import java.io.IOException;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import kz.emtihan.bank.model.BankLife;
import kz.emtihan.bank.model.Conclusion;
import kz.emtihan.bank.model.Passport;
import kz.emtihan.pdf.Messages;
import kz.emtihan.pdf.PageFlow;
import kz.emtihan.text.Language;
import org.apache.pdfbox.pdmodel.common.PDRectangle;

/** Lays out an expert's conclusion on a bank (5.25-5.26), kept on paper at the department (5.27). */
final class ConclusionPdf {
    private ConclusionPdf() {}

    static byte[] render(
            String bankId,
            Passport p,
            Conclusion c,
            String expertName,
            Optional<BankLife.Approval> reviewed,
            Language language,
            ZoneId zone)
            throws IOException {
        Messages m = Messages.of(BankDocuments.BUNDLE, language);
        String title = m.format("conclusion.title", c.number());
        try (PageFlow flow = new PageFlow(PDRectangle.A4)) {
            flow.centered(title, flow.bold, 15);
            flow.centered(p.discipline(), flow.bold, 11);
            flow.space(8);
            flow.field(m.get("label.bank"), bankId);
            flow.field(m.get("passport.programme"), p.programme());
            flow.field(m.get("passport.language"), p.language());
            flow.field(m.get("passport.compilers"), String.join("; ", p.compilers()));
            flow.field(m.get("conclusion.expert"), expertName);
            flow.field(m.get("conclusion.year"), c.academicYear());
            flow.field(m.get("conclusion.at"), m.dateTime(c.at(), zone));
            reviewed.ifPresent(a -> {
                try {
                    flow.field(
                            m.get("conclusion.reviewed"),
                            m.format("conclusion.approval", m.date(a.meetingDate()), a.minutes()));
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            flow.space(6);
            for (int i = 0; i < Conclusion.ASPECTS.size(); i++) {
                String aspect = Conclusion.ASPECTS.get(i);
                Conclusion.Assessment a = c.assessments().get(i);
                flow.paragraph(m.get("aspect." + aspect), flow.bold, 11);
                flow.field(m.get("label.assessment"), m.get("grade." + a.grade().code()));
                flow.field(m.get("label.comment"), a.comment().isEmpty() ? "—" : a.comment());
                flow.space(4);
            }
            flow.space(4);
            flow.paragraph(m.get("conclusion.decision"), flow.bold, 11);
            flow.paragraph(m.get("decision." + c.decision().code()), flow.bold, 12);
            flow.signatures(
                    m.get("label.signatures"), List.of(new PageFlow.Signature(m.get("role.expert"), expertName)));
            return flow.finish(title + " — " + p.discipline(), p.programme(), m);
        }
    }
}
