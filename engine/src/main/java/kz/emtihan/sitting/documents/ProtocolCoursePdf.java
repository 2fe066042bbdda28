package kz.emtihan.sitting.documents;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import kz.emtihan.pdf.Messages;
import kz.emtihan.pdf.PageFlow;

/**
 * The protocol's second part (6.15.2-6.15.6): for each student, the state reached, the times of each attempt, the
 * draws and redraws, the acts with their decisions and new times, the postponements and the appeal. Times on the
 * sitting's day print as hours and minutes, others with their date; the zone is named in the heading.
 */
final class ProtocolCoursePdf {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");
    private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm");

    private ProtocolCoursePdf() {}

    static void render(PageFlow flow, Messages m, ProtocolDocument d) throws IOException {
        Clock clock = new Clock(d.date(), d.zone());
        flow.paragraph(
                m.format(
                        "protocol.course",
                        SittingDocuments.zone(
                                m, d.zone(), d.date().atStartOfDay(d.zone()).toInstant())),
                flow.bold,
                PageFlow.BODY + 1);
        for (int i = 0; i < d.rows().size(); i++) {
            ProtocolRow r = d.rows().get(i);
            ProtocolCourse c = r.course();
            flow.space(3);
            String state =
                    c.state().map(s -> " — " + m.get("state." + s.code())).orElse("");
            flow.paragraph((i + 1) + ". " + r.student() + state, flow.bold, 9);
            if (c.carriedFrom().isPresent()) // 6.15.2-6.15.3: examined here after a postponement there
            flow.paragraph(
                        m.format(
                                "protocol.carriedFrom",
                                c.carriedFrom().get().title(),
                                day(m, c.carriedFrom().get())),
                        flow.regular,
                        9);
            for (int a = 0; a < c.attempts().size(); a++) {
                String line = attempt(m, clock, c.attempts().get(a), a + 1);
                if (!line.isEmpty()) flow.paragraph(line, flow.regular, 9);
            }
            if (!c.draws().isEmpty()) flow.paragraph(draws(m, clock, c.draws()), flow.regular, 9);
            for (ProtocolCourse.ActLine act : c.acts())
                flow.paragraph(act(m, clock, act, d.defence()), flow.regular, 9);
            for (ProtocolCourse.PostponementLine p : c.postponements())
                flow.paragraph(postponement(m, clock, p), flow.regular, 9);
            if (c.clearedBy().isPresent()) { // 6.15.3: the later sitting's result replaced the I
                ProtocolCourse.ClearedLine cleared = c.clearedBy().get();
                flow.paragraph(
                        m.format(
                                "protocol.clearedBy",
                                cleared.sitting().title(),
                                day(m, cleared.sitting()),
                                cleared.grade(),
                                clock.at(cleared.published())),
                        flow.regular,
                        9);
            }
            if (c.removal().isPresent()) { // 6.14: who, when, why; an unexcused absence, F
                ProtocolCourse.RemovalLine removal = c.removal().get();
                flow.paragraph(
                        m.format("protocol.removed", removal.by(), clock.at(removal.at()), removal.reason()),
                        flow.regular,
                        9);
            }
            if (c.appeal().isPresent())
                flow.paragraph(appeal(m, clock, r, c.appeal().get()), flow.regular, 9);
        }
    }

    /** A date and time as the course prints it: hours and minutes on the sitting's day, the date too otherwise. */
    record Clock(LocalDate day, ZoneId zone) {
        String at(Instant at) {
            var local = at.atZone(zone);
            return local.toLocalDate().equals(day) ? TIME.format(local) : DAY_TIME.format(local);
        }

        String at(Optional<Instant> at) {
            return at.map(this::at).orElse(ProtocolPdf.NONE);
        }

        /** The date alone ("12.06.2025"), in the sitting's zone. */
        String date(Optional<Instant> at) {
            return at.map(x -> DATE.format(x.atZone(zone))).orElse(ProtocolPdf.NONE);
        }
    }

    private static String attempt(Messages m, Clock clock, ProtocolCourse.Times t, int n) {
        List<String> parts = new ArrayList<>();
        t.admitted().ifPresent(x -> parts.add(m.format("times.admitted", clock.at(x))));
        t.drawn().ifPresent(x -> parts.add(m.format("times.drawn", clock.at(x))));
        t.preparationStarted().ifPresent(x -> parts.add(span(m, clock, "times.preparation", x, t.answerStarted())));
        t.answerStarted().ifPresent(x -> parts.add(span(m, clock, "times.answer", x, t.answerEnded())));
        t.confirmed().ifPresent(x -> parts.add(m.format("times.confirmed", clock.at(x))));
        if (parts.isEmpty()) return "";
        String head = t.stoppedByAct()
                .map(act -> m.format("times.attemptStopped", n, act))
                .orElse(m.format("times.attempt", n));
        return head + ": " + String.join("; ", parts) + ".";
    }

    /** A phase from its start to its end, or only "from" its start when an act stopped it. */
    private static String span(Messages m, Clock clock, String key, Instant from, Optional<Instant> to) {
        return to.isPresent()
                ? m.format(key, clock.at(from), clock.at(to.get()))
                : m.format(key + "From", clock.at(from));
    }

    private static String draws(Messages m, Clock clock, List<ProtocolCourse.DrawLine> draws) {
        List<String> parts = new ArrayList<>();
        for (ProtocolCourse.DrawLine d : draws) {
            String one = m.format("draw.one", d.ticket(), d.drawNumber(), clock.at(d.at()));
            parts.add(d.afterAct()
                    .map(act -> one + " " + m.format("draw.again", act))
                    .orElse(one));
        }
        return m.get("draw.label") + ": " + String.join("; ", parts) + ".";
    }

    /** Another sitting's day as printed, or a dash when it could not be read. */
    private static String day(Messages m, ProtocolCourse.SittingRef sitting) {
        return sitting.date().map(m::date).orElse(ProtocolPdf.NONE);
    }

    private static String act(Messages m, Clock clock, ProtocolCourse.ActLine a, boolean defence) {
        String ticket = a.ticket().map(t -> m.format("act.ticket.number", t)).orElse(m.get("act.ticket.none"));
        String head = defence // 6.15.1: a defence has no ticket to name
                ? m.format(
                        "protocol.act.defence",
                        a.number(),
                        clock.at(a.at()),
                        m.get("stage." + a.stage().name()))
                : m.format(
                        "protocol.act",
                        a.number(),
                        clock.at(a.at()),
                        m.get("stage." + a.stage().name()),
                        ticket);
        if (a.decision().isEmpty()) return head + " " + m.get("act.pending") + ".";
        String decided = m.get("label.decision") + ": "
                + m.get("decision." + a.decision().get().name());
        String newTime = a.newTime()
                .map(t -> ". " + m.get("act.newTime") + ": " + clock.at(t))
                .orElse(
                        a.decision().get() == kz.emtihan.sitting.model.FailureDecision.Choice.REFUSE
                                ? ""
                                : ". " + m.get("act.newTime") + ": " + m.get("act.newTime.pending"));
        return head + " " + decided + newTime + ".";
    }

    private static String postponement(Messages m, Clock clock, ProtocolCourse.PostponementLine p) {
        String head = m.format("postponement.applied", clock.at(p.applied()));
        if (p.allowed().isEmpty()) return head + " " + m.get("postponement.awaiting") + ".";
        if (!p.allowed().get()) return head + " " + m.format("postponement.refused", clock.at(p.decided())) + ".";
        String through = p.incompleteUntil() // the deadline is the start of the day after the last one
                .map(u -> clock.date(Optional.of(u.minusSeconds(1))))
                .orElse(ProtocolPdf.NONE);
        return head + " " + m.format("postponement.allowed", clock.at(p.decided()), through) + ".";
    }

    private static String appeal(Messages m, Clock clock, ProtocolRow r, ProtocolCourse.AppealLine a) {
        String head = m.format("protocol.appeal.filed", clock.at(a.filed()));
        String commission = m.format("protocol.appeal.commission", r.letter() + " " + r.finalScore());
        if (a.decision().isEmpty()) return head + " " + commission + "; " + m.get("protocol.appeal.pending") + ".";
        String after = a.decision().get().equals(AppealDecisionDocument.CHANGED)
                ? m.format("protocol.appeal.changed", a.grade().orElse(ProtocolPdf.NONE), clock.at(a.decided()))
                : m.format("protocol.appeal.keptOn", clock.at(a.decided()));
        return head + " " + commission + "; " + after + ".";
    }
}
