package kz.emtihan.proctor.model;

import java.time.Instant;
import kz.emtihan.text.Text;

/**
 * The sentences proctoring says to people besides its refusals: flag details, the credibility score's reasons and
 * formula, the identity photos' problems, and the names of things a refusal mentions. Each is a {@link Text} in
 * {@code kz/emtihan/proctor/texts_<lang>.properties}; it is rendered in the reader's language at the edge.
 */
public final class ProctorTexts {
    public static final String BUNDLE = "kz.emtihan.proctor.texts";

    private ProctorTexts() {}

    // flag details (their arguments are plain values so that a stored flag keeps them as they are)

    public static Text noFaceRun() {
        return Text.of(BUNDLE, "flag.no-face-run");
    }

    public static Text facesRun(int faces) {
        return Text.of(BUNDLE, "flag.faces-run", "faces", faces);
    }

    public static Text cannotJudge(long brightness, long sharpness) {
        return Text.of(BUNDLE, "flag.cannot-judge", "brightness", brightness, "sharpness", sharpness);
    }

    public static Text pageReported() {
        return Text.of(BUNDLE, "flag.page-reported");
    }

    public static Text connectionLost() {
        return Text.of(BUNDLE, "flag.connection-lost");
    }

    public static Text diskFull() {
        return Text.of(BUNDLE, "flag.disk-full");
    }

    /** No {@code kind} arrived since {@code since}; allowed: {@code times} missed periods of {@code periodMs}. */
    public static Text evidenceMissing(EvidenceKind kind, Instant since, long times, long periodMs) {
        return Text.of(
                BUNDLE,
                "flag.evidence-missing." + kind.code(),
                "since",
                since.toString(),
                "times",
                times,
                "periodMs",
                periodMs);
    }

    /** A flag stored before flag details were Texts: its English sentence as it was. */
    public static Text asRecorded(String sentence) {
        return Text.of(BUNDLE, "flag.as-recorded", "text", sentence);
    }

    // credibility

    public static Text flagKind(FlagKind kind) {
        return Text.of(BUNDLE, "flag-kind." + kind.code());
    }

    // identity photos

    public static Text noFaceOnPhoto() {
        return Text.of(BUNDLE, "identity.no-face");
    }

    public static Text photoTooDark() {
        return Text.of(BUNDLE, "identity.too-dark");
    }

    public static Text manyFacesOnPhoto(int faces) {
        return Text.of(BUNDLE, "identity.many-faces", "faces", faces);
    }

    public static Text noFaceOnCard() {
        return Text.of(BUNDLE, "identity.no-face-on-card");
    }

    // what a refusal names

    /** "snapshot", "stream", "segment", "identity photo", "the camera frame" ... : {@code thing.<name>}. */
    public static Text thing(String name) {
        return Text.of(BUNDLE, "thing." + name);
    }

    /** A field's value is not a date and time. */
    public static Text notAnInstant() {
        return Text.of(BUNDLE, "field.instant");
    }

    public static Text verdict(Verdict verdict) {
        return Text.of(BUNDLE, "verdict." + verdict.code());
    }
}
