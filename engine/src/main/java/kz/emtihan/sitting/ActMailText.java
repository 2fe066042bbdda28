package kz.emtihan.sitting;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import kz.emtihan.text.Catalogue;
import kz.emtihan.text.Language;
import kz.emtihan.text.Text;

/**
 * The subject and plain-text body of the e-mail that carries a copy of an act of technical failure to a commission
 * member (6.15.2), in the sitting's language. Its words are the act's PDF's, from the same catalogue
 * ({@code documents/messages_<lang>.properties}: act.*, stage.*, mail.*), rendered as {@link Text}s.
 */
record ActMailText(String subject, String body) {
    private static final String BUNDLE = "kz.emtihan.sitting.documents.messages";

    /** What one act says, with people already given by name. */
    record Facts(
            String actId,
            String sittingTitle,
            String date,
            String student,
            Instant at,
            ZoneId zone,
            String stage,
            String description,
            String drawnUpBy) {}

    static ActMailText of(Language language, Facts f) {
        String when = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.LONG, FormatStyle.SHORT)
                        .withLocale(language.locale())
                        .format(f.at().atZone(f.zone()))
                + " (" + f.zone().getId() + ")";
        String title = word(language, "act.title");
        String stage = Catalogue.has(BUNDLE, "stage." + f.stage(), language)
                ? word(language, "stage." + f.stage())
                : f.stage();
        String body = title + " " + f.actId() + "\n\n"
                + word(language, "mail.sitting") + ": " + f.sittingTitle() + ", " + f.date() + "\n"
                + word(language, "label.student") + ": " + f.student() + "\n"
                + word(language, "act.at") + ": " + when + "\n"
                + word(language, "act.stage") + ": " + stage + "\n"
                + word(language, "act.description") + ": " + f.description() + "\n"
                + word(language, "act.secretary") + ": " + f.drawnUpBy() + "\n\n"
                + word(language, "mail.attached") + "\n";
        String subject = (title + " " + f.actId() + " — " + f.sittingTitle()).replaceAll("\\s+", " "); // one line
        return new ActMailText(subject, body);
    }

    private static String word(Language language, String key) {
        return Catalogue.render(Text.of(BUNDLE, key), language);
    }
}
