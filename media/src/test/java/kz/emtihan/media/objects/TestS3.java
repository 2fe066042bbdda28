package kz.emtihan.media.objects;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStoreContext;

/**
 * Issue 14 (1): a real S3 server for tests and the ingest bench: s3proxy (Maven Central, {@code org.gaul:s3proxy}) in
 * this JVM on a free loopback port, over its filesystem backend in a temporary directory, with V4 signatures checked
 * against a test key pair. {@link #close} stops it and deletes the directory, test passed or not.
 */
public final class TestS3 implements AutoCloseable {
    public static final String ACCESS_KEY = "emtihan-test-access";
    public static final String SECRET_KEY = "emtihan-test-secret-0123456789";
    private final S3Proxy proxy;
    private final BlobStoreContext context;
    private final Path dir;

    private TestS3(S3Proxy proxy, BlobStoreContext context, Path dir) {
        this.proxy = proxy;
        this.context = context;
        this.dir = dir;
    }

    public static TestS3 start() {
        return start("filesystem");
    }

    /** @param backend {@code filesystem} (objects are files: what the tests use) or {@code transient} (in memory) */
    public static TestS3 start(String backend) {
        Path dir = null;
        try {
            dir = Files.createTempDirectory("emtihan-s3proxy");
            Properties props = new Properties();
            props.setProperty("jclouds.filesystem.basedir", dir.toString());
            BlobStoreContext context = ContextBuilder.newBuilder(backend)
                    .credentials("identity", "credential")
                    .overrides(props)
                    .buildView(BlobStoreContext.class);
            S3Proxy proxy = S3Proxy.builder()
                    .blobStore(context.getBlobStore())
                    .endpoint(URI.create("http://127.0.0.1:0"))
                    .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
                    .build();
            proxy.start();
            return new TestS3(proxy, context, dir);
        } catch (Exception e) {
            if (dir != null) deleteTree(dir);
            throw new IllegalStateException("s3proxy did not start", e);
        }
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + proxy.getPort());
    }

    /** A bucket of this server (created by the first {@link S3Objects#check} with create). */
    public S3Location location(String bucket) {
        return new S3Location(Optional.of(endpoint()), "us-east-1", bucket, ACCESS_KEY, SECRET_KEY, true);
    }

    /** A client of a new, empty bucket. */
    public S3Objects bucket(String name) {
        return new S3Objects(location(name)).check(true);
    }

    /** The env of an engine node that stores its media in the bucket. */
    public java.util.Map<String, String> engineEnv(String bucket) {
        new S3Objects(location(bucket)).check(true).close();
        return java.util.Map.of(
                "EMTIHAN_OBJECTS_STORE",
                "s3",
                "EMTIHAN_OBJECTS_S3_ENDPOINT",
                endpoint().toString(),
                "EMTIHAN_OBJECTS_S3_REGION",
                "us-east-1",
                "EMTIHAN_OBJECTS_S3_BUCKET",
                bucket,
                "EMTIHAN_OBJECTS_S3_ACCESS_KEY",
                ACCESS_KEY,
                "EMTIHAN_OBJECTS_S3_SECRET_KEY",
                SECRET_KEY,
                "EMTIHAN_OBJECTS_S3_PATH_STYLE",
                "true");
    }

    @Override
    public void close() {
        try {
            proxy.stop();
        } catch (Exception e) {
            // stopping a test server: nothing more to do
        } finally {
            context.close();
            deleteTree(dir);
        }
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
