package kz.emtihan.lti.model;

import java.security.PrivateKey;

/** The tool's current RS256 signing key (issue 16, 1): its {@code kid} as published in the tool's JWKS. */
public record ToolKey(String kid, PrivateKey key) {}
