package kz.emtihan.registry;

import java.util.function.UnaryOperator;
import kz.emtihan.pdf.Messages;
import kz.emtihan.text.Language;
import kz.emtihan.text.Text;

/** The registry's words (kz/emtihan/registry/words_*.properties): column headers, statuses, grades, names of things. */
final class RegistryWords {
    static final String BUNDLE = "kz.emtihan.registry.words";

    private RegistryWords() {}

    static Text sitting() {
        return Text.of(BUNDLE, "thing.sitting");
    }

    static Text group() {
        return Text.of(BUNDLE, "thing.group");
    }

    /** A label by key in {@code language}; a key with no label (a status the bundle does not know) is shown as is. */
    static UnaryOperator<String> in(Language language) {
        Messages m = Messages.of(BUNDLE, language);
        return key -> m.has(key) ? m.get(key) : key.substring(key.indexOf('.') + 1);
    }
}
