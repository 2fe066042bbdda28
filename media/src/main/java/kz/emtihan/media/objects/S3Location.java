package kz.emtihan.media.objects;

import java.net.URI;
import java.util.Optional;

/**
 * Issue 14 (1): where an S3-compatible bucket is ({@code objects.s3} in emtihan.yaml).
 *
 * @param endpoint  the server (MinIO, Ceph RGW, s3proxy...), or empty for Amazon S3 itself
 * @param region    the signing region ({@code us-east-1} for most S3-compatible servers)
 * @param pathStyle {@code http://host/bucket/key} rather than {@code http://bucket.host/key}: what most
 *                  S3-compatible servers need
 * @param accessKey empty: the SDK's default credentials (environment, profile, instance role)
 */
public record S3Location(
        Optional<URI> endpoint, String region, String bucket, String accessKey, String secretKey, boolean pathStyle) {
    @Override
    public String toString() { // never the secret
        return "s3 bucket " + bucket + endpoint.map(e -> " at " + e).orElse("") + " (" + region + ")";
    }
}
