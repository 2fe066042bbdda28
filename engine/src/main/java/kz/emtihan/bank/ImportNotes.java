package kz.emtihan.bank;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kz.emtihan.bank.imports.ImportSkip;

/**
 * The import report's list: each entry with its human position, the question number and line as numbers,
 * and {@code kept} — true for a note about a question that was imported with a change, false for a
 * question that was not imported. A "kept" note on a question the bank then refused is left out, so a
 * question is never reported as both kept and skipped.
 */
final class ImportNotes {
    private static final Pattern WHERE = Pattern.compile("question (\\d+)(?: \\(line (\\d+)\\))?");
    private static final String KEPT = "(question kept)";

    private ImportNotes() {}

    static JsonArray toJson(List<ImportSkip> notes, Set<Integer> refused) {
        JsonArray out = new JsonArray();
        for (ImportSkip n : notes) {
            Matcher m = WHERE.matcher(n.position());
            Integer question = m.lookingAt() ? Integer.valueOf(m.group(1)) : null;
            Integer line = question != null && m.group(2) != null ? Integer.valueOf(m.group(2)) : null;
            boolean kept = n.reason().endsWith(KEPT);
            if (kept && question != null && refused.contains(question)) continue;
            out.add(new JsonObject()
                    .put("position", n.position())
                    .put("question", question)
                    .put("line", line)
                    .put("reason", n.reason())
                    .put("kept", kept));
        }
        return out;
    }
}
