package kz.emtihan.lti.model;

import kz.emtihan.refusal.Kind;
import kz.emtihan.refusal.RefusalCode;

/**
 * Refusals of LTI 1.3 registrations and launches (issue 16, 1-2): each says why a launch is not let in, in the words
 * of the LTI 1.3 Core specification (section 5.1.3, "Authentication response validation"). Sentences: {@code
 * refusals_<lang>.properties} in this package.
 */
public enum LtiRefusal implements RefusalCode {
    /** No platform is registered with this issuer (and client id). */
    UNKNOWN_PLATFORM("lti-unknown-platform", Kind.UNAUTHENTICATED, "issuer"),
    /** The id_token is not a JWS the tool can read. */
    MALFORMED_TOKEN("lti-malformed-token", Kind.UNAUTHENTICATED),
    /** The signature does not verify with the platform's key named by kid. */
    BAD_SIGNATURE("lti-bad-signature", Kind.UNAUTHENTICATED),
    /** The platform's JWKS has no key with this kid, even fetched afresh. */
    UNKNOWN_KEY("lti-unknown-key", Kind.UNAUTHENTICATED, "kid"),
    /** The platform's JWKS could not be fetched or read. */
    PLATFORM_KEYS_UNAVAILABLE("lti-platform-keys-unavailable", Kind.UNAVAILABLE, "url"),
    /** iss is not the platform's issuer. */
    WRONG_ISSUER("lti-wrong-issuer", Kind.UNAUTHENTICATED, "issuer"),
    /** aud does not name this tool's client id (or azp does not, when aud names several). */
    WRONG_AUDIENCE("lti-wrong-audience", Kind.UNAUTHENTICATED, "clientId"),
    /** exp has passed (beyond the allowed clock skew). */
    EXPIRED("lti-expired", Kind.UNAUTHENTICATED),
    /** iat lies in the future (beyond the allowed clock skew), or is missing. */
    ISSUED_IN_FUTURE("lti-issued-in-future", Kind.UNAUTHENTICATED),
    /** The nonce has been used by an earlier launch. */
    REPLAYED_NONCE("lti-replayed-nonce", Kind.UNAUTHENTICATED),
    /** The nonce is not the one the login initiation asked for. */
    NONCE_MISMATCH("lti-nonce-mismatch", Kind.UNAUTHENTICATED),
    /** The state is unknown, used already, expired, or not the one this browser started. */
    STATE_MISMATCH("lti-state-mismatch", Kind.UNAUTHENTICATED),
    /** The deployment id is not registered for the platform. */
    UNKNOWN_DEPLOYMENT("lti-unknown-deployment", Kind.UNAUTHENTICATED, "deploymentId"),
    /** The message type is none the tool takes. */
    WRONG_MESSAGE_TYPE("lti-wrong-message-type", Kind.UNAUTHENTICATED, "type"),
    /** The LTI version is not 1.3.0. */
    WRONG_VERSION("lti-wrong-version", Kind.UNAUTHENTICATED, "version"),
    /** A claim the specification requires is missing or of the wrong form. */
    MISSING_CLAIM("lti-missing-claim", Kind.UNAUTHENTICATED, "claim"),
    /** target_link_uri is not this tool's, or not the one the login initiation named. */
    WRONG_TARGET("lti-wrong-target", Kind.UNAUTHENTICATED, "target"),
    /** The roles claim carries no role Emtihan maps (Learner, Instructor, Administrator). */
    NO_ROLE("lti-no-role", Kind.FORBIDDEN),
    /** Another platform is registered with the same issuer and client id. */
    PLATFORM_EXISTS("lti-platform-exists", Kind.CONFLICT, "issuer", "clientId"),
    /** Dynamic registration failed: the platform's configuration or answer, as it said it. */
    REGISTRATION_FAILED("lti-registration-failed", Kind.INVALID, "reason"),
    /** The launch is not a deep-linking request, or its return URL is missing. */
    NOT_DEEP_LINKING("lti-not-deep-linking", Kind.CONFLICT),
    /** The launch came from no resource link (a deep-linking request): there is no link to bind to an exam. */
    NO_RESOURCE_LINK("lti-no-resource-link", Kind.CONFLICT),
    /** The dynamic-registration code is unknown, used already or expired. */
    BAD_REGISTRATION_CODE("lti-bad-registration-code", Kind.FORBIDDEN);

    private final Declared declared;

    LtiRefusal(String code, Kind kind, String... args) {
        this.declared = new Declared(code, kind, args);
    }

    @Override
    public Declared declared() {
        return declared;
    }
}
