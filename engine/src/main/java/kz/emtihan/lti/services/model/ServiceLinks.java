package kz.emtihan.lti.services.model;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Issue 16 (3-4): the URLs the LTI Advantage services are reached at, derived as the specifications say. */
public final class ServiceLinks {
    private static final Pattern LINK = Pattern.compile("<([^>]*)>\\s*((?:;\\s*[^,;]+)*)");
    private static final Pattern NEXT = Pattern.compile(";\\s*rel\\s*=\\s*\"?([^\";]*)\"?");

    private ServiceLinks() {}

    /**
     * AGS 2.0, 3.4: scores are posted to the line item's URL with {@code /scores} appended to its path, its query (if
     * any) kept after it.
     */
    public static String scoresOf(String lineItemUrl) {
        int q = lineItemUrl.indexOf('?');
        String path = q < 0 ? lineItemUrl : lineItemUrl.substring(0, q);
        String query = q < 0 ? "" : lineItemUrl.substring(q);
        return (path.endsWith("/") ? path.substring(0, path.length() - 1) : path) + "/scores" + query;
    }

    /** NRPS 2.0, 2.4.1: the next page of a membership container, from the {@code Link} header's {@code rel="next"}. */
    public static Optional<String> next(String linkHeader) {
        if (linkHeader == null) return Optional.empty();
        Matcher m = LINK.matcher(linkHeader);
        while (m.find()) {
            Matcher rel = NEXT.matcher(m.group(2));
            while (rel.find())
                for (String r : rel.group(1).trim().split("\\s+"))
                    if (r.equals("next")) return Optional.of(m.group(1).trim());
        }
        return Optional.empty();
    }

    /** The line items URL with a query parameter added ({@code resource_link_id}, {@code limit}...). */
    public static String withParam(String url, String name, String value) {
        return url + (url.contains("?") ? "&" : "?") + name + "="
                + java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
    }
}
