package kz.emtihan.text;

import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Renders {@link Text}s in a language from {@code <bundle>_<lang>.properties} (UTF-8). There is no fallback bundle:
 * a key missing in one language fails loudly instead of printing another language ({@code RefusalCatalogueTest}
 * checks every key is in all three).
 */
public final class Catalogue {
    private static final Pattern ARG = Pattern.compile("\\{([a-zA-Z][a-zA-Z0-9]*)}");
    private static final Map<String, ResourceBundle> BUNDLES = new ConcurrentHashMap<>();

    private Catalogue() {}

    public static String render(Text text, Language language) {
        String pattern = bundle(text.bundle(), language).getString(text.key());
        Matcher m = ARG.matcher(pattern);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            Object value = text.args().get(m.group(1));
            String rendered =
                    value == null ? m.group() : value instanceof Text t ? render(t, language) : value.toString();
            m.appendReplacement(out, Matcher.quoteReplacement(rendered));
        }
        return m.appendTail(out).toString();
    }

    /** True when the bundle has the key in that language. */
    public static boolean has(String bundle, String key, Language language) {
        try {
            return bundle(bundle, language).containsKey(key);
        } catch (MissingResourceException e) {
            return false;
        }
    }

    public static ResourceBundle bundle(String name, Language language) {
        return BUNDLES.computeIfAbsent(
                name + "_" + language.code(),
                k -> ResourceBundle.getBundle(
                        name,
                        Locale.forLanguageTag(language.code()),
                        ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES)));
    }
}
