package kz.emtihan.bank;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Set;
import kz.emtihan.bank.imports.ImportSkip;
import kz.emtihan.text.Catalogue;
import kz.emtihan.text.Language;

/**
 * The import report's list, in the caller's language: each entry with its position in words, the question number and
 * line as numbers, the reason, and {@code kept} — true for a note about a question that was imported with a change,
 * false for a question that was not imported. A "kept" note on a question the bank then refused is left out, so a
 * question is never reported as both kept and skipped.
 */
final class ImportNotes {
    private ImportNotes() {}

    static JsonArray toJson(List<ImportSkip> notes, Set<Integer> refused, Language language) {
        JsonArray out = new JsonArray();
        for (ImportSkip n : notes) {
            if (n.kept() && refused.contains(n.question())) continue;
            out.add(new JsonObject()
                    .put("position", Catalogue.render(n.position(), language))
                    .put("question", n.question())
                    .put("line", n.line() > 0 ? n.line() : null)
                    .put("reason", Catalogue.render(n.reason(), language))
                    .put("note", n.reason().key())
                    .put("kept", n.kept()));
        }
        return out;
    }
}
