package kz.emtihan.proctor;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import kz.emtihan.proctor.model.Credibility;
import kz.emtihan.text.Language;

/**
 * A credibility score for the review (API.md): {@code score}, {@code penalties} [{reason, points}] and the
 * {@code formula}, the sentences in the reader's language with their keys and arguments beside them.
 */
final class CredibilityJson {
    private CredibilityJson() {}

    static JsonObject toJson(Credibility.Score s, Language language) {
        JsonArray penalties = new JsonArray();
        for (Credibility.Penalty p : s.penalties())
            penalties.add(TextJson.put(new JsonObject(), "reason", p.reason(), language)
                    .put("points", p.points()));
        return TextJson.put(
                new JsonObject().put("score", s.score()).put("penalties", penalties),
                "formula",
                Credibility.formula(),
                language);
    }
}
