package kz.emtihan.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kz.emtihan.text.Catalogue;
import kz.emtihan.text.Language;
import org.junit.jupiter.api.Test;

/** Every live refusal and reason is said in kk, ru and en, with the arguments its code declares. */
class LiveCatalogueTest {
    private static final Pattern ARG = Pattern.compile("\\{([a-zA-Z][a-zA-Z0-9]*)}");

    private static Set<String> args(String sentence) {
        Set<String> names = new TreeSet<>();
        Matcher m = ARG.matcher(sentence);
        while (m.find()) names.add(m.group(1));
        return names;
    }

    @Test
    void everyCodeInEveryLanguageWithItsArguments() {
        for (LiveRefusal code : LiveRefusal.values()) {
            for (Language language : Language.values()) {
                ResourceBundle bundle = Catalogue.bundle(code.bundle(), language);
                assertTrue(bundle.containsKey(code.code()), code.code() + " in " + language);
                assertEquals(
                        new TreeSet<>(code.args()),
                        args(bundle.getString(code.code())),
                        code.code() + " in " + language);
            }
        }
        for (Language language : Language.values()) {
            assertEquals(
                    LiveRefusal.values().length,
                    Catalogue.bundle(LiveRefusal.UNKNOWN_TYPE.bundle(), language)
                            .keySet()
                            .size(),
                    "no sentence without a code in " + language);
        }
    }

    @Test
    void everyReasonInEveryLanguageWithTheSameArguments() {
        ResourceBundle en = Catalogue.bundle(LiveReasons.BUNDLE, Language.EN);
        for (Language language : List.of(Language.KK, Language.RU)) {
            ResourceBundle other = Catalogue.bundle(LiveReasons.BUNDLE, language);
            assertEquals(en.keySet(), other.keySet(), language.code());
            for (String key : en.keySet())
                assertEquals(args(en.getString(key)), args(other.getString(key)), key + " in " + language);
        }
    }
}
