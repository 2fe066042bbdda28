package kz.emtihan.media.objects;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.NoSuchFileException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.LegacyMd5Plugin;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CommonPrefix;
import software.amazon.awssdk.services.s3.model.Delete;
import software.amazon.awssdk.services.s3.model.DeleteObjectsResponse;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Issue 14 (1): the object store as an S3-compatible bucket (Amazon S3, MinIO, Ceph RGW, s3proxy), through the AWS
 * SDK for Java v2 over plain {@code HttpURLConnection}s (no second Netty beside the engine's). A {@link #put} sends
 * {@code Content-MD5}, so the server refuses bytes damaged on the way, and returns only when the server has answered
 * 200: the object is stored. Any failure of the server is an {@link IOException}; a missing object a
 * {@link NoSuchFileException}, as for files.
 */
public final class S3Objects implements ObjectStore {
    private static final int DELETE_BATCH = 1000;
    private final S3Client s3;
    private final S3Location where;
    private final java.util.concurrent.atomic.AtomicBoolean batchDelete =
            new java.util.concurrent.atomic.AtomicBoolean(true);

    public S3Objects(S3Location where) {
        this.where = where;
        AwsCredentialsProvider credentials = where.accessKey().isEmpty()
                ? DefaultCredentialsProvider.builder().build()
                : StaticCredentialsProvider.create(AwsBasicCredentials.create(where.accessKey(), where.secretKey()));
        var b = S3Client.builder()
                .httpClientBuilder(UrlConnectionHttpClient.builder()
                        .connectionTimeout(Duration.ofSeconds(5))
                        .socketTimeout(Duration.ofSeconds(30)))
                .region(Region.of(where.region()))
                .credentialsProvider(credentials)
                .forcePathStyle(where.pathStyle())
                // S3-compatible servers do not all know the SDK's newer default checksums; Content-MD5 is universal
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                // a batch delete must carry a checksum: Content-MD5, which every S3-compatible server knows
                .addPlugin(LegacyMd5Plugin.create());
        where.endpoint().ifPresent(b::endpointOverride);
        this.s3 = b.build();
    }

    /**
     * Checks at start that the bucket is there and answers; with {@code create}, creates a missing one.
     *
     * @throws IllegalStateException with a sentence an operator can act on
     */
    public S3Objects check(boolean create) {
        try {
            s3.headBucket(r -> r.bucket(where.bucket()));
        } catch (NoSuchBucketException e) {
            if (!create) throw new IllegalStateException(where + ": the bucket does not exist; create it first");
            s3.createBucket(r -> r.bucket(where.bucket()));
        } catch (S3Exception e) {
            if (e.statusCode() == 404 && create) {
                s3.createBucket(r -> r.bucket(where.bucket()));
            } else if (e.statusCode() == 404) {
                throw new IllegalStateException(where + ": the bucket does not exist; create it first");
            } else {
                throw new IllegalStateException(where + " refused access (HTTP " + e.statusCode()
                        + "): check objects.s3.accessKey, secretKey and region");
            }
        } catch (SdkException e) {
            throw new IllegalStateException(where + " cannot be reached: " + e.getMessage());
        }
        return this;
    }

    @Override
    public void put(String key, byte[] bytes) throws IOException {
        String k = ObjectStore.checked(key);
        call(() -> s3.putObject(
                r -> r.bucket(where.bucket())
                        .key(k)
                        .contentLength((long) bytes.length)
                        .contentMD5(md5(bytes)),
                RequestBody.fromBytes(bytes)));
    }

    /** Issue 14 (1): a file in one PUT, streamed from disk, with its Content-MD5 read first (no multipart: see notes). */
    @Override
    public void put(String key, java.nio.file.Path file) throws IOException {
        String k = ObjectStore.checked(key);
        long size = java.nio.file.Files.size(file);
        String md5 = md5(file);
        call(() -> s3.putObject(
                r -> r.bucket(where.bucket()).key(k).contentLength(size).contentMD5(md5), RequestBody.fromFile(file)));
    }

    @Override
    public byte[] get(String key) throws IOException {
        String k = ObjectStore.checked(key);
        return call(
                () -> s3.getObjectAsBytes(r -> r.bucket(where.bucket()).key(k)).asByteArray(), k);
    }

    @Override
    public InputStream stream(String key, long from, long length) throws IOException {
        String k = ObjectStore.checked(key);
        if (length <= 0) return InputStream.nullInputStream();
        String range = "bytes=" + from + "-" + (from + length - 1);
        return call(() -> s3.getObject(r -> r.bucket(where.bucket()).key(k).range(range)), k);
    }

    @Override
    public List<Entry> list(String prefix) throws IOException {
        String p = ObjectStore.checkedPrefix(prefix);
        return call(() -> {
            List<Entry> out = new ArrayList<>();
            for (S3Object o : s3.listObjectsV2Paginator(
                            r -> r.bucket(where.bucket()).prefix(p))
                    .contents())
                if (!o.key().endsWith("/")) // a folder marker some servers list (s3proxy's filesystem, consoles)
                out.add(new Entry(o.key(), o.size(), o.lastModified()));
            return out;
        });
    }

    @Override
    public List<String> folders(String prefix) throws IOException {
        String p = ObjectStore.checkedPrefix(prefix);
        return call(() -> {
            List<String> out = new ArrayList<>();
            for (CommonPrefix c : s3.listObjectsV2Paginator(
                            r -> r.bucket(where.bucket()).prefix(p).delimiter("/"))
                    .commonPrefixes()) {
                String name = c.prefix().substring(p.length());
                out.add(name.endsWith("/") ? name.substring(0, name.length() - 1) : name);
            }
            out.sort(null);
            return out;
        });
    }

    @Override
    public void delete(List<String> keys) throws IOException {
        for (String k : keys) ObjectStore.checked(k);
        for (int i = 0; i < keys.size(); i += DELETE_BATCH) {
            List<String> batch = keys.subList(i, Math.min(keys.size(), i + DELETE_BATCH));
            if (batchDelete.get() && batch.size() > 1 && deleteBatch(batch)) continue;
            for (String k : batch)
                call(() -> s3.deleteObject(r -> r.bucket(where.bucket()).key(k)));
        }
    }

    /** One DeleteObjects; false if the server does not do them (then every object is deleted alone). */
    private boolean deleteBatch(List<String> keys) throws IOException {
        List<ObjectIdentifier> ids = keys.stream()
                .map(k -> ObjectIdentifier.builder().key(k).build())
                .toList();
        DeleteObjectsResponse r;
        try {
            r = s3.deleteObjects(d -> d.bucket(where.bucket())
                    .delete(Delete.builder().objects(ids).quiet(true).build()));
        } catch (S3Exception e) {
            if (e.statusCode() != 501 && e.statusCode() != 400)
                throw new IOException("object store: " + e.getMessage(), e);
            // the SDK's batch delete carries an x-amz-checksum-crc32 that some servers (s3proxy) do not know
            batchDelete.set(false);
            return false;
        } catch (SdkException e) {
            throw new IOException("object store: " + e.getMessage(), e);
        }
        if (r.hasErrors() && !r.errors().isEmpty())
            throw new IOException("object store: could not delete " + r.errors().size() + " objects, first "
                    + r.errors().get(0).key() + ": " + r.errors().get(0).message());
        return true;
    }

    @Override
    public String describe() {
        return where.toString();
    }

    @Override
    public void close() {
        s3.close();
    }

    private static <T> T call(Supplier<T> op) throws IOException {
        try {
            return op.get();
        } catch (SdkException e) {
            throw new IOException("object store: " + e.getMessage(), e);
        }
    }

    private static <T> T call(Supplier<T> op, String key) throws IOException {
        try {
            return op.get();
        } catch (NoSuchKeyException e) {
            throw new NoSuchFileException(key);
        } catch (S3Exception e) {
            if (e.statusCode() == 404) throw new NoSuchFileException(key);
            throw new IOException("object store: " + e.getMessage(), e);
        } catch (SdkException e) {
            throw new IOException("object store: " + e.getMessage(), e);
        }
    }

    private static String md5(java.nio.file.Path file) throws IOException {
        try (InputStream in = java.nio.file.Files.newInputStream(file)) {
            MessageDigest md = MessageDigest.getInstance("MD5");
            byte[] buf = new byte[1 << 16];
            for (int n; (n = in.read(buf)) > 0; ) md.update(buf, 0, n);
            return Base64.getEncoder().encodeToString(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String md5(byte[] bytes) {
        try {
            return Base64.getEncoder()
                    .encodeToString(MessageDigest.getInstance("MD5").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
