package kz.emtihan.lti.model;

import java.util.List;

/**
 * An LMS registered with Emtihan as an LTI 1.3 platform (issue 16, 1): who it is ({@code issuer}, the {@code
 * clientId} it gave this tool, its deployments) and where it signs people in, hands out service tokens and publishes
 * its keys.
 */
public record Platform(
        String id,
        String name,
        String issuer,
        String clientId,
        List<String> deploymentIds,
        String authUrl,
        String tokenUrl,
        String jwksUrl) {
    public Platform {
        deploymentIds = List.copyOf(deploymentIds);
    }
}
