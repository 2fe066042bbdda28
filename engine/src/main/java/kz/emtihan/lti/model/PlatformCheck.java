package kz.emtihan.lti.model;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * Issue 16 (1): what a registration must be. Issuer and endpoints absolute http(s) URLs (LTI 1.3 Core 5.1.2 wants
 * HTTPS; plain HTTP is let through for a platform on the same machine, as a test Moodle on 127.0.0.1), client id and
 * each deployment id 1-255 characters, a name 1-200.
 */
public final class PlatformCheck {
    /** One field's problem: {@code key} names its sentence in the lti texts ({@code field.<key>}). */
    public record Problem(String field, String key) {}

    private PlatformCheck() {}

    public static List<Problem> problems(Platform p) {
        List<Problem> out = new ArrayList<>();
        if (p.name().isBlank() || p.name().length() > 200) out.add(new Problem("name", "name"));
        if (!url(p.issuer())) out.add(new Problem("issuer", "url"));
        if (p.clientId().isBlank() || p.clientId().length() > 255) out.add(new Problem("clientId", "text"));
        for (int i = 0; i < p.deploymentIds().size(); i++) {
            String d = p.deploymentIds().get(i);
            if (d.isBlank() || d.length() > 255) out.add(new Problem("deploymentIds." + i, "text"));
        }
        if (p.deploymentIds().stream().distinct().count() != p.deploymentIds().size())
            out.add(new Problem("deploymentIds", "repeated"));
        if (!url(p.authUrl())) out.add(new Problem("authUrl", "url"));
        if (!url(p.tokenUrl())) out.add(new Problem("tokenUrl", "url"));
        if (!url(p.jwksUrl())) out.add(new Problem("jwksUrl", "url"));
        return out;
    }

    /** An absolute http or https URL with a host, no fragment, at most 2,000 characters. */
    public static boolean url(String s) {
        if (s == null || s.isBlank() || s.length() > 2000) return false;
        try {
            URI u = new URI(s);
            return (u.getScheme() != null
                            && (u.getScheme().equals("https") || u.getScheme().equals("http")))
                    && u.getHost() != null
                    && u.getFragment() == null;
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }

    /** The origin of a URL ({@code scheme://host[:port]}), for the CSP's frame-ancestors; empty if it has none. */
    public static String origin(String url) {
        if (!url(url)) return "";
        URI u = URI.create(url);
        return u.getScheme() + "://" + u.getHost() + (u.getPort() < 0 ? "" : ":" + u.getPort());
    }
}
