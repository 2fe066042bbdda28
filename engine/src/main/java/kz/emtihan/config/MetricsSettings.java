package kz.emtihan.config;

import java.util.Optional;

/**
 * issue 14 (5): the {@code metrics} section of {@code emtihan.yaml}. Prometheus text at {@code path}; on the API's own
 * port when {@code port} is 0, else on a port of its own (bound to {@code http.host}) that the load balancer need not
 * publish; a non-empty {@code token} asks every scrape for {@code Authorization: Bearer <token>}. The whole section
 * may be left out: metrics on, {@code /metrics}, the API port, no token.
 */
public record MetricsSettings(boolean enabled, String path, int port, Optional<String> token) {
    public static final MetricsSettings DEFAULT = new MetricsSettings(true, "/metrics", 0, Optional.empty());

    static MetricsSettings read(ConfigTree t) {
        if (!t.has("metrics")) return DEFAULT;
        boolean enabled = t.has("metrics.enabled") ? t.bool("metrics.enabled") : DEFAULT.enabled();
        String path = t.has("metrics.path") ? t.string("metrics.path").trim() : DEFAULT.path();
        if (!path.matches("/[A-Za-z0-9._~/-]*") || path.startsWith("/api/"))
            throw new ConfigException(
                    "metrics.path", "must be a plain path starting with / and outside /api/, was '" + path + "'");
        int port = t.has("metrics.port") ? t.integer("metrics.port", 0, 65535) : 0;
        String token = t.has("metrics.token") ? t.string("metrics.token") : "";
        if (!token.isEmpty() && token.length() < 16)
            throw new ConfigException("metrics.token", "must be empty or at least 16 characters");
        return new MetricsSettings(enabled, path, port, token.isEmpty() ? Optional.empty() : Optional.of(token));
    }
}
