package kz.emtihan.lti.model;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A platform's launch, verified (issue 16, 2): who ({@code sub}, name, e-mail, LTI roles), from where (platform,
 * deployment, course context, resource link) and what it offers (the grade line item, the course's membership, a
 * deep-linking return).
 */
public record Launch(
        String platformId,
        String messageType,
        String deploymentId,
        String sub,
        String name,
        String email,
        List<String> roles,
        String nonce,
        String targetLinkUri,
        Optional<String> resourceLinkId,
        String resourceLinkTitle,
        Optional<String> contextId,
        String contextTitle,
        Map<String, String> custom,
        Optional<Ags> ags,
        Optional<String> membershipsUrl,
        Optional<DeepLinking> deepLinking,
        Instant expiresAt) {
    public static final String RESOURCE_LINK = "LtiResourceLinkRequest";
    public static final String DEEP_LINKING = "LtiDeepLinkingRequest";

    /** The Assignment and Grade Services claim: the line item of this link, the context's line items, the scopes. */
    public record Ags(String lineItem, String lineItems, List<String> scopes) {}

    /** The deep-linking settings: where the answer goes, the platform's opaque data, what it accepts. */
    public record DeepLinking(String returnUrl, String data, List<String> acceptTypes) {}

    public boolean deepLinkingRequest() {
        return DEEP_LINKING.equals(messageType);
    }
}
