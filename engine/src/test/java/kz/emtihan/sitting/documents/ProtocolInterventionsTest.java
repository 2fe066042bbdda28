package kz.emtihan.sitting.documents;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import kz.emtihan.pdf.Messages;
import kz.emtihan.text.Language;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The protocol read back in each language says what interrupted the plan: the sitting's move (6.15.6), a removal for a
 * violation with who, when, why and the F of an unexcused absence (6.14), a student carried from an earlier sitting and
 * an I cleared by a later one (6.15.2-6.15.3); a thesis defence prints no ticket (6.15.1).
 */
public class ProtocolInterventionsTest {

    /** The longest word of the ticket column's heading (the heading wraps in its narrow column). */
    public static String ticketWord(Messages m) {
        String longest = "";
        for (String word : m.get("col.ticket").split(" ")) if (word.length() > longest.length()) longest = word;
        return longest;
    }

    static String oneLine(String text) {
        return text.replaceAll("\\s+", " ");
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void theProtocolSaysEachInterventionInItsLanguage(Language language) {
        Messages m = Messages.of(SittingDocuments.BUNDLE, language);
        String raw = Pdfs.text(SittingDocuments.protocol(Samples.interventions(language)));
        String text = oneLine(raw);
        List<String> expected = List.of(
                m.get("label.rescheduled"),
                m.format(
                        "protocol.rescheduled",
                        m.date(Samples.DAY.minusDays(2)),
                        m.date(Samples.DAY),
                        "Әкімші Әкімов",
                        "08:15", // on the sitting's day: hours and minutes
                        Samples.rescheduleReason(language)),
                m.get("state.removed"),
                m.format("protocol.removed", Samples.names(language).get(5), "10:12", Samples.removalReason(language)),
                m.format("protocol.carriedFrom", Samples.earlierTitle(language), m.date(Samples.DAY.minusDays(14))),
                m.format(
                        "protocol.clearedBy",
                        Samples.laterTitle(language),
                        m.date(Samples.DAY.plusDays(7)),
                        "B 80",
                        "17.06.2025 12:40"));
        for (String line : expected)
            assertTrue(text.contains(oneLine(line)), language + ": lacks \"" + line + "\" in\n" + raw);
        // 6.15.1: a defence draws no ticket: no column, no draw line, no "no ticket drawn"
        assertFalse(text.contains(ticketWord(m)), language + ": ticket column in a defence\n" + raw);
        assertFalse(text.contains(m.get("draw.label")), raw);
        CodeWords.assertNone(raw, language.name().toLowerCase(java.util.Locale.ROOT));
    }

    @ParameterizedTest
    @EnumSource(
            value = Language.class,
            names = {"KK", "RU"})
    void theRemovalAndTheCarryAreWordsOfTheLanguageNotEnglish(Language language) {
        Messages m = Messages.of(SittingDocuments.BUNDLE, language);
        for (String key : List.of(
                "state.removed",
                "label.rescheduled",
                "protocol.rescheduled",
                "protocol.removed",
                "protocol.carriedFrom",
                "protocol.clearedBy",
                "protocol.act.defence"))
            assertFalse(
                    m.get(key).replaceAll("\\{[0-9]+}", "").matches(".*\\p{IsLatin}{3,}.*"),
                    language + " " + key + " is not translated: " + m.get(key));
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void anExamProtocolKeepsItsTicketColumn(Language language) { // the defence's rule does not leak into an exam
        Messages m = Messages.of(SittingDocuments.BUNDLE, language);
        String text = oneLine(Pdfs.text(SittingDocuments.protocol(Samples.protocol(language))));
        assertTrue(text.contains(ticketWord(m)), language + ": " + text);
        assertTrue(text.contains(Samples.students(language).get(0) + " 12 85"), "the ticket in its column: " + text);
        assertFalse(text.contains(m.get("label.rescheduled")), "never moved: " + text);
    }
}
