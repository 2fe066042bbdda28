package kz.emtihan.refusal;

/**
 * Refusals every context may give. Sentences: {@code refusals_<lang>.properties} in this package. A context's own
 * refusals are declared in an enum of its own package ({@code sitting.SittingRefusal} ...), never here.
 */
public enum CommonRefusal implements RefusalCode {
    /** One field of the request is wrong; {@code problem} is a {@code Text} from {@link Problems}. */
    BAD_FIELD("bad-field", Kind.INVALID, "field", "problem"),
    BAD_JSON("bad-json", Kind.INVALID),
    BAD_REQUEST("bad-request", Kind.INVALID),
    UNAUTHORIZED("unauthorized", Kind.UNAUTHENTICATED),
    /** Not the caller's to do or see; {@code what} says what was refused, as a {@code Text}. */
    FORBIDDEN("forbidden", Kind.FORBIDDEN),
    /** {@code what}: a {@code Text} naming the kind of thing (an exam, a sitting ...); {@code id} its id. */
    NOT_FOUND("not-found", Kind.NOT_FOUND, "what", "id"),
    BODY_TOO_LARGE("body-too-large", Kind.TOO_LARGE),
    UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", Kind.UNSUPPORTED_TYPE),
    /** A decision against someone is explained to them: the reason is required. */
    REASON_REQUIRED("reason-required", Kind.INVALID),
    STORE_UNAVAILABLE("store-unavailable", Kind.UNAVAILABLE);

    private final Declared declared;

    CommonRefusal(String code, Kind kind, String... args) {
        this.declared = new Declared(code, kind, args);
    }

    @Override
    public Declared declared() {
        return declared;
    }
}
