package kz.emtihan.bank.documents;

import java.io.IOException;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import kz.emtihan.bank.model.BankLife;
import kz.emtihan.bank.model.Passport;
import kz.emtihan.pdf.Messages;
import kz.emtihan.pdf.PageFlow;
import kz.emtihan.text.Language;
import org.apache.pdfbox.pdmodel.common.PDRectangle;

/** Lays out a bank's passport (5.22) with its approval at the department meeting (5.19), kept on paper (5.27). */
final class PassportPdf {
    private PassportPdf() {}

    static byte[] render(
            String bankId,
            Passport p,
            BankLife life,
            int questionCount,
            Map<String, String> names,
            Language language,
            ZoneId zone)
            throws IOException {
        Messages m = Messages.of(BankDocuments.BUNDLE, language);
        String title = m.get("passport.title");
        try (PageFlow flow = new PageFlow(PDRectangle.A4)) {
            flow.centered(title, flow.bold, 15);
            flow.centered(p.discipline(), flow.bold, 11);
            flow.space(8);
            flow.field(m.get("label.bank"), bankId);
            flow.field(m.get("passport.discipline"), p.discipline());
            flow.field(m.get("passport.programme"), p.programme());
            flow.field(m.get("passport.language"), p.language());
            flow.field(m.get("passport.compilers"), String.join("; ", p.compilers()));
            flow.field(
                    m.get("passport.references"),
                    p.references().isEmpty() ? m.get("passport.no-references") : String.join("; ", p.references()));
            flow.field(m.get("passport.questions"), String.valueOf(questionCount));
            flow.field(m.get("label.status"), m.get("status." + life.status()));
            flow.space(6);
            flow.paragraph(m.get("passport.approval"), flow.bold, 11);
            if (life.approval().isPresent()) {
                BankLife.Approval a = life.approval().get();
                flow.field(m.get("approval.meeting"), m.date(a.meetingDate()));
                flow.field(m.get("approval.minutes"), a.minutes());
                flow.field(m.get("approval.recorded"), names.getOrDefault(a.by(), a.by()));
                flow.field(m.get("approval.at"), m.dateTime(a.at(), zone));
            } else {
                flow.paragraph(m.get("approval.none"), flow.regular, 10);
            }
            flow.space(6);
            flow.paragraph(m.get("passport.panel"), flow.bold, 11);
            if (life.panel().isEmpty()) flow.paragraph(m.get("panel.none"), flow.regular, 10);
            for (Map.Entry<String, List<String>> e : life.panel().entrySet())
                flow.field(
                        m.format("panel.year", e.getKey()),
                        String.join(
                                "; ",
                                e.getValue().stream()
                                        .map(id -> names.getOrDefault(id, id))
                                        .toList()));
            if (life.locked()) {
                BankLife.LockEvent l = life.locks().get(life.locks().size() - 1);
                flow.space(6);
                flow.field(m.get("lock.locked"), m.dateTime(l.at(), zone) + " — " + l.period());
            }
            flow.signatures(
                    m.get("label.signatures"),
                    List.of(
                            new PageFlow.Signature(
                                    m.get("role.head"),
                                    life.approval()
                                            .map(a -> names.getOrDefault(a.by(), a.by()))
                                            .orElse("")),
                            new PageFlow.Signature(m.get("role.compiler"), String.join("; ", p.compilers()))));
            return flow.finish(title + " — " + p.discipline(), p.programme(), m);
        }
    }
}
