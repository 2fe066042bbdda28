package kz.emtihan.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Optional;
import kz.emtihan.media.objects.S3Location;

/**
 * Issue 14 (1): where the engine keeps recordings, snapshots and identity photos ({@code objects} in emtihan.yaml):
 * {@code local}, the data directory of this node (the default), or {@code s3}, a bucket of any S3-compatible store
 * that every node reads and writes.
 *
 * @param s3 the bucket, with {@code store: s3}
 */
public record ObjectSettings(Optional<S3Location> s3) {
    public static ObjectSettings local() {
        return new ObjectSettings(Optional.empty());
    }

    static ObjectSettings read(ConfigTree t) {
        if (!t.has("objects")) return local();
        String store = t.oneOf("objects.store", List.of("local", "s3"));
        String p = "objects.s3.";
        String endpoint = t.has(p + "endpoint") ? t.string(p + "endpoint").trim() : "";
        String region = t.has(p + "region") ? t.string(p + "region").trim() : "us-east-1";
        String bucket = t.has(p + "bucket") ? t.string(p + "bucket").trim() : "";
        String access = t.has(p + "accessKey") ? t.string(p + "accessKey").trim() : "";
        String secret = t.has(p + "secretKey") ? t.string(p + "secretKey") : "";
        boolean pathStyle = !t.has(p + "pathStyle") || t.bool(p + "pathStyle");
        if (store.equals("local")) return local();
        if (!bucket.matches("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]"))
            throw new ConfigException(
                    p + "bucket", "must name a bucket (3-63 of a-z, 0-9, '.', '-') when objects.store is s3");
        if (region.isEmpty()) throw new ConfigException(p + "region", "must not be empty when objects.store is s3");
        if (access.isEmpty() != secret.isEmpty())
            throw new ConfigException(p + "secretKey", "accessKey and secretKey go together (or both empty)");
        return new ObjectSettings(
                Optional.of(new S3Location(endpoint(endpoint), region, bucket, access, secret, pathStyle)));
    }

    private static Optional<URI> endpoint(String text) {
        if (text.isEmpty()) return Optional.empty();
        try {
            URI uri = new URI(text);
            if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null)
                return Optional.of(uri);
        } catch (URISyntaxException e) {
            // refused below
        }
        throw new ConfigException(
                "objects.s3.endpoint", "must be an http:// or https:// URL of the S3 server, was '" + text + "'");
    }
}
