package kz.emtihan.proctor;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.Optional;
import kz.emtihan.proctor.model.EvidenceKind;
import kz.emtihan.proctor.model.Flag;
import kz.emtihan.proctor.model.FlagKind;
import kz.emtihan.proctor.model.ProctorTexts;
import kz.emtihan.proctor.model.Severity;
import kz.emtihan.text.Language;
import kz.emtihan.text.Text;

/**
 * A {@link Flag}'s JSON forms. Stored (and pushed live by {@code raise-flag.lua}): its detail's key and arguments
 * ({@code detailKey}, {@code detailArgs}: plain values) with the English sentence in {@code detail}. API (API.md):
 * the same with {@code detail} in the reader's language and {@code evidence} the URL of the snapshot.
 */
final class FlagJson {
    private FlagJson() {}

    static JsonObject toStored(Flag f) {
        return TextJson.put(
                        new JsonObject()
                                .put("id", f.id())
                                .put("kind", f.kind().code())
                                .put("severity", f.severity().code())
                                .put("at", f.at().toString())
                                .put("evidence", f.evidence().orElse(null))
                                .put("insufficientEvidence", f.insufficientEvidence()),
                        "detail",
                        f.detail(),
                        Language.EN)
                .put("missing", f.missing().map(EvidenceKind::code).orElse(null));
    }

    static Flag fromStored(JsonObject o) {
        String key = o.getString("detailKey");
        Text detail = key == null
                ? ProctorTexts.asRecorded(o.getString("detail", "")) // stored before details were Texts
                : new Text(
                        ProctorTexts.BUNDLE,
                        key,
                        o.getJsonObject("detailArgs", new JsonObject()).getMap());
        return new Flag(
                o.getString("id"),
                FlagKind.fromCode(o.getString("kind")).orElseThrow(),
                Severity.fromCode(o.getString("severity")),
                Instant.parse(o.getString("at")),
                Optional.ofNullable(o.getString("evidence")),
                o.getBoolean("insufficientEvidence", false),
                detail,
                Optional.ofNullable(o.getString("missing")).flatMap(EvidenceKind::fromCode));
    }

    /** API form (API.md): the detail in {@code language}; evidence is the URL of the snapshot for this attempt. */
    static JsonObject toJson(Flag f, String attemptId, Language language) {
        return TextJson.put(toStored(f), "detail", f.detail(), language)
                .put(
                        "evidence",
                        f.evidence()
                                .map(s -> "/api/v1/attempts/" + attemptId + "/snapshots/" + s)
                                .orElse(null));
    }
}
