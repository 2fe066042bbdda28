package kz.emtihan.proctor.model;

import java.time.Instant;
import java.util.Optional;
import kz.emtihan.text.Text;

/**
 * One thing a proctor should look at: when, what, how grave, and the snapshot that shows it. A flag raised
 * on a frame the camera could not judge (dark, blurred, covered) is {@code insufficientEvidence}: it says the
 * student could not be seen, never that they did something (issue 4, 3). An {@code evidence-missing} flag says
 * which evidence stopped in {@code missing}. Its {@code detail} is a sentence from {@link ProctorTexts}, said in the
 * reader's language; its JSON forms are {@code proctor.FlagJson}.
 */
public record Flag(
        String id,
        FlagKind kind,
        Severity severity,
        Instant at,
        Optional<String> evidence,
        boolean insufficientEvidence,
        Text detail,
        Optional<EvidenceKind> missing) {

    /** A flag of {@code kind} at its usual severity, not yet numbered. */
    public static Flag of(FlagKind kind, Instant at, Optional<String> evidence, Text detail) {
        return new Flag("", kind, kind.severity(), at, evidence, false, detail, Optional.empty());
    }

    /** The camera could not see well enough to tell whether anyone is there. */
    public static Flag unclear(Instant at, Optional<String> evidence, Text detail) {
        return new Flag("", FlagKind.NO_FACE, Severity.LOW, at, evidence, true, detail, Optional.empty());
    }

    /** The server has not received this evidence for longer than allowed. */
    public static Flag missing(EvidenceKind what, Instant at, Text detail) {
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
}
