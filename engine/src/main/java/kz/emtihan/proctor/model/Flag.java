package kz.emtihan.proctor.model;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.Optional;

/**
 * One thing a proctor should look at: when, what, how grave, and the snapshot that shows it. A flag raised
 * on a frame the camera could not judge (dark, blurred, covered) is {@code insufficientEvidence}: it says the
 * student could not be seen, never that they did something (issue 4, 3). An {@code evidence-missing} flag says
 * which evidence stopped in {@code missing}.
 */
public record Flag(
        String id,
        FlagKind kind,
        Severity severity,
        Instant at,
        Optional<String> evidence,
        boolean insufficientEvidence,
        String detail,
        Optional<EvidenceKind> missing) {

    /** A flag of {@code kind} at its usual severity, not yet numbered. */
    public static Flag of(FlagKind kind, Instant at, Optional<String> evidence, String detail) {
        return new Flag("", kind, kind.severity(), at, evidence, false, detail, Optional.empty());
    }

    /** The camera could not see well enough to tell whether anyone is there. */
    public static Flag unclear(Instant at, Optional<String> evidence, String detail) {
        return new Flag("", FlagKind.NO_FACE, Severity.LOW, at, evidence, true, detail, Optional.empty());
    }

    /** The server has not received this evidence for longer than allowed. */
    public static Flag missing(EvidenceKind what, Instant at, String detail) {
        return new Flag(
                "",
                FlagKind.EVIDENCE_MISSING,
                FlagKind.EVIDENCE_MISSING.severity(),
                at,
                Optional.empty(),
                false,
                detail,
                Optional.of(what));
    }

    public Flag numbered(String newId) {
        return new Flag(newId, kind, severity, at, evidence, insufficientEvidence, detail, missing);
    }

    /** Stored form; evidence is the snapshot id. */
    public JsonObject toStored() {
        return new JsonObject()
                .put("id", id)
                .put("kind", kind.code())
                .put("severity", severity.code())
                .put("at", at.toString())
                .put("evidence", evidence.orElse(null))
                .put("insufficientEvidence", insufficientEvidence)
                .put("detail", detail)
                .put("missing", missing.map(EvidenceKind::code).orElse(null));
    }

    public static Flag fromStored(JsonObject o) {
        return new Flag(
                o.getString("id"),
                FlagKind.fromCode(o.getString("kind")).orElseThrow(),
                Severity.fromCode(o.getString("severity")),
                Instant.parse(o.getString("at")),
                Optional.ofNullable(o.getString("evidence")),
                o.getBoolean("insufficientEvidence", false),
                o.getString("detail", ""),
                Optional.ofNullable(o.getString("missing")).flatMap(EvidenceKind::fromCode));
    }

    /** API form (API.md): evidence is the URL of the snapshot for this attempt. */
    public JsonObject toJson(String attemptId) {
        return toStored()
                .put(
                        "evidence",
                        evidence.map(s -> "/api/v1/attempts/" + attemptId + "/snapshots/" + s)
                                .orElse(null));
    }
}
