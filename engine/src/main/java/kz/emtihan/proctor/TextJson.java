package kz.emtihan.proctor;

import io.vertx.core.json.JsonObject;
import java.util.Map;
import kz.emtihan.text.Catalogue;
import kz.emtihan.text.Language;
import kz.emtihan.text.Text;

/**
 * A {@link Text} in a JSON answer: the sentence rendered in the reader's language under its field, and beside it
 * {@code <field>Key} and {@code <field>Args} (arguments that are Texts rendered too), so a page can also say it in
 * its own words.
 */
final class TextJson {
    private TextJson() {}

    static JsonObject put(JsonObject o, String field, Text text, Language language) {
        return o.put(field, Catalogue.render(text, language))
                .put(field + "Key", text.key())
                .put(field + "Args", args(text.args(), language));
    }

    static JsonObject args(Map<String, Object> args, Language language) {
        JsonObject out = new JsonObject();
        args.forEach((name, value) -> out.put(name, value instanceof Text t ? Catalogue.render(t, language) : value));
        return out;
    }
}
