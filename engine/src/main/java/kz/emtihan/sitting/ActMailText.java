package kz.emtihan.sitting;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import kz.emtihan.sitting.model.FailureDecision;
import kz.emtihan.sitting.model.Phase;
import kz.emtihan.text.Catalogue;
import kz.emtihan.text.Language;
import kz.emtihan.text.Text;

/**
 * The subject and plain-text body of the e-mail that carries a copy of an act of technical failure to a commission
 * member (6.15.2), in the sitting's language: what the act says (student, time, stage, ticket, each vote as cast, the
 * decision and the new time). Its words are the act's PDF's, from the same catalogue
 * ({@code documents/messages_<lang>.properties}), rendered as {@link Text}s; no code is printed as it is stored.
 */
record ActMailText(String subject, String body) {
    private static final String BUNDLE = "kz.emtihan.sitting.documents.messages";

    /**
     * What one act says, with people already given by name.
     *
     * @param votes member's name → the vote as cast, in the order cast
     */
    record Facts(
            int number,
            String sittingTitle,
            String date,
            String student,
            Instant at,
            ZoneId zone,
            Phase stage,
            Optional<Integer> ticket,
            String description,
            String drawnUpBy,
            Map<String, FailureDecision.Choice> votes,
            Optional<FailureDecision> decision,
            Optional<Instant> newTime) {}

    static ActMailText of(Language language, Facts f) {
        String title = kz.emtihan.pdf.Messages.of(BUNDLE, language).format("act.number", f.number());
        StringBuilder body = new StringBuilder(title + "\n\n");
        line(body, word(language, "mail.sitting"), f.sittingTitle() + ", " + f.date());
        line(body, word(language, "label.zone"), f.zone().getId());
        line(body, word(language, "label.student"), f.student());
        line(body, word(language, "act.at"), when(language, f.at(), f.zone()));
        line(
                body,
                word(language, "act.stage"),
                word(language, "stage." + f.stage().name()));
        line(
                body,
                word(language, "act.ticket"),
                f.ticket()
                        .map(n -> Catalogue.render(Text.of(BUNDLE, "mail.ticket", "number", n), language))
                        .orElse(word(language, "act.ticket.none")));
        line(body, word(language, "act.description"), f.description());
        line(body, word(language, "act.secretary"), f.drawnUpBy());
        body.append('\n').append(word(language, "act.votes")).append(":\n");
        if (f.votes().isEmpty()) body.append(word(language, "act.noVotes")).append('\n');
        f.votes()
                .forEach((member, choice) -> body.append("  ")
                        .append(member)
                        .append(" — ")
                        .append(word(language, "vote." + choice.name()))
                        .append('\n'));
        body.append('\n');
        if (f.decision().isEmpty()) line(body, word(language, "label.decision"), word(language, "act.pending"));
        else {
            FailureDecision d = f.decision().get();
            line(
                    body,
                    word(language, "label.decision"),
                    word(language, "decision." + d.choice().name()));
            if (d.choice() == FailureDecision.Choice.REFUSE)
                line(body, word(language, "act.newTime"), word(language, "act.newTime.none"));
            else {
                line(
                        body,
                        word(language, "act.retry"),
                        word(language, "retry." + d.ticket().name()));
                line(
                        body,
                        word(language, "act.newTime"),
                        f.newTime()
                                .map(t -> when(language, t, f.zone()))
                                .orElse(word(language, "act.newTime.pending")));
            }
        }
        body.append('\n').append(word(language, "mail.attached")).append('\n');
        String subject = (title + " — " + f.sittingTitle()).replaceAll("\\s+", " "); // one line
        return new ActMailText(subject, body.toString());
    }

    private static void line(StringBuilder body, String label, String value) {
        body.append(label).append(": ").append(value).append('\n');
    }

    private static String when(Language language, Instant at, ZoneId zone) {
        return kz.emtihan.text.Formats.dateTimeInZone(at, zone, language); // issue 15 (1): as the pages and PDFs
    }

    private static String word(Language language, String key) {
        return Catalogue.render(Text.of(BUNDLE, key), language);
    }
}
