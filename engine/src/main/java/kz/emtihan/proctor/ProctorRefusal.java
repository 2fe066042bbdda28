package kz.emtihan.proctor;

import kz.emtihan.refusal.Kind;
import kz.emtihan.refusal.RefusalCode;

/**
 * The refusals of proctoring (API.md "Proctoring"), declared once. Sentences in kk, ru and en:
 * {@code kz/emtihan/proctor/refusals_<lang>.properties}. Field problems use {@code CommonRefusal.BAD_FIELD}, unknown
 * things {@code CommonRefusal.NOT_FOUND} with a name from {@code ProctorTexts.thing}.
 */
public enum ProctorRefusal implements RefusalCode {

    /** A student sees the flags of their attempt once it is reviewed. */
    NOT_REVIEWED("not-reviewed", Kind.FORBIDDEN),
    TOO_MANY_PRECHECKS("too-many-prechecks", Kind.TOO_MANY, "perMinute"),
    TOO_MANY_UPLOADS("too-many-uploads", Kind.TOO_MANY, "perMinute"),
    /** {@code what}: a {@code ProctorTexts.thing}; {@code formats}: the image formats taken ("JPEG", "JPEG, PNG"). */
    BAD_IMAGE("bad-image", Kind.INVALID, "what", "formats"),
    EMPTY_IMAGE("empty-image", Kind.INVALID, "what"),
    MISSING_FACE("missing-face", Kind.INVALID),
    MISSING_DOCUMENT("missing-document", Kind.INVALID),

    NO_IDENTITY("no-identity", Kind.CONFLICT),
    /** {@code verdict}: a {@code ProctorTexts.verdict}. */
    COMMENT_REQUIRED("comment-required", Kind.INVALID, "verdict"),
    NO_SNAPSHOT("no-snapshot", Kind.NOT_FOUND, "attemptId"),
    EMPTY_CHUNK("empty-chunk", Kind.INVALID),
    CHUNK_CONFLICT("chunk-conflict", Kind.CONFLICT),
    BAD_CHUNK("bad-chunk", Kind.INVALID, "max"),
    BAD_SEGMENT("bad-segment", Kind.INVALID, "max"),
    BAD_HEADER("bad-header", Kind.INVALID, "header"),
    /** The recordings' disk is below its floor: the recording pauses, the exam goes on. */
    STORAGE_FULL("storage-full", Kind.NO_STORAGE);

    private final Declared declared;

    ProctorRefusal(String code, Kind kind, String... args) {
        this.declared = new Declared(code, kind, args);
    }

    @Override
    public Declared declared() {
        return declared;
    }
}
