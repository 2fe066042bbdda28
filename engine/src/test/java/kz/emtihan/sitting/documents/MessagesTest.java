package kz.emtihan.sitting.documents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeSet;
import kz.emtihan.pdf.Messages;
import kz.emtihan.text.Language;
import org.junit.jupiter.api.Test;

/** The three message tables stay in step, so no document prints a missing or foreign label. */
class MessagesTest {

    @Test
    void everyLanguageHasEveryLabel() {
        Set<String> english = keys(Language.EN);
        for (Language language : EnumSet.of(Language.KK, Language.RU))
            assertEquals(english, keys(language), language.name());
        for (Language language : Language.values()) {
            ResourceBundle bundle = bundle(language);
            for (String key : english) assertFalse(bundle.getString(key).isBlank(), language + " " + key);
        }
    }

    @Test
    void rolesVotesAndKindsHaveLabels() {
        Set<String> keys = keys(Language.KK);
        for (Person.Role role : Person.Role.values()) assertTrue(keys.contains("role." + role), role.name());
        for (var choice : kz.emtihan.sitting.model.FailureDecision.Choice.values())
            assertTrue(keys.contains("vote." + choice), choice.name());
        assertTrue(keys.contains("kind." + ProtocolDocument.THESIS_DEFENCE));
        assertTrue(keys.contains("appeal." + AppealDecisionDocument.KEPT));
    }

    @Test
    void pageNumbersAndDatesFollowTheLanguage() {
        assertEquals(
                "Бет 2 / 3", Messages.of(SittingDocuments.BUNDLE, Language.KK).format("page", 2, 3));
        assertEquals(
                "Страница 2 из 3",
                Messages.of(SittingDocuments.BUNDLE, Language.RU).format("page", 2, 3));
        assertEquals(
                "Page 2 of 3", Messages.of(SittingDocuments.BUNDLE, Language.EN).format("page", 2, 3));
        assertEquals(
                "2025\u202Fж. 10 маусым",
                Messages.of(SittingDocuments.BUNDLE, Language.KK).date(Samples.DAY));
        assertEquals(
                "10 июня 2025\u202Fг.",
                Messages.of(SittingDocuments.BUNDLE, Language.RU).date(Samples.DAY));
        assertEquals(
                "10 June 2025",
                Messages.of(SittingDocuments.BUNDLE, Language.EN).date(Samples.DAY));
    }

    private static ResourceBundle bundle(Language language) {
        return ResourceBundle.getBundle(
                "kz.emtihan.sitting.documents.messages",
                language.locale(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    private static Set<String> keys(Language language) {
        return new TreeSet<>(bundle(language).keySet());
    }
}
