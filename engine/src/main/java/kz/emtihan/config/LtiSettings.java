package kz.emtihan.config;

import java.time.Duration;
import java.util.Optional;

/**
 * Issue 16: the {@code lti} section of {@code emtihan.yaml} (docs/lti.md). The whole section may be left out.
 *
 * @param toolUrl the address platforms and browsers reach Emtihan at ({@code https://emtihan.university.kz}); empty:
 *     taken from each request (its scheme and Host), right when nothing rewrites them on the way
 * @param administratorRole what a platform's administrator becomes: {@code teacher} (the default: nothing more) or
 *     {@code admin}
 * @param clockSkew how far exp and iat of a platform's id_token may be off (LTI 1.3 Core 5.1.3: "small leeway")
 * @param stateLifetime how long a login initiation's state waits for its launch
 * @param keyLead how long a rotated-in tool key is published before it signs
 * @param keepOldKey how long a rotated-out tool key stays published after the new one signs
 * @param jwksCache how long a platform's JWKS is kept before it is fetched again (an unknown kid fetches at once)
 */
public record LtiSettings(
        Optional<String> toolUrl,
        String administratorRole,
        Duration clockSkew,
        Duration stateLifetime,
        Duration keyLead,
        Duration keepOldKey,
        Duration jwksCache) {
    public static final LtiSettings DEFAULT = new LtiSettings(
            Optional.empty(),
            "teacher",
            Duration.ofSeconds(60),
            Duration.ofMinutes(10),
            Duration.ofMinutes(10),
            Duration.ofHours(24),
            Duration.ofMinutes(10));

    static LtiSettings read(ConfigTree t) {
        if (!t.has("lti")) return DEFAULT;
        String url = t.has("lti.toolUrl") ? t.string("lti.toolUrl").trim() : "";
        if (!url.isEmpty() && !url.matches("https?://[^/\\s]+(/[^\\s]*)?"))
            throw new ConfigException("lti.toolUrl", "must be empty or an http(s) address, was '" + url + "'");
        while (url.endsWith("/")) url = url.substring(0, url.length() - 1);
        return new LtiSettings(
                url.isEmpty() ? Optional.empty() : Optional.of(url),
                t.has("lti.administratorRole")
                        ? t.oneOf("lti.administratorRole", java.util.List.of("teacher", "admin"))
                        : DEFAULT.administratorRole(),
                t.has("lti.clockSkewSeconds")
                        ? Duration.ofSeconds(t.integer("lti.clockSkewSeconds", 0, 600))
                        : DEFAULT.clockSkew(),
                t.has("lti.stateMinutes")
                        ? Duration.ofMinutes(t.integer("lti.stateMinutes", 1, 60))
                        : DEFAULT.stateLifetime(),
                t.has("lti.keys.leadMinutes")
                        ? Duration.ofMinutes(t.integer("lti.keys.leadMinutes", 0, 7 * 24 * 60))
                        : DEFAULT.keyLead(),
                t.has("lti.keys.keepOldHours")
                        ? Duration.ofHours(t.integer("lti.keys.keepOldHours", 0, 90 * 24))
                        : DEFAULT.keepOldKey(),
                t.has("lti.jwksCacheMinutes")
                        ? Duration.ofMinutes(t.integer("lti.jwksCacheMinutes", 0, 24 * 60))
                        : DEFAULT.jwksCache());
    }
}
